/**
 * The cluster's grid cell, taller while the workloads strip is shown above the nodes. A class
 * from the store rather than a CSS `:has()`, which the browser re-checks on every chip change.
 */
import { useStore } from '../../store/index.ts';
import { DEPLOYMENTS, REPLICASETS } from '../../store/workloads.ts';
import { ClusterView } from './ClusterView.tsx';

const nonEmpty = (m: Record<string, unknown> | undefined) => {
  for (const _ in m) return true;
  return false;
};

export function ClusterArea() {
  const hasWorkloads = useStore((s) => nonEmpty(s.byResource[DEPLOYMENTS]) || nonEmpty(s.byResource[REPLICASETS]));
  return <div className={`area-cluster${hasWorkloads ? ' has-workloads' : ''}`}><ClusterView /></div>;
}
