/**
 * The manifest editor: examples, Apply (button and Ctrl/Cmd+Enter), the text (a plain view at
 * once, Monaco as soon as its lazy chunk arrives), kubectl's output and the problems list.
 * Apply runs `kubectl apply -f manifest.yaml` in the worker; its diagnostics become markers.
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index.ts';
import type { Diagnostic } from '../../protocol/types.ts';
import type { CommandResult } from '../../protocol/messages.ts';
import { getText, markDirty, saveNow } from './editorDoc.ts';
import type { EditorHandle, Problem } from './editorHandle.ts';
import type { Example } from './examples.ts';
import { ExamplesMenu } from './ExamplesMenu.tsx';
import { PlainEditor } from './PlainEditor.tsx';
import { ApplyOutput, type EditorNotice } from './ApplyOutput.tsx';
import { formatMiB, MAX_FILE_BYTES, readDroppedFile } from './droppedFile.ts';
import { useFileDrop } from './useFileDrop.ts';
import { MonacoBoundary } from './MonacoBoundary.tsx';
import './editor.css';

/** The file name kubectl sees; diagnostics and the apply span name it. */
export const MANIFEST_FILE = 'manifest.yaml';

const loadMonaco = () => import('./MonacoEditor.tsx');
const MonacoEditor = lazy(loadMonaco);

const NO_DIAGNOSTICS: readonly Diagnostic[] = [];

/** Editor panel; H4's App lays it out. */
export function EditorPanel() {
  const { t } = useTranslation('editor');
  const [mountMonaco, setMountMonaco] = useState(false);
  const [monacoReady, setMonacoReady] = useState(false);
  const [applying, setApplying] = useState(false);
  const [result, setResult] = useState<CommandResult>();
  const [diagnostics, setDiagnostics] = useState<readonly Diagnostic[]>(NO_DIAGNOSTICS);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [notice, setNotice] = useState<EditorNotice>();
  const handle = useRef<EditorHandle | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement | null>(null);
  const busy = useRef(false);

  // Start fetching Monaco right after the first paint: the editor is visible, but the first
  // paint must not wait for ~4 MB of editor code.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        void loadMonaco();
        setMountMonaco(true);
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);

  const apply = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    setApplying(true);
    setNotice(undefined);
    saveNow();
    try {
      const res = await useStore.getState().apply(getText(), MANIFEST_FILE);
      setResult(res);
      setDiagnostics(res.diagnostics?.length ? res.diagnostics : NO_DIAGNOSTICS);
    } catch (err) {
      setResult({ stdout: '', stderr: `${t('applyFailed')}: ${String(err)}\n`, exitCode: 1 });
    } finally {
      busy.current = false;
      setApplying(false);
    }
  }, [t]);

  const applyVoid = useCallback(() => void apply(), [apply]);

  /** Replace the whole text (undoable in Monaco); it is saved locally like any edit, not applied. */
  const loadText = useCallback((text: string) => {
    setDiagnostics(NO_DIAGNOSTICS);
    setResult(undefined);
    if (handle.current) {
      handle.current.replaceText(text);
      handle.current.focus();
    } else if (textareaRef.current) {
      textareaRef.current.value = text;
      textareaRef.current.focus();
      markDirty();
    }
  }, []);

  const pickExample = useCallback((ex: Example) => {
    setNotice(undefined);
    loadText(ex.text);
  }, [loadText]);

  // Only the first file is read; a refused one leaves the text as it was.
  const dropSeq = useRef(0);
  const onFiles = useCallback(async (files: File[]) => {
    const first = files[0];
    if (!first) return;
    const seq = ++dropSeq.current;
    const outcome = await readDroppedFile(first);
    if (seq !== dropSeq.current) return; // a later drop won
    const lines: string[] = [];
    const limit = MAX_FILE_BYTES / (1024 * 1024);
    switch (outcome.kind) {
      case 'loaded':
        loadText(outcome.text);
        lines.push(t('drop.loaded', { name: outcome.name }));
        break;
      case 'notText':
        lines.push(t('drop.notText', { name: outcome.name }));
        break;
      case 'tooBig':
        lines.push(t('drop.tooBig', { name: outcome.name, size: formatMiB(outcome.size), limit }));
        break;
      case 'unreadable':
        lines.push(t('drop.unreadable', { name: outcome.name, reason: outcome.reason }));
        break;
    }
    if (files.length > 1) lines.push(t('drop.extra', { count: files.length - 1 }));
    setNotice({ kind: outcome.kind === 'loaded' ? 'info' : 'error', lines });
  }, [loadText, t]);
  const drop = useFileDrop((files) => void onFiles(files));

  const reveal = useCallback((line: number, column: number) => {
    if (handle.current) {
      handle.current.reveal(line, column);
      return;
    }
    const ta = textareaRef.current;
    if (!ta) return;
    const lines = ta.value.split('\n', line);
    const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
    ta.focus();
    ta.setSelectionRange(offset, offset);
  }, []);

  const onReady = useCallback((h: EditorHandle) => {
    handle.current = h;
    setMonacoReady(true);
  }, []);

  const getCarry = useCallback(() => {
    const ta = textareaRef.current;
    if (!ta) return undefined;
    return { offset: ta.selectionStart, focused: document.activeElement === ta };
  }, []);

  return (
    <section
      className="editor-panel"
      aria-label={t('panel')}
      {...drop.handlers}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.defaultPrevented) {
          e.preventDefault();
          void apply();
        }
      }}
    >
      <div className="editor-toolbar">
        <h2 className="editor-title">{MANIFEST_FILE}</h2>
        <ExamplesMenu onPick={pickExample} />
        <button
          type="button"
          className="btn btn-primary apply-button"
          onClick={() => void apply()}
          aria-busy={applying}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          title={t('applyHint')}
        >
          {t('apply')}
        </button>
      </div>
      <div
        className="editor-surface"
        data-testid="editor"
        data-ready={monacoReady ? 'true' : 'false'}
        data-dragover={drop.over ? 'true' : undefined}
      >
        {drop.over && <div className="drop-hint" aria-hidden="true">{t('drop.hint')}</div>}
        {!monacoReady && <PlainEditor onApply={() => void apply()} textareaRef={textareaRef} />}
        {mountMonaco && (
          <div className="monaco-host" style={{ visibility: monacoReady ? 'visible' : 'hidden' }}>
            <MonacoBoundary onError={() => setMountMonaco(false)}>
              <Suspense fallback={null}>
                <MonacoEditor
                  diagnostics={diagnostics}
                  onApply={applyVoid}
                  onReady={onReady}
                  onProblems={setProblems}
                  getCarry={getCarry}
                />
              </Suspense>
            </MonacoBoundary>
          </div>
        )}
      </div>
      <ApplyOutput result={result} problems={problems} onReveal={reveal} notice={notice} />
    </section>
  );
}
