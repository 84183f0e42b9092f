/**
 * The text, editable, while Monaco's chunk loads (and if it ever fails to): a plain
 * uncontrolled textarea, so a 2 MB paste costs the browser one native edit and React nothing.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { attachSource, getText, markDirty } from './editorDoc.ts';

export interface PlainEditorProps {
  onApply: () => void;
  /** Lets the panel read the caret and focus when Monaco takes over. */
  textareaRef: React.RefObject<HTMLTextAreaElement | null>;
}

/** Fallback editor view with the same text, persistence and Ctrl/Cmd+Enter as Monaco. */
export function PlainEditor({ onApply, textareaRef }: PlainEditorProps) {
  const { t } = useTranslation('editor');
  const initial = useRef(getText());

  useEffect(() => {
    const ta = textareaRef.current;
    if (!ta) return;
    return attachSource(() => ta.value);
  }, [textareaRef]);

  return (
    <textarea
      ref={textareaRef}
      className="plain-editor"
      defaultValue={initial.current}
      aria-label={t('aria.editor')}
      spellCheck={false}
      autoCapitalize="off"
      autoCorrect="off"
      wrap="off"
      onInput={markDirty}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          e.stopPropagation();
          onApply();
        }
      }}
    />
  );
}
