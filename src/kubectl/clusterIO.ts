/**
 * KubectlIO over a Cluster that runs in the same thread (CLI, tests): virtual time advances by
 * running the cluster's clock, so `kubectl wait` takes no wall time and returns at the virtual
 * moment its condition became true.
 */
import type { Cluster } from '../engine/types.ts';
import type { KubectlIO } from './types.ts';

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

