/**
 * Mirrors pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go
 * (balancedResourceScorer, useRequested: true — the pod's and node's actual requests, without the
 * non-zero defaults; cpu and memory).
 */
import { MAX_NODE_SCORE, type ScorePlugin } from '../framework.ts';

/** 100 × (1 − std) of the requested/allocatable fractions (each capped at 1); resources with 0 allocatable are skipped. */
export function balancedResourceScore(requested: readonly number[], allocatable: readonly number[]): number {
  let n = 0;
  let f0 = 0;
  let f1 = 0;
  let sum = 0;
  const fr: number[] = [];
  for (let i = 0; i < requested.length; i++) {
    if (allocatable[i] === 0) continue;
    let f = requested[i]! / allocatable[i]!;
    if (f > 1) f = 1;
    if (n === 0) f0 = f;
    else if (n === 1) f1 = f;
    fr.push(f);
    sum += f;
    n++;
  }
  let std = 0;
  if (n === 2) std = Math.abs((f0 - f1) / 2);
  else if (n > 2) {
    const mean = sum / n;
    let v = 0;
    for (const f of fr) v += (f - mean) * (f - mean);
    std = Math.sqrt(v / n);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

/** The two-resource case without allocating (the hot path). */
function balanced2(reqCPU: number, allocCPU: number, reqMem: number, allocMem: number): number {
  // Fewer than two resources with allocatable: the standard deviation is 0.
  if (allocCPU === 0 || allocMem === 0) return MAX_NODE_SCORE;
  let c = reqCPU / allocCPU;
  let m = reqMem / allocMem;
  if (c > 1) c = 1;
  if (m > 1) m = 1;
  return Math.trunc((1 - Math.abs((c - m) / 2)) * MAX_NODE_SCORE);
}

export const NodeResourcesBalancedAllocation: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation',
  weight: 1,
  /** PreScore skips best-effort pods (no cpu and no memory request). */
  preScore(pod) {
    return pod.requests.milliCPU !== 0 || pod.requests.memory !== 0;
  },
  score(pod, node) {
    return balanced2(node.reqMilliCPU + pod.requests.milliCPU, node.allocMilliCPU, node.reqMemory + pod.requests.memory, node.allocMemory);
  },
};
