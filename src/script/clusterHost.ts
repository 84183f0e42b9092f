/**
 * A ScriptHost over a Cluster that runs in the same thread (CLI, tests): virtual time advances
 * by running the cluster's clock, so `sleep 30s` and `kubectl wait` take no wall time.
 */
import type { Cluster } from '../engine/types.ts';
import { kubectlIOForCluster } from '../kubectl/clusterIO.ts';
import type { ScriptHost } from './index.ts';

export { kubectlIOForCluster };

export function hostForCluster(cluster: Cluster, readFile: (path: string) => string | undefined): ScriptHost {
  return { io: kubectlIOForCluster(cluster, readFile), sim: cluster.sim, now: () => cluster.now() };
}
