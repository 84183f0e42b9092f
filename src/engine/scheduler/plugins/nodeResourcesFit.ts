/**
 * Mirrors pkg/scheduler/framework/plugins/noderesources/fit.go (fitsRequest) and
 * least_allocated.go (default scoring strategy LeastAllocated, cpu and memory weight 1).
 */
import { MAX_NODE_SCORE, type FilterPlugin, type ScorePlugin } from '../framework.ts';

const NAME = 'NodeResourcesFit';

export const NodeResourcesFitFilter: FilterPlugin = {
  name: NAME,
  filter(pod, node) {
    let reasons: string[] | null = null;
    if (node.podCount + 1 > node.allocPods) reasons = ['Too many pods'];
    const r = pod.requests;
    if (r.milliCPU === 0 && r.memory === 0 && r.ephemeralStorage === 0) {
      return reasons ? { code: 'Unschedulable', reasons, plugin: NAME } : null;
    }
    if (r.milliCPU > 0 && r.milliCPU > node.allocMilliCPU - node.reqMilliCPU) (reasons ??= []).push('Insufficient cpu');
    if (r.memory > 0 && r.memory > node.allocMemory - node.reqMemory) (reasons ??= []).push('Insufficient memory');
    if (r.ephemeralStorage > 0 && r.ephemeralStorage > node.allocEphemeral - node.reqEphemeral) {
      (reasons ??= []).push('Insufficient ephemeral-storage');
    }
    return reasons ? { code: 'Unschedulable', reasons, plugin: NAME } : null;
  },
};

/** leastRequestedScore: the share of the resource left free after placing the pod, 0–100. */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0) return 0;
  if (requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** LeastAllocated over cpu and memory (weights 1, 1), on the non-zero requests. */
export function leastAllocatedScore(
  podCPU: number,
  podMem: number,
  node: { nonZeroMilliCPU: number; nonZeroMemory: number; allocMilliCPU: number; allocMemory: number },
): number {
  const cpu = leastRequestedScore(node.nonZeroMilliCPU + podCPU, node.allocMilliCPU);
  const mem = leastRequestedScore(node.nonZeroMemory + podMem, node.allocMemory);
  return Math.trunc((cpu * 1 + mem * 1) / 2);
}

export const NodeResourcesFitScore: ScorePlugin = {
  name: NAME,
  weight: 1,
  score(pod, node) {
    return leastAllocatedScore(pod.nonZero.milliCPU, pod.nonZero.memory, node);
  },
};
