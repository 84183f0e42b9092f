/**
 * What a running container sees, for the inspector: its environment as the kubelet built it at
 * start (each value with its source) and its mounted files now. Filled in by the config UI work.
 */
import type { ContainerView } from '../types.ts';
import type { PodWorker } from './podWorker.ts';

/** The view of `container` (default: the first app container) in `w`; undefined when it is not running. */
export function containerView(_w: PodWorker, _container?: string): ContainerView | undefined {
  return undefined;
}
