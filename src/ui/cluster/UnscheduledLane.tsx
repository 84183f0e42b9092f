/** Pods not yet bound to a node: what the scheduler still has to place (a strip above the nodes). */
import { useTranslation } from 'react-i18next';
import { UNSCHEDULED } from '../../store/reducers.ts';
import { PodList } from './PodList.tsx';
import { usePodChips, useSelectedPod } from './usePodChips.ts';

export function UnscheduledLane({ compact }: { compact: boolean }) {
  const { t } = useTranslation('cluster');
  const pods = usePodChips(UNSCHEDULED);
  const selectedKey = useSelectedPod();
  return (
    <section className="lane" data-testid="unscheduled" aria-label={t('unscheduled.title')}>
      <div className="lane-head">
        <span className="lane-title">{t('unscheduled.title')}</span>
        <span className="badge">{pods.length}</span>
      </div>
      {pods.length === 0 ? (
        <span className="empty">{t('unscheduled.hint')}</span>
      ) : (
        <PodList pods={pods} selectedKey={selectedKey} compact={compact} label={t('unscheduled.title')} t={t} />
      )}
    </section>
  );
}
