/**
 * Whether a pod answers a TCP connection on a port: what a request DNATed by kube-proxy meets at
 * the pod's IP. No upstream file: in a real node the kernel answers (a listening socket accepts,
 * a closed port sends RST = "connection refused", a dead machine sends nothing = timeout). The
 * listening ports are the process model's (process.ts), the same ones the prober checks.
 */
import type { PodWorker } from './podWorker.ts';

export type ServeResult = { ok: true; container: string } | { ok: false; reason: 'refused' | 'unreachable' | 'no-pod' };

/**
 * `w` undefined: no such pod on this node. `machineDown`: the node failed (packets go nowhere).
 * A container counts while its process runs, including during a graceful stop: a terminating
 * nginx still answers until it has exited, as real pods do.
 */
export function serve(w: PodWorker | undefined, port: number, machineDown: boolean): ServeResult {
  // A failed kubelet hands out no workers: its machine's pods are unreachable, not missing.
  if (machineDown) return { ok: false, reason: 'unreachable' };
  if (!w) return { ok: false, reason: 'no-pod' };
  for (const c of w.containers) {
    if (c.phase !== 'running' || !c.instance || c.instance.endMs !== undefined) continue;
    if (c.instance.proc.ports.includes(port)) return { ok: true, container: c.name };
  }
  return { ok: false, reason: 'refused' };
}
