/** Manifest editor panel (stub; the real Monaco editor lands shortly). */
export function EditorPanel() {
  return <section data-testid="editor" aria-label="Editor" />;
}
