/**
 * The scheduling framework's extension points: PreFilter, Filter, PreScore, Score (with
 * NormalizeScore), with per-attempt state in `PodInfo.state` (upstream: CycleState).
 * Mirrors pkg/scheduler/framework/interface.go and runtime/framework.go (RunFilterPlugins,
 * RunScorePlugins) — new plugins (NodeAffinity, PodTopologySpread …) only need to implement these.
 */
import type { NodeInfo } from './nodeInfo.ts';
import type { Resources } from './resources.ts';
import type { Toleration, V1Pod } from './types.ts';
import type { LabelSelector } from '../api/selectors.ts';

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

/** PreFilter's "this plugin's Filter has nothing to do for this pod" (framework.Skip). */
export const SKIP = 'Skip';
/** A PreFilter verdict: null = run Filter; SKIP = do not; a status = the pod fits no node. */
export type PreFilterResult = FilterStatus | null | typeof SKIP;

/**
 * What plugins may read besides the node they are given (upstream: framework.Handle's
 * SnapshotSharedLister and informer listers).
 */
export interface FrameworkHandle {
  /** All nodes of the snapshot, in the scheduler's order. */
  nodes(): readonly NodeInfo[];
  getNode(name: string): NodeInfo | undefined;
  /** How many nodes report `image` (normalized name) in status.images (ImageLocality's spread). */
  imageNumNodes(image: string): number;
  /** Placed pods with any (anti-)affinity / with required anti-affinity (InterPodAffinity skips). */
  podsWithAffinity(): number;
  podsWithRequiredAntiAffinity(): number;
  /** Labels of a namespace (namespaceSelector), undefined when unknown. */
  namespaceLabels(ns: string): Record<string, string> | undefined;
  /**
   * helper.DefaultSelector: the selectors of the Services, ReplicationControllers, ReplicaSets
   * and StatefulSets in the pod's namespace that select it (ANDed upstream). Empty = none.
   */
  defaultSelector(pod: V1Pod): LabelSelector;
}

export interface FilterPlugin {
  readonly name: string;
  /** Once per attempt, before any Filter (upstream RunPreFilterPlugins). */
  preFilter?(pod: PodInfo, h: FrameworkHandle): PreFilterResult;
  /** null means the node passes. */
  filter(pod: PodInfo, node: NodeInfo): FilterStatus | null;
  /**
   * True when Filter passes every `NodeInfo.plain` node (not cordoned, no NoSchedule/NoExecute
   * taint) whatever the pod: the hot loop then does not call it for those nodes.
   */
  readonly passesPlainNodes?: boolean;
}

export interface ScorePlugin {
  readonly name: string;
  readonly weight: number;
  /** Returning false is framework.Skip: the plugin scores 0 everywhere without being called. */
  preScore?(pod: PodInfo, nodes: readonly NodeInfo[]): boolean | void;
  /** Raw score for one node. */
  score(pod: PodInfo, node: NodeInfo): number;
  /** Rewrites `scores` in place into [0, MAX_NODE_SCORE]. */
  normalizeScore?(pod: PodInfo, scores: Int32Array | number[], n: number, nodes?: readonly NodeInfo[]): void;
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

/**
 * This attempt's state for `plugin` (upstream CycleState): computed once by its PreFilter, or on
 * first use by a Filter run outside the cycle (preemption's dry run). `undefined` (nothing to do
 * for this pod) is remembered too.
 */
export function cycleState<S>(pod: PodInfo, plugin: string, compute: () => S | undefined): S | undefined {
  if (pod.state.has(plugin)) return pod.state.get(plugin) as S | undefined;
  const s = compute();
  pod.state.set(plugin, s);
  return s;
}
