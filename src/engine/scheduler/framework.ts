/**
 * The scheduling framework's extension points (the part used here: Filter and Score, with
 * PreFilter-style per-attempt state in `PodInfo`).
 * Mirrors pkg/scheduler/framework/interface.go and runtime/framework.go (RunFilterPlugins,
 * RunScorePlugins) — new plugins (NodeAffinity, PodTopologySpread …) only need to implement these.
 */
import type { NodeInfo } from './nodeInfo.ts';
import type { Resources } from './resources.ts';
import type { Toleration, V1Pod } from './types.ts';

export const MAX_NODE_SCORE = 100;

/** framework.Code, the ones a Filter returns. */
export type StatusCode = 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Error';

export interface FilterStatus {
  code: StatusCode;
  reasons: string[];
  plugin: string;
}

/** Everything computed once per scheduling attempt (upstream: PreFilter results in CycleState). */
export interface PodInfo {
  pod: V1Pod;
  key: string;
  priority: number;
  requests: Resources;
  nonZero: Resources;
  tolerations: Toleration[];
  /** Plugins may stash their PreScore state here, keyed by plugin name. */
  state: Map<string, unknown>;
}

export interface FilterPlugin {
  readonly name: string;
  /** null means the node passes. */
  filter(pod: PodInfo, node: NodeInfo): FilterStatus | null;
}

export interface ScorePlugin {
  readonly name: string;
  readonly weight: number;
  preScore?(pod: PodInfo, nodes: readonly NodeInfo[]): void;
  /** Raw score for one node. */
  score(pod: PodInfo, node: NodeInfo): number;
  /** Rewrites `scores` in place into [0, MAX_NODE_SCORE]. */
  normalizeScore?(pod: PodInfo, scores: Int32Array | number[], n: number): void;
}

/** helper.DefaultNormalizeScore: scale to [0, max], optionally reversed (fewer is better). */
export function defaultNormalizeScore(maxPriority: number, reverse: boolean, scores: Int32Array | number[], n: number): void {
  let maxCount = 0;
  for (let i = 0; i < n; i++) if (scores[i]! > maxCount) maxCount = scores[i]!;
  if (maxCount === 0) {
    if (reverse) for (let i = 0; i < n; i++) scores[i] = maxPriority;
    return;
  }
  for (let i = 0; i < n; i++) {
    let s = Math.trunc((maxPriority * scores[i]!) / maxCount);
    if (reverse) s = maxPriority - s;
    scores[i] = s;
  }
}

/** v1.ToleratesTaint / Toleration.ToleratesTaint (k8s.io/api core/v1 toleration.go). */
export function toleratesTaint(t: Toleration, taint: { key: string; value?: string; effect: string }): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? 'Equal') {
    case 'Exists':
      return true;
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    default:
      return false;
  }
}

export function toleratesAny(tolerations: readonly Toleration[], taint: { key: string; value?: string; effect: string }): boolean {
  for (const t of tolerations) if (toleratesTaint(t, taint)) return true;
  return false;
}
