/** The cluster's current state: the workloads strip, node cards with their pods, and the unscheduled lane. */
import { useTranslation } from 'react-i18next';
import { AddNodeButton } from '../actions/AddNodeButton.tsx';
import { useStore } from '../../store/index.ts';
import { NodeCard } from './NodeCard.tsx';
import { UnscheduledLane } from './UnscheduledLane.tsx';
import { useStableArray } from './usePodChips.ts';
import { WorkloadsStrip } from './WorkloadsStrip.tsx';
import { ConfigStrip } from './ConfigStrip.tsx';
import { ServicesStrip } from './ServicesStrip.tsx';

const COMPACT_PER_NODE = 6;

export function ClusterView() {
  const { t } = useTranslation('cluster');
  const nodeKeys = useStableArray((s) => s.nodes.map((n) => `nodes//${n.metadata.name}`));
  const podCount = useStore((s) => s.pods.length);
  // Past a few pods per node, chips become coloured dots so a 300-pod cluster fits on screen.
  const compact = podCount > COMPACT_PER_NODE * Math.max(1, nodeKeys.length);
  return (
    <section className="panel cluster-panel" aria-labelledby="cluster-title">
      <h2 id="cluster-title" className="panel-title">
        {t('title')} <span className="panel-sub">{t('summary', { nodes: nodeKeys.length, pods: podCount, count: podCount })}</span>
        <span className="panel-tools"><AddNodeButton /></span>
      </h2>
      {/* Who owns the pods below: Deployment → ReplicaSets, with their counts. */}
      <WorkloadsStrip />
      {/* What serves the pods (Services, Ingresses) and what configures them (ConfigMaps, Secrets). */}
      <div className="objects-strip">
        <ServicesStrip />
        <ConfigStrip />
      </div>
      <div className="cluster-scroll">
        {/* Pending pods sit left of the nodes: the scheduler moves them right, into a node. */}
        <div className="node-list">
          <UnscheduledLane compact={compact} />
          {nodeKeys.map((k) => <NodeCard key={k} nodeKey={k} compact={compact} />)}
        </div>
      </div>
    </section>
  );
}
