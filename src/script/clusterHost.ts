/**
 * A ScriptHost over a Cluster that runs in the same thread (CLI, tests): virtual time advances
 * by running the cluster's clock, so `sleep 30s` and `kubectl wait` take no wall time.
 */
import type { Cluster } from '../engine/types.ts';
import type { KubectlIO } from '../kubectl/types.ts';
import type { ScriptHost } from './index.ts';

/** KubectlIO for a cluster driven synchronously. */
export function kubectlIOForCluster(cluster: Cluster, readFile: (path: string) => string | undefined): KubectlIO {
  return {
    request: (req) => cluster.handle(req),
    watch: (path, query, onEvent) => cluster.watch(path, query, onEvent),
    trace: (span) => {
      cluster.recordSpan(span);
    },
    nowMs: () => cluster.epochMs + cluster.now(),
    sleep: async (ms) => {
      cluster.runFor(ms);
    },
    sleepUntil: async (ms, done) => {
      const deadline = cluster.now() + ms;
      // Stop right after the timer whose work made the condition true, as a watch would.
      while (!done() && cluster.now() < deadline) {
        if (!cluster.runUntil(deadline, { stopOnSpan: true })) break;
      }
    },
    readFile,
  };
}

export function hostForCluster(cluster: Cluster, readFile: (path: string) => string | undefined): ScriptHost {
  return { io: kubectlIOForCluster(cluster, readFile), sim: cluster.sim, now: () => cluster.now() };
}
