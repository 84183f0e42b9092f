/**
 * The Delete key deletes the selected pod (`kubectl delete pod NAME`), unless the key was meant
 * for text: the editor, the terminal, or any field.
 */
import { useEffect } from 'react';
import { objectAt, useStore } from '../../store/index.ts';
import { deletePodLine } from './commands.ts';

/** True when the key event belongs to a text field, Monaco or the terminal. */
export function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], .monaco-editor, [data-testid="terminal"], [data-testid="editor"]')) return true;
  return false;
}

export function useDeleteKey(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Delete' || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTextTarget(e.target)) return;
      const s = useStore.getState();
      if (s.selection?.kind !== 'pod') return;
      const pod = objectAt(s, s.selection.key);
      if (!pod || pod.metadata.deletionTimestamp) return;
      e.preventDefault();
      void s.runAction(deletePodLine(pod.metadata.name, pod.metadata.namespace));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
