/**
 * Whether a pod answers a TCP connection on a port: its machine is up, a container's process is
 * running and listens there. What a request routed by kube-proxy meets. Filled in by the traffic work.
 */
import type { PodWorker } from './podWorker.ts';

export type ServeResult = { ok: true; container: string } | { ok: false; reason: 'refused' | 'unreachable' | 'no-pod' };

/** `w` undefined: no such pod on this node. `machineDown`: the node failed (packets go nowhere). */
export function serve(w: PodWorker | undefined, _port: number, machineDown: boolean): ServeResult {
  if (!w) return { ok: false, reason: 'no-pod' };
  if (machineDown) return { ok: false, reason: 'unreachable' };
  return { ok: false, reason: 'refused' };
}
