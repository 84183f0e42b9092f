/**
 * Terminal lines that are not kubectl (`sim node fail worker-2`, `sleep 5s`), run by the
 * scenario-script runner so the terminal and scripts share one implementation.
 */
import type { Cluster } from '../engine/types.ts';
import type { KubectlIO } from '../kubectl/types.ts';
import type { KubectlResult } from '../protocol/types.ts';

/** Run a `sim …` line against the cluster. */
export async function runSimLine(line: string, _cluster: Cluster, _io: KubectlIO): Promise<KubectlResult> {
  return { stdout: '', stderr: `${line.split(/\s+/)[0]}: not available yet\n`, exitCode: 1 };
}
