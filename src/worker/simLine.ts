/**
 * Terminal lines run by the scenario-script runner (`kubectl …`, `sim node fail worker-2`,
 * `sleep 5s`), so the terminal, the CLI and lessons share one implementation.
 */
import type { Cluster } from '../engine/types.ts';
import type { KubectlIO } from '../kubectl/types.ts';
import type { KubectlResult } from '../protocol/types.ts';
import { runScriptLine } from '../script/index.ts';

/** Run one terminal line against the cluster. */
export async function runTerminalLine(line: string, cluster: Cluster, io: KubectlIO): Promise<KubectlResult> {
  const r = await runScriptLine(line, { io, sim: cluster.sim, now: () => cluster.now() });
  if (!r) return { stdout: '', stderr: '', exitCode: 0 };
  // The script runner reports ordinary errors with exit code 2 ("malformed line"); the message says what to type instead.
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
}
