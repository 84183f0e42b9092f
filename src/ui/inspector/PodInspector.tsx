/**
 * A selected pod in the inspector, in three tabs: Details (desired vs current, events),
 * Environment & files (what a container sees) and Scheduling (kube-scheduler's explanation).
 * WAI-ARIA tabs: arrow keys move between them.
 */
import { useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { objectAt, schedulerPodKey, useStore } from '../../store/index.ts';
import { ContainerEnvPanel } from './ContainerEnvPanel.tsx';
import { PodDetails } from './PodDetails.tsx';
import { SchedulingPanel } from './SchedulingPanel.tsx';

export type PodTab = 'details' | 'env' | 'scheduling';
const TABS: PodTab[] = ['details', 'env', 'scheduling'];

export function PodInspector({ podKey, tab, onTab }: { podKey: string; tab: PodTab; onTab: (tab: PodTab) => void }) {
  const { t } = useTranslation('scheduling');
  const { t: tc } = useTranslation('config');
  const id = useId();
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  // A pod kube-scheduler could not place: the Scheduling tab says so on its label.
  const failed = useStore((s) => !!s.explanations[schedulerPodKey(podKey)]?.message
    && !(objectAt(s, podKey) as { spec?: { nodeName?: string } } | undefined)?.spec?.nodeName);
  const onKey = (ev: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    const next = ev.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : ev.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : undefined;
    if (!next) return;
    ev.preventDefault();
    onTab(next);
    refs.current[next]?.focus();
  };
  return (
    <>
      <div className="tabs pod-tabs" role="tablist" aria-label={t('tab.tabs')} onKeyDown={onKey}>
        {TABS.map((k) => (
          <button
            key={k}
            ref={(el) => { refs.current[k] = el; }}
            type="button"
            role="tab"
            className="tab"
            id={`${id}-${k}`}
            aria-selected={tab === k}
            aria-controls={`${id}-${k}-panel`}
            tabIndex={tab === k ? 0 : -1}
            onClick={() => onTab(k)}
          >
            {k === 'env' ? tc('env.tab') : t(`tab.${k}`)}
            {k === 'scheduling' && failed && (
              <span className="tab-alert">
                <span aria-hidden="true">⚠</span>
                <span className="visually-hidden">{t('tab.failed')}</span>
              </span>
            )}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-${tab}-panel`} aria-labelledby={`${id}-${tab}`} className="pod-tabpanel">
        {tab === 'details' ? <PodDetails podKey={podKey} /> : tab === 'env' ? <ContainerEnvPanel key={podKey} podKey={podKey} /> : <SchedulingPanel podKey={podKey} />}
      </div>
    </>
  );
}
