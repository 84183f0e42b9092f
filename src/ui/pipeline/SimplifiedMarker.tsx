/**
 * The ⓘ "Simplified" marker in a stage's corner (DESIGN.md Principle 1: where we simplify, the
 * UI says so). A toggletip: a small button whose accessible name is `Simplified: <stage>`; Enter,
 * Space or a click opens a short note under it, Escape, a second click, leaving the button or
 * clicking elsewhere closes it. The note is portalled out of the diagram, whose box clips its content.
 */
import { useCallback, useEffect, useId, useRef, useState, type CSSProperties } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { STAGES, type Stage } from './layout.ts';

/**
 * Stages whose behaviour docs/FIDELITY.md lists as simplified (each has a `simplified.note.*`):
 * every stage but your manifest and kubectl, which behave as the real ones do.
 */
export const SIMPLIFIED_STAGES: ReadonlySet<Stage> = new Set(STAGES.filter((s) => s !== 'manifest' && s !== 'kubectl'));

/**
 * Stages whose top-right corner is crowded (the "watch" label of the API server's edge passes
 * just above controller-manager's) carry the marker on the bottom-right corner instead.
 */
const BOTTOM_CORNER: ReadonlySet<Stage> = new Set<Stage>(['controller-manager']);

const NOTE_WIDTH = 320;
const MARGIN = 8;

/** Where the note goes: under the marker, right-aligned to it, kept inside the window. */
function placeNote(button: HTMLElement): CSSProperties {
  const r = button.getBoundingClientRect();
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const width = Math.min(NOTE_WIDTH, vw - 2 * MARGIN);
  const left = Math.max(MARGIN, Math.min(r.right - width, vw - width - MARGIN));
  // Below the marker when there is room for a short note, else above it.
  return r.bottom + 160 < vh ? { left, top: r.bottom + 6, width } : { left, bottom: vh - r.top + 6, width };
}

export function SimplifiedMarker({ stage, label }: { stage: Stage; label: string }) {
  const { t } = useTranslation('pipeline');
  const [style, setStyle] = useState<CSSProperties>();
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();
  const open = style !== undefined;
  const close = useCallback(() => setStyle(undefined), []);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        close();
        button.current?.focus();
      }
    };
    const onPointer = (e: PointerEvent) => {
      if (!button.current?.contains(e.target as Node)) close();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer);
    window.addEventListener('resize', close);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer);
      window.removeEventListener('resize', close);
    };
  }, [open, close]);

  if (!SIMPLIFIED_STAGES.has(stage)) return null;
  return (
    <>
      <button
        ref={button}
        type="button"
        className={`stage-simplified nodrag nopan${BOTTOM_CORNER.has(stage) ? ' at-bottom' : ''}${open ? ' is-open' : ''}`}
        aria-label={t('simplified.marker', { stage: label })}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-describedby={open ? id : undefined}
        title={t('simplified.marker', { stage: label })}
        onClick={(e) => {
          e.stopPropagation();
          setStyle(open ? undefined : placeNote(e.currentTarget));
        }}
        onBlur={close}
      >
        <span aria-hidden="true">i</span>
      </button>
      {open &&
        createPortal(
          <div id={id} role="note" className="simplified-note" style={style} data-testid="simplified-note">
            <strong className="simplified-title">{t('simplified.title')} · {label}</strong>
            <p>{t(`simplified.note.${stage}`)}</p>
            <p className="simplified-more">{t('simplified.more')}</p>
          </div>,
          // Inside the <main> landmark (not clipped: only the diagram's own box clips).
          document.querySelector('main') ?? document.body,
        )}
    </>
  );
}
