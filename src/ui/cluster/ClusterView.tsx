/** The cluster's current state: node cards with their pods, and the unscheduled lane. */
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store/index.ts';
import { NodeCard } from './NodeCard.tsx';
import { UnscheduledLane } from './UnscheduledLane.tsx';

export function ClusterView() {
  const { t } = useTranslation('cluster');
  const nodeKeys = useStore(useShallow((s) => s.nodes.map((n) => `nodes//${n.metadata.name}`)));
  const podCount = useStore((s) => s.pods.length);
  return (
    <section className="panel cluster-panel" aria-labelledby="cluster-title">
      <h2 id="cluster-title" className="panel-title">
        {t('title')} <span className="panel-sub">{t('summary', { nodes: nodeKeys.length, pods: podCount })}</span>
      </h2>
      <div className="node-list">
        <UnscheduledLane />
        {nodeKeys.map((k) => <NodeCard key={k} nodeKey={k} />)}
      </div>
    </section>
  );
}
