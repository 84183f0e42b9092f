/** Pods not yet bound to a node: what the scheduler still has to place (a strip above the nodes). */
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index.ts';
import { UNSCHEDULED } from '../../store/reducers.ts';
import { PodChip } from './PodChip.tsx';

const NO_PODS: string[] = [];

export function UnscheduledLane({ compact }: { compact: boolean }) {
  const { t } = useTranslation('cluster');
  const podKeys = useStore((s) => s.podsByNode[UNSCHEDULED] ?? NO_PODS);
  return (
    <section className="lane" data-testid="unscheduled" aria-label={t('unscheduled.title')}>
      <div className="lane-head">
        <span className="lane-title">{t('unscheduled.title')}</span>
        <span className="badge">{podKeys.length}</span>
      </div>
      {podKeys.length === 0 ? (
        <span className="empty">{t('unscheduled.hint')}</span>
      ) : (
        <div className={`pod-grid ${compact ? 'compact' : ''}`} role="list" aria-label={t('unscheduled.title')}>
          {podKeys.map((k) => <div role="listitem" key={k}><PodChip podKey={k} compact={compact} t={t} /></div>)}
        </div>
      )}
    </section>
  );
}
