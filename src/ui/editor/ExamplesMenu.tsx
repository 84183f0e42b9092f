/**
 * "Examples" menu button (WAI-ARIA menu button pattern): Enter/Space/ArrowDown opens it,
 * arrows move, Enter picks, Escape closes and returns focus to the button.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXAMPLES, type Example } from './examples.ts';

export interface ExamplesMenuProps {
  onPick: (example: Example) => void;
}

/** Drop-down list of example manifests. */
export function ExamplesMenu({ onPick }: ExamplesMenuProps) {
  const { t } = useTranslation('editor');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) itemRefs.current[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  const pick = (ex: Example) => {
    close();
    onPick(ex);
  };

  return (
    <div className="examples-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="btn"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => {
          setActive(0);
          setOpen((o) => !o);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setActive(e.key === 'ArrowDown' ? 0 : EXAMPLES.length - 1);
            setOpen(true);
          }
        }}
      >
        {t('examples.button')} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          id={menuId}
          role="menu"
          aria-label={t('examples.button')}
          className="examples-list"
          onKeyDown={(e) => {
            const n = EXAMPLES.length;
            if (e.key === 'ArrowDown') setActive((a) => (a + 1) % n);
            else if (e.key === 'ArrowUp') setActive((a) => (a - 1 + n) % n);
            else if (e.key === 'Home') setActive(0);
            else if (e.key === 'End') setActive(n - 1);
            else if (e.key === 'Escape') close();
            else if (e.key === 'Tab') setOpen(false);
            else return;
            if (e.key !== 'Tab') e.preventDefault();
          }}
        >
          {EXAMPLES.map((ex, i) => (
            <button
              key={ex.id}
              ref={(el) => {
                itemRefs.current[i] = el;
              }}
              type="button"
              role="menuitem"
              tabIndex={i === active ? 0 : -1}
              className="examples-item"
              aria-label={t(`examples.${ex.id}.title`)}
              aria-describedby={`${menuId}-${ex.id}`}
              onClick={() => pick(ex)}
            >
              <span className="examples-title">{t(`examples.${ex.id}.title`)}</span>
              <span className="examples-hint" id={`${menuId}-${ex.id}`}>
                {t(`examples.${ex.id}.hint`)}
              </span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
