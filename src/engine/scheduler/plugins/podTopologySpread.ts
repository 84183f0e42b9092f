/**
 * Mirrors pkg/scheduler/framework/plugins/podtopologyspread (plugin.go, common.go, filtering.go,
 * scoring.go): DoNotSchedule constraints filter by skew, ScheduleAnyway constraints — or, when
 * the pod has none, the system defaults {hostname 3, zone 5} over the selector of the
 * Services/RCs/RSs/StatefulSets that select it — score by `cnt*log(size+2) + maxSkew-1`.
 */
import { labelSelectorFromObject, matchesLabels, type LabelSelector } from '../../api/selectors.ts';
import { cycleState, MAX_NODE_SCORE, SKIP, type FilterPlugin, type FilterStatus, type FrameworkHandle, type PodInfo, type ScorePlugin } from '../framework.ts';
import type { NodeInfo } from '../nodeInfo.ts';
import type { V1Pod } from '../types.ts';
import { requiredNodeAffinityMatches } from './nodeAffinity.ts';
import { toleratesAny } from '../framework.ts';

const NAME = 'PodTopologySpread';
export const LABEL_HOSTNAME = 'kubernetes.io/hostname';
export const LABEL_ZONE = 'topology.kubernetes.io/zone';
export const ErrReasonConstraintsNotMatch = "node(s) didn't match pod topology spread constraints";
export const ErrReasonNodeLabelNotMatch = ErrReasonConstraintsNotMatch + ' (missing required label)';
const REJECT_SKEW: FilterStatus = { code: 'Unschedulable', reasons: [ErrReasonConstraintsNotMatch], plugin: NAME };
const REJECT_LABEL: FilterStatus = { code: 'UnschedulableAndUnresolvable', reasons: [ErrReasonNodeLabelNotMatch], plugin: NAME };

export interface Constraint {
  maxSkew: number;
  topologyKey: string;
  selector: LabelSelector;
  minDomains: number;
  /** Honor (default) / Ignore. */
  nodeAffinityPolicy: string;
  /** Ignore (default) / Honor. */
  nodeTaintsPolicy: string;
}

/** The system default constraints (defaultingType: System). */
export const SYSTEM_DEFAULT_CONSTRAINTS = [
  { topologyKey: LABEL_HOSTNAME, maxSkew: 3 },
  { topologyKey: LABEL_ZONE, maxSkew: 5 },
] as const;

interface RawConstraint {
  maxSkew: number;
  topologyKey: string;
  whenUnsatisfiable: string;
  labelSelector?: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] };
  minDomains?: number;
  nodeAffinityPolicy?: string;
  nodeTaintsPolicy?: string;
  matchLabelKeys?: string[];
}

/** filterTopologySpreadConstraints: the pod's constraints with `action`, matchLabelKeys merged in. */
export function podConstraints(pod: V1Pod, action: 'DoNotSchedule' | 'ScheduleAnyway'): Constraint[] {
  const out: Constraint[] = [];
  for (const c of (pod.spec?.topologySpreadConstraints ?? []) as RawConstraint[]) {
    if (c.whenUnsatisfiable !== action) continue;
    // A nil labelSelector selects nothing (labels.Nothing()): only the pod's own self-match counts.
    const selector: LabelSelector = c.labelSelector ? labelSelectorFromObject(c.labelSelector) : [{ key: '\u0000nothing', op: 'exists', values: [] }];
    for (const k of c.matchLabelKeys ?? []) {
      const v = pod.metadata.labels?.[k];
      if (v !== undefined) selector.push({ key: k, op: 'in', values: [v] });
    }
    out.push({
      maxSkew: c.maxSkew, topologyKey: c.topologyKey, selector, minDomains: c.minDomains ?? 1,
      nodeAffinityPolicy: c.nodeAffinityPolicy ?? 'Honor', nodeTaintsPolicy: c.nodeTaintsPolicy ?? 'Ignore',
    });
  }
  return out;
}

/** countPodsMatchSelector: same namespace, not terminating, labels match. */
export function countPodsMatchSelector(node: NodeInfo, selector: LabelSelector, ns: string): number {
  let n = 0;
  for (const p of node.pods.values()) {
    if (p.metadata.deletionTimestamp || (p.metadata.namespace ?? 'default') !== ns) continue;
    if (matchesLabels(selector, p.metadata.labels)) n++;
  }
  return n;
}

function hasAllKeys(node: NodeInfo, cs: readonly Constraint[]): boolean {
  const labels = node.node.metadata.labels;
  for (const c of cs) if (labels?.[c.topologyKey] === undefined) return false;
  return true;
}

/** The node-inclusion policies (common.go: matchNodeInclusionPolicies). */
function nodeIncluded(pod: PodInfo, node: NodeInfo, c: Constraint): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !requiredNodeAffinityMatches(pod.pod, node.node)) return false;
  if (c.nodeTaintsPolicy === 'Honor') {
    for (const t of node.hardTaints) if (!toleratesAny(pod.tolerations, t)) return false;
  }
  return true;
}

interface FilterState {
  constraints: Constraint[];
  /** Per constraint: topology value → matching pods. */
  counts: Map<string, number>[];
  /** Per constraint: the global minimum (0 when fewer domains than minDomains). */
  min: number[];
  selfMatch: number[];
}

function preFilterState(pod: PodInfo, h: FrameworkHandle): FilterState | undefined {
  if (!pod.pod.spec?.topologySpreadConstraints?.length) return undefined;
  const constraints = podConstraints(pod.pod, 'DoNotSchedule');
  if (constraints.length === 0) return undefined;
  const ns = pod.pod.metadata.namespace ?? 'default';
  const counts = constraints.map(() => new Map<string, number>());
  for (const node of h.nodes()) {
    if (!hasAllKeys(node, constraints)) continue;
    for (let i = 0; i < constraints.length; i++) {
      const c = constraints[i]!;
      if (!nodeIncluded(pod, node, c)) continue;
      const v = node.node.metadata.labels![c.topologyKey]!;
      counts[i]!.set(v, (counts[i]!.get(v) ?? 0) + countPodsMatchSelector(node, c.selector, ns));
    }
  }
  const min = constraints.map((c, i) => {
    const m = counts[i]!;
    if (m.size < c.minDomains) return 0;
    let lo = Infinity;
    for (const v of m.values()) if (v < lo) lo = v;
    return lo === Infinity ? 0 : lo;
  });
  const selfMatch = constraints.map((c) => (matchesLabels(c.selector, pod.pod.metadata.labels) ? 1 : 0));
  return { constraints, counts, min, selfMatch };
}

export function createPodTopologySpreadFilter(h: FrameworkHandle): FilterPlugin {
  return {
    name: NAME,
    preFilter(pod) {
      return cycleState(pod, NAME, () => preFilterState(pod, h)) ? null : SKIP;
    },
    filter(pod, node) {
      const s = cycleState<FilterState>(pod, NAME, () => preFilterState(pod, h));
      if (!s) return null;
      const labels = node.node.metadata.labels;
      for (let i = 0; i < s.constraints.length; i++) {
        const c = s.constraints[i]!;
        const v = labels?.[c.topologyKey];
        if (v === undefined) return REJECT_LABEL;
        const skew = (s.counts[i]!.get(v) ?? 0) + s.selfMatch[i]! - s.min[i]!;
        if (skew > c.maxSkew) return REJECT_SKEW;
      }
      return null;
    },
  };
}

/** buildDefaultConstraints: the system defaults over the pod's default selector, none if it is empty. */
export function defaultConstraints(pod: V1Pod, h: FrameworkHandle): Constraint[] {
  const selector = h.defaultSelector(pod);
  if (selector.length === 0) return [];
  return SYSTEM_DEFAULT_CONSTRAINTS.map((d) => ({
    maxSkew: d.maxSkew, topologyKey: d.topologyKey, selector, minDomains: 1, nodeAffinityPolicy: 'Honor', nodeTaintsPolicy: 'Ignore',
  }));
}

interface ScoreState {
  constraints: Constraint[];
  requireAll: boolean;
  ignored: Set<string>;
  /** Per constraint (non-hostname): topology value → matching pods. */
  pairs: Map<string, number>[];
  weights: number[];
  ns: string;
}

/** scoreForCount. */
export function scoreForCount(cnt: number, maxSkew: number, tpWeight: number): number {
  return cnt * tpWeight + (maxSkew - 1);
}

export function createPodTopologySpreadScore(h: FrameworkHandle): ScorePlugin {
  return {
    name: NAME,
    weight: 2,
    preScore(pod, filtered) {
      const own = (pod.pod.spec?.topologySpreadConstraints?.length ?? 0) > 0;
      const constraints = own ? podConstraints(pod.pod, 'ScheduleAnyway') : defaultConstraints(pod.pod, h);
      if (constraints.length === 0) return false;
      // requireAllTopologies: a pod's own constraints need every key; system defaults do not.
      const requireAll = own;
      const ignored = new Set<string>();
      const pairs = constraints.map(() => new Map<string, number>());
      const sizes = constraints.map(() => 0);
      for (const node of filtered) {
        if (requireAll && !hasAllKeys(node, constraints)) {
          ignored.add(node.name);
          continue;
        }
        const labels = node.node.metadata.labels;
        for (let i = 0; i < constraints.length; i++) {
          const c = constraints[i]!;
          if (c.topologyKey === LABEL_HOSTNAME) continue;
          const v = labels?.[c.topologyKey];
          if (v !== undefined && !pairs[i]!.has(v)) {
            pairs[i]!.set(v, 0);
            sizes[i]!++;
          }
        }
      }
      const weights = constraints.map((c, i) => Math.log((c.topologyKey === LABEL_HOSTNAME ? filtered.length - ignored.size : sizes[i]!) + 2));
      const ns = pod.pod.metadata.namespace ?? 'default';
      // Zone-like keys count over all nodes of the domains seen among the feasible ones.
      if (pairs.some((m) => m.size > 0)) {
        for (const node of h.nodes()) {
          if (requireAll && !hasAllKeys(node, constraints)) continue;
          const labels = node.node.metadata.labels;
          for (let i = 0; i < constraints.length; i++) {
            const c = constraints[i]!;
            const m = pairs[i]!;
            if (m.size === 0 || c.topologyKey === LABEL_HOSTNAME) continue;
            const v = labels?.[c.topologyKey];
            if (v === undefined || !m.has(v) || !nodeIncluded(pod, node, c)) continue;
            m.set(v, m.get(v)! + countPodsMatchSelector(node, c.selector, ns));
          }
        }
      }
      pod.state.set(NAME, { constraints, requireAll, ignored, pairs, weights, ns } satisfies ScoreState);
      return true;
    },
    score(pod, node) {
      const s = pod.state.get(NAME) as ScoreState;
      if (s.ignored.size && s.ignored.has(node.name)) return 0;
      const labels = node.node.metadata.labels;
      let score = 0;
      for (let i = 0; i < s.constraints.length; i++) {
        const c = s.constraints[i]!;
        const v = labels?.[c.topologyKey];
        if (v === undefined) continue;
        const cnt = c.topologyKey === LABEL_HOSTNAME ? countPodsMatchSelector(node, c.selector, s.ns) : (s.pairs[i]!.get(v) ?? 0);
        score += scoreForCount(cnt, c.maxSkew, s.weights[i]!);
      }
      return Math.round(score);
    },
    normalizeScore(pod, scores, n, nodes) {
      const s = pod.state.get(NAME) as ScoreState | undefined;
      normalizeTopologyScores(scores, n, s?.ignored.size && nodes ? (i) => s.ignored.has(nodes[i]!.name) : undefined);
    },
  };
}

/** NormalizeScore: `100*(max+min-s)/max` over non-ignored nodes; 100 everywhere if max is 0; ignored → 0. */
export function normalizeTopologyScores(scores: Int32Array | number[], n: number, ignored?: (i: number) => boolean): void {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    if (ignored?.(i)) continue;
    const v = scores[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  for (let i = 0; i < n; i++) {
    if (ignored?.(i)) {
      scores[i] = 0;
      continue;
    }
    scores[i] = max === 0 ? MAX_NODE_SCORE : Math.trunc((MAX_NODE_SCORE * (max + min - scores[i]!)) / max);
  }
}
