/**
 * Mirrors pkg/scheduler/framework/plugins/interpodaffinity (filtering.go, scoring.go) and
 * framework.AffinityTerm.Matches: required pod affinity / anti-affinity of the incoming pod,
 * existing pods' required anti-affinity (symmetry), and preferred terms of both sides for
 * scoring (existing pods' required affinity counts with hardPodAffinityWeight 1).
 */
import { labelSelectorFromObject, matchesLabels, type LabelSelector } from '../../api/selectors.ts';
import { cycleState, MAX_NODE_SCORE, SKIP, type FilterPlugin, type FilterStatus, type FrameworkHandle, type PodInfo, type ScorePlugin } from '../framework.ts';
import type { NodeInfo } from '../nodeInfo.ts';
import type { V1Pod } from '../types.ts';

const NAME = 'InterPodAffinity';
export const ErrReasonAffinityRulesNotMatch = "node(s) didn't match pod affinity rules";
export const ErrReasonAntiAffinityRulesNotMatch = "node(s) didn't match pod anti-affinity rules";
export const ErrReasonExistingAntiAffinityRulesNotMatch = "node(s) didn't satisfy existing pods anti-affinity rules";
const REJECT_AFFINITY: FilterStatus = { code: 'UnschedulableAndUnresolvable', reasons: [ErrReasonAffinityRulesNotMatch], plugin: NAME };
const REJECT_ANTI: FilterStatus = { code: 'Unschedulable', reasons: [ErrReasonAntiAffinityRulesNotMatch], plugin: NAME };
const REJECT_EXISTING: FilterStatus = { code: 'Unschedulable', reasons: [ErrReasonExistingAntiAffinityRulesNotMatch], plugin: NAME };
const HARD_POD_AFFINITY_WEIGHT = 1;

interface RawTerm {
  labelSelector?: Parameters<typeof labelSelectorFromObject>[0] | null;
  namespaces?: string[];
  namespaceSelector?: Parameters<typeof labelSelectorFromObject>[0] | null;
  topologyKey: string;
}
interface RawWeighted {
  weight: number;
  podAffinityTerm: RawTerm;
}

/** framework.AffinityTerm: a compiled term (nil selector → matches nothing). */
export interface AffinityTerm {
  selector: LabelSelector | null;
  namespaces: Set<string>;
  nsSelector: LabelSelector | null;
  topologyKey: string;
  weight: number;
}

function compile(t: RawTerm, podNs: string, weight = 0): AffinityTerm {
  const namespaces = new Set(t.namespaces ?? []);
  // Neither namespaces nor namespaceSelector: the term's pod's own namespace.
  if (namespaces.size === 0 && !t.namespaceSelector) namespaces.add(podNs);
  return {
    selector: t.labelSelector ? labelSelectorFromObject(t.labelSelector) : null,
    namespaces,
    nsSelector: t.namespaceSelector ? labelSelectorFromObject(t.namespaceSelector) : null,
    topologyKey: t.topologyKey,
    weight,
  };
}

/** AffinityTerm.Matches: namespace (listed or selected) and labels. */
export function termMatches(t: AffinityTerm, pod: V1Pod, h: FrameworkHandle): boolean {
  if (t.selector === null) return false;
  const ns = pod.metadata.namespace ?? 'default';
  if (!t.namespaces.has(ns)) {
    if (t.nsSelector === null || !matchesLabels(t.nsSelector, h.namespaceLabels(ns) ?? {})) return false;
  }
  return matchesLabels(t.selector, pod.metadata.labels);
}

export interface PodTerms {
  affinity: AffinityTerm[];
  antiAffinity: AffinityTerm[];
  preferredAffinity: AffinityTerm[];
  preferredAntiAffinity: AffinityTerm[];
}

/** The pod's four term lists (upstream framework.PodInfo). */
export function podTerms(pod: V1Pod): PodTerms {
  const ns = pod.metadata.namespace ?? 'default';
  const a = pod.spec?.affinity;
  const req = (l: unknown) => ((l ?? []) as RawTerm[]).map((t) => compile(t, ns));
  const pref = (l: unknown) => ((l ?? []) as RawWeighted[]).map((w) => compile(w.podAffinityTerm, ns, w.weight));
  return {
    affinity: req(a?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution),
    antiAffinity: req(a?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution),
    preferredAffinity: pref(a?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution),
    preferredAntiAffinity: pref(a?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution),
  };
}

const pairKey = (k: string, v: string) => k + '\u0000' + v;

interface FilterState {
  terms: PodTerms;
  existingAnti: Map<string, number>;
  affinityCounts: Map<string, number>;
  antiCounts: Map<string, number>;
}

function inc(m: Map<string, number>, key: string, by = 1): void {
  m.set(key, (m.get(key) ?? 0) + by);
}

function preFilterState(pod: PodInfo, h: FrameworkHandle): FilterState | undefined {
  const a = pod.pod.spec?.affinity;
  if (!a?.podAffinity && !a?.podAntiAffinity && h.podsWithRequiredAntiAffinity() === 0) return undefined;
  const terms = podTerms(pod.pod);
  if (terms.affinity.length === 0 && terms.antiAffinity.length === 0 && h.podsWithRequiredAntiAffinity() === 0) return undefined;
  const existingAnti = new Map<string, number>();
  const affinityCounts = new Map<string, number>();
  const antiCounts = new Map<string, number>();
  const own = terms.affinity.length > 0 || terms.antiAffinity.length > 0;
  for (const node of h.nodes()) {
    const labels = node.node.metadata.labels ?? {};
    if (node.podsWithRequiredAntiAffinity > 0) {
      for (const ep of node.pods.values()) {
        const anti = ep.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
        if (!anti?.length) continue;
        for (const t of podTerms(ep).antiAffinity) {
          const v = labels[t.topologyKey];
          if (v !== undefined && termMatches(t, pod.pod, h)) inc(existingAnti, pairKey(t.topologyKey, v));
        }
      }
    }
    if (!own) continue;
    for (const ep of node.pods.values()) {
      for (const t of terms.affinity) {
        const v = labels[t.topologyKey];
        if (v !== undefined && termMatches(t, ep, h)) inc(affinityCounts, pairKey(t.topologyKey, v));
      }
      for (const t of terms.antiAffinity) {
        const v = labels[t.topologyKey];
        if (v !== undefined && termMatches(t, ep, h)) inc(antiCounts, pairKey(t.topologyKey, v));
      }
    }
  }
  return { terms, existingAnti, affinityCounts, antiCounts };
}

function satisfyPodAffinity(s: FilterState, pod: V1Pod, node: NodeInfo, h: FrameworkHandle): boolean {
  if (s.terms.affinity.length === 0) return true;
  const labels = node.node.metadata.labels ?? {};
  let podsExist = true;
  for (const t of s.terms.affinity) {
    const v = labels[t.topologyKey];
    if (v === undefined) return false;
    if ((s.affinityCounts.get(pairKey(t.topologyKey, v)) ?? 0) <= 0) podsExist = false;
  }
  if (podsExist) return true;
  // The first pod of a group whose affinity selects itself may go anywhere with the keys.
  if (s.affinityCounts.size === 0) {
    for (const t of s.terms.affinity) if (!termMatches(t, pod, h)) return false;
    return true;
  }
  return false;
}

function satisfyPodAntiAffinity(s: FilterState, node: NodeInfo): boolean {
  if (s.antiCounts.size === 0) return true;
  const labels = node.node.metadata.labels ?? {};
  for (const t of s.terms.antiAffinity) {
    const v = labels[t.topologyKey];
    if (v !== undefined && (s.antiCounts.get(pairKey(t.topologyKey, v)) ?? 0) > 0) return false;
  }
  return true;
}

function satisfyExistingPodsAntiAffinity(s: FilterState, node: NodeInfo): boolean {
  if (s.existingAnti.size === 0) return true;
  const labels = node.node.metadata.labels ?? {};
  for (const k in labels) if ((s.existingAnti.get(pairKey(k, labels[k]!)) ?? 0) > 0) return false;
  return true;
}

export function createInterPodAffinityFilter(h: FrameworkHandle): FilterPlugin {
  return {
    name: NAME,
    preFilter(pod) {
      return cycleState(pod, NAME, () => preFilterState(pod, h)) ? null : SKIP;
    },
    filter(pod, node) {
      const s = cycleState<FilterState>(pod, NAME, () => preFilterState(pod, h));
      if (!s) return null;
      if (!satisfyPodAffinity(s, pod.pod, node, h)) return REJECT_AFFINITY;
      if (!satisfyPodAntiAffinity(s, node)) return REJECT_ANTI;
      if (!satisfyExistingPodsAntiAffinity(s, node)) return REJECT_EXISTING;
      return null;
    },
  };
}

/** topologyKey → value → score. */
type TopologyScore = Map<string, Map<string, number>>;
const SCORE_STATE = NAME + '/score';

function addScore(ts: TopologyScore, key: string, node: NodeInfo, w: number): void {
  const v = node.node.metadata.labels?.[key];
  if (v === undefined || w === 0) return;
  let m = ts.get(key);
  if (!m) ts.set(key, (m = new Map()));
  m.set(v, (m.get(v) ?? 0) + w);
}

export function createInterPodAffinityScore(h: FrameworkHandle): ScorePlugin {
  return {
    name: NAME,
    weight: 2,
    preScore(pod: PodInfo) {
      const a = pod.pod.spec?.affinity;
      if (!a?.podAffinity && !a?.podAntiAffinity && h.podsWithAffinity() === 0) return false;
      const terms = podTerms(pod.pod);
      const hasConstraints = terms.preferredAffinity.length > 0 || terms.preferredAntiAffinity.length > 0;
      if (!hasConstraints && h.podsWithAffinity() === 0) return false;
      const ts: TopologyScore = new Map();
      for (const node of h.nodes()) {
        // Without preferred terms of its own, only nodes hosting pods with affinity matter.
        if (!hasConstraints && node.podsWithAffinity === 0) continue;
        for (const ep of node.pods.values()) {
          for (const t of terms.preferredAffinity) if (termMatches(t, ep, h)) addScore(ts, t.topologyKey, node, t.weight);
          for (const t of terms.preferredAntiAffinity) if (termMatches(t, ep, h)) addScore(ts, t.topologyKey, node, -t.weight);
          const a = ep.spec?.affinity;
          if (!a?.podAffinity && !a?.podAntiAffinity) continue;
          const et = podTerms(ep);
          for (const t of et.affinity) if (termMatches(t, pod.pod, h)) addScore(ts, t.topologyKey, node, HARD_POD_AFFINITY_WEIGHT);
          for (const t of et.preferredAffinity) if (termMatches(t, pod.pod, h)) addScore(ts, t.topologyKey, node, t.weight);
          for (const t of et.preferredAntiAffinity) if (termMatches(t, pod.pod, h)) addScore(ts, t.topologyKey, node, -t.weight);
        }
      }
      pod.state.set(SCORE_STATE, ts);
      return true;
    },
    score(pod, node) {
      const ts = pod.state.get(SCORE_STATE) as TopologyScore | undefined;
      if (!ts || ts.size === 0) return 0;
      const labels = node.node.metadata.labels ?? {};
      let s = 0;
      for (const [k, m] of ts) {
        const v = labels[k];
        if (v !== undefined) s += m.get(v) ?? 0;
      }
      return s;
    },
    normalizeScore(pod, scores, n) {
      const ts = pod.state.get(SCORE_STATE) as TopologyScore | undefined;
      if (!ts || ts.size === 0) return;
      normalizeMinMax(scores, n);
    },
  };
}

/** InterPodAffinity NormalizeScore: `100*(s-min)/(max-min)`, all 0 when max = min. */
export function normalizeMinMax(scores: Int32Array | number[], n: number): void {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    if (scores[i]! > max) max = scores[i]!;
    if (scores[i]! < min) min = scores[i]!;
  }
  const diff = max - min;
  for (let i = 0; i < n; i++) scores[i] = diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((scores[i]! - min) / diff)) : 0;
}
