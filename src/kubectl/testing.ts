/** Test helper: kubectl against a real engine cluster, with in-memory files. */
import { createCluster } from '../engine/index.ts';
import type { Cluster } from '../engine/types.ts';
import { kubectlIOForCluster } from './clusterIO.ts';
import { kubectl } from './index.ts';
import type { KubectlIO, KubectlResult } from './types.ts';

export interface KubectlHarness {
  cluster: Cluster;
  io: KubectlIO;
  files: Record<string, string>;
  /** Runs `kubectl <line>` (split on spaces; use `run` for quoted args). */
  k(line: string): Promise<KubectlResult>;
  run(argv: string[]): Promise<KubectlResult>;
}

export function harness(seed = 1): KubectlHarness {
  const cluster = createCluster({ seed });
  const files: Record<string, string> = {};
  const io = kubectlIOForCluster(cluster, (p) => files[p]);
  return {
    cluster,
    io,
    files,
    k: (line) => kubectl(line.split(' ').filter(Boolean), io),
    run: (argv) => kubectl(argv, io),
  };
}
