/** Pods not yet bound to a node: what the scheduler still has to place. */
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index.ts';
import { UNSCHEDULED } from '../../store/reducers.ts';
import { PodChip } from './PodChip.tsx';

const NO_PODS: string[] = [];

export function UnscheduledLane() {
  const { t } = useTranslation('cluster');
  const podKeys = useStore((s) => s.podsByNode[UNSCHEDULED] ?? NO_PODS);
  return (
    <section className="node-card lane" data-testid="unscheduled" aria-label={t('unscheduled.title')}>
      <header className="node-head">
        <span className="node-name lane-name">{t('unscheduled.title')}</span>
        <span className="badge">{podKeys.length}</span>
      </header>
      <div className="node-facts"><span>{t('unscheduled.hint')}</span></div>
      <div className="pod-grid" role="list" aria-label={t('unscheduled.title')}>
        {podKeys.length === 0 ? <span className="empty">{t('unscheduled.none')}</span> : podKeys.map((k) => (
          <div role="listitem" key={k}><PodChip podKey={k} /></div>
        ))}
      </div>
    </section>
  );
}
