/**
 * Makes an element a drop target for files. Capture-phase handlers, so Monaco (which would
 * insert a dropped file's name or text at the cursor) and the plain textarea never see a file
 * drag; dragging text inside the editor is left to them.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';

const carriesFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

/** `over` is true while files are dragged over the element; spread `handlers` on it. */
export function useFileDrop(onFiles: (files: File[]) => void) {
  const [over, setOver] = useState(false);
  // dragenter/dragleave fire for every child crossed; count them to know when the pointer left.
  const depth = useRef(0);
  const onFilesRef = useRef(onFiles);
  useEffect(() => {
    onFilesRef.current = onFiles;
  });

  const onDragEnterCapture = useCallback((e: DragEvent) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    e.stopPropagation();
    depth.current++;
    setOver(true);
  }, []);
  const onDragOverCapture = useCallback((e: DragEvent) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    e.stopPropagation();
    e.dataTransfer.dropEffect = 'copy';
    setOver(true);
  }, []);
  const onDragLeaveCapture = useCallback((e: DragEvent) => {
    if (!carriesFiles(e)) return;
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setOver(false);
  }, []);
  const onDropCapture = useCallback((e: DragEvent) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    e.stopPropagation();
    depth.current = 0;
    setOver(false);
    onFilesRef.current(Array.from(e.dataTransfer.files));
  }, []);

  const handlers = useMemo(
    () => ({ onDragEnterCapture, onDragOverCapture, onDragLeaveCapture, onDropCapture }),
    [onDragEnterCapture, onDragOverCapture, onDragLeaveCapture, onDropCapture],
  );
  return { over, handlers };
}
