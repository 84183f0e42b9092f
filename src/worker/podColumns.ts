/**
 * The pod chips' STATUS / READY / RESTARTS: exactly what `kubectl get pods` prints, computed in
 * the worker with kubectl's own printer so the UI never needs a second copy of the algorithm.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { podStatusCells } from '../kubectl/printers/pod.ts';
import type { PodColumns } from '../protocol/messages.ts';
import type { KubeObject } from '../protocol/types.ts';

/** RESTARTS as a plain count: the chips do not show kubectl's "(5s ago)" suffix, so no clock is needed. */
export function podColumns(pod: KubeObject): PodColumns {
  const c = podStatusCells(pod as unknown as Pod, 0);
  return { status: c.status, ready: c.ready, restarts: Number.parseInt(c.restarts, 10) || 0 };
}
