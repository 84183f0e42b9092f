/**
 * Events | kubectl terminal | Traffic tabs (WAI-ARIA tabs pattern; events and terminal stay mounted, traffic only while shown), in a dock
 * that folds down to its tab bar so the pipeline can have the room (a tab click unfolds it).
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../../protocol/types.ts';
import { useStore } from '../../store/index.ts';
import { Terminal } from '../terminal/Terminal.tsx';
import { EventsTable } from '../timeline/EventsTable.tsx';
import { TrafficPanel, TrafficTabLabel } from '../traffic/TrafficPanel.tsx';

const TABS = ['events', 'terminal', 'traffic'] as const;
type Tab = (typeof TABS)[number];

const warningCounts = new WeakMap<readonly KubeObject[], number>();

/** Warning events in the list; counted once per list (the selector runs on every store update). */
function countWarnings(events: readonly KubeObject[]): number {
  let n = warningCounts.get(events);
  if (n === undefined) {
    n = 0;
    for (const e of events) if ((e as { type?: string }).type === 'Warning') n++;
    warningCounts.set(events, n);
  }
  return n;
}

export function BottomTabs() {
  const { t } = useTranslation('app');
  const [tab, setTab] = useState<Tab>('events');
  const [open, setOpen] = useState(true);
  const warnings = useStore((s) => countWarnings(s.events));
  const refs = useRef<Record<Tab, HTMLButtonElement | null>>({ events: null, terminal: null, traffic: null });
  // A UI action (Delete pod, Scale …) ran a command: show it in the terminal, where it can be retyped.
  const reveal = useStore((s) => s.terminalReveal);
  useEffect(() => {
    if (reveal === 0) return;
    setTab('terminal');
    setOpen(true);
  }, [reveal]);

  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const next = TABS[(TABS.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    setTab(next);
    setOpen(true);
    refs.current[next]?.focus();
  };

  return (
    <section className={`panel bottom-panel${open ? '' : ' collapsed'}`}>
      <div className="tabs-bar">
        <div className="tabs" role="tablist" aria-label={t('tabs.label')} onKeyDown={onKey}>
          {TABS.map((id) => (
            <button
              key={id}
              ref={(el) => { refs.current[id] = el; }}
              type="button"
              role="tab"
              id={`tab-${id}`}
              aria-selected={tab === id}
              aria-controls={`tabpanel-${id}`}
              tabIndex={tab === id ? 0 : -1}
              className="tab"
              onClick={() => {
                setTab(id);
                setOpen(true);
              }}
            >
              {id === 'traffic' ? <TrafficTabLabel /> : t(`tabs.${id}`)}
              {id === 'events' && warnings > 0 && <span className="badge badge-bad tab-count">{t('tabs.warnings', { count: warnings })}</span>}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="dock-toggle"
          aria-expanded={open}
          aria-controls="tabpanel-events tabpanel-terminal tabpanel-traffic"
          onClick={() => setOpen((o) => !o)}
        >
          <span aria-hidden="true">{open ? '▾' : '▴'}</span> {open ? t('tabs.hide') : t('tabs.show')}
          <span className="visually-hidden"> {t('tabs.label')}</span>
        </button>
      </div>
      <div role="tabpanel" id="tabpanel-events" aria-labelledby="tab-events" hidden={!open || tab !== 'events'} className="tabpanel">
        <EventsTable />
      </div>
      <div role="tabpanel" id="tabpanel-terminal" aria-labelledby="tab-terminal" hidden={!open || tab !== 'terminal'} className="tabpanel">
        <Terminal />
      </div>
      <div role="tabpanel" id="tabpanel-traffic" aria-labelledby="tab-traffic" hidden={!open || tab !== 'traffic'} className="tabpanel">
        {tab === 'traffic' && <TrafficPanel />}
      </div>
    </section>
  );
}
