/**
 * One scheduling attempt: filter (from a rotating start index, stopping after
 * numFeasibleNodesToFind feasible nodes), score, pick. Mirrors pkg/scheduler/schedule_one.go
 * (schedulePod, findNodesThatPassFilters, numFeasibleNodesToFind, prioritizeNodes, selectHost).
 */
import { withNominatedPods } from './preemption/nominator.ts';
import type { Rng } from '../component.ts';
import type { SchedulerCache } from './cache.ts';
import { SKIP, type FilterPlugin, type FilterStatus, type FrameworkHandle, type PodInfo, type ScorePlugin } from './framework.ts';
import type { NodeStatus } from './fitError.ts';
import type { NodeInfo } from './nodeInfo.ts';
import { podResources } from './nodeInfo.ts';
import { podKey, type V1Pod } from './types.ts';

const MIN_FEASIBLE_NODES_TO_FIND = 100;
const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;
const BASE_PERCENTAGE_OF_NODES_TO_SCORE = 50;

/** How many feasible nodes to look for before scoring (percentageOfNodesToScore = 0, adaptive). */
export function numFeasibleNodesToFind(numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let pct = BASE_PERCENTAGE_OF_NODES_TO_SCORE - Math.trunc(numAllNodes / 125);
  if (pct < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) pct = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
  const n = Math.trunc((numAllNodes * pct) / 100);
  return n < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : n;
}

/** One scored node in an explanation; `scores` is [raw, normalized, weighted] per score plugin. */
export interface ScoredNode {
  node: string;
  total: number;
  scores: number[];
}

/** Why a pod went where it went (or nowhere): the UI's "why this node". */
export interface SchedulingExplanation {
  pod: string;
  attempt: number;
  at: number;
  numAllNodes: number;
  /** Nodes the filters ran on (percentageOfNodesToScore may stop early). */
  evaluated: number;
  feasible: number;
  /**
   * Score plugins, in the order of each ScoredNode's score triples, with their weights;
   * `skipped` when the plugin's PreScore said it has nothing to score for this pod (all 0).
   */
  plugins: { name: string; weight: number; skipped?: boolean }[];
  /** Rejected nodes with the first failing filter (capped; `filteredTotal` counts all). */
  filtered: { node: string; plugin: string; reasons: string[] }[];
  filteredTotal: number;
  /**
   * Every filter reason with the number of nodes it rejected (the FailedScheduling histogram,
   * uncapped). Survives compaction, so it answers "why not" for every attempt.
   */
  reasons?: Record<string, number>;
  /** Set when a PreFilter plugin rejected the pod for every node (no per-node filtering ran). */
  preFilter?: { plugin: string; reasons: string[] };
  /** Every node and every plugin is listed (a pinned pod, or a small cluster's recent attempt). */
  full?: boolean;
  /** Best-scored nodes, highest total first (capped; the selected node is always included). */
  scored: ScoredNode[];
  selected?: string;
  /** How many nodes shared the top score (reservoir-sampled among them). */
  tiedForTop?: number;
  /** FailedScheduling message when no node fit. */
  message?: string;
}

export interface ScheduleOneResult {
  selected?: string;
  /** FitError's PreFilterMsg when a PreFilter rejected the pod. */
  preFilterMsg?: string;
  statuses: NodeStatus[];
  numAllNodes: number;
  explanation: SchedulingExplanation;
}

export interface ScheduleOneOptions {
  filters: readonly FilterPlugin[];
  scores: readonly ScorePlugin[];
  rand: Rng;
  now: number;
  attempt: number;
  /** Max scored/filtered rows kept in the explanation (Infinity: all). */
  detail: number;
  /**
   * Pods nominated to a node after preempting there (set only while some exist): filters count
   * those of equal or higher priority as if they were running (RunFilterPluginsWithNominatedPods).
   */
  nominated?: (node: string) => readonly V1Pod[];
}

type FilterFn = (pod: PodInfo, node: NodeInfo) => FilterStatus | null;
type ScoreFn = (pod: PodInfo, node: NodeInfo) => number;

/** A handle over the cache alone (no listers): what tests and handle-less callers get. */
export function cacheHandle(cache: SchedulerCache): FrameworkHandle {
  return {
    nodes: () => cache.list(),
    getNode: (n) => cache.getNode(n),
    imageNumNodes: (i) => cache.imageNumNodes(i),
    podsWithAffinity: () => cache.podsWithAffinity(),
    podsWithRequiredAntiAffinity: () => cache.podsWithRequiredAntiAffinity(),
    namespaceLabels: () => undefined,
    defaultSelector: () => [],
  };
}

/** Reusable score buffers, so an attempt does not allocate per node. */
class Buffers {
  raw: Int32Array[] = [];
  norm: Int32Array[] = [];
  total = new Int32Array(0);
  ensure(plugins: number, n: number): void {
    if (this.total.length >= n && this.raw.length >= plugins) return;
    const size = Math.max(n, this.total.length * 2, 64);
    this.total = new Int32Array(size);
    this.raw = Array.from({ length: plugins }, () => new Int32Array(size));
    this.norm = Array.from({ length: plugins }, () => new Int32Array(size));
  }
}

export class Scheduler1 {
  private nextStartNodeIndex = 0;
  private readonly buf = new Buffers();
  private readonly pluginLists = new Map<readonly ScorePlugin[], Map<number, SchedulingExplanation['plugins']>>();
  private feasibleBuf: NodeInfo[] = [];
  /**
   * This attempt's Filter functions, bound once per plugin: calling a function value keeps the
   * hot loop's call site free of megamorphic property lookups across eight plugin shapes.
   */
  private activeFilters: FilterFn[] = [];
  /** The same without the filters that pass every plain node (not cordoned, no NoSchedule/NoExecute taint). */
  private plainFilters: FilterFn[] = [];
  private readonly boundFilters = new Map<FilterPlugin, FilterFn>();
  private readonly boundScores = new Map<ScorePlugin, ScoreFn>();
  private readonly handle: FrameworkHandle;

  constructor(
    private readonly cache: SchedulerCache,
    handle?: FrameworkHandle,
  ) {
    this.handle = handle ?? cacheHandle(cache);
  }

  podInfo(pod: V1Pod): PodInfo {
    const res = podResources(pod);
    return {
      pod, key: podKey(pod), priority: res.priority, requests: res.requested, nonZero: res.nonZero,
      tolerations: pod.spec?.tolerations ?? [], state: new Map(),
    };
  }

  /** schedulePod: returns the chosen node, or the per-node statuses for a FitError. */
  schedule(pi: PodInfo, o: ScheduleOneOptions): ScheduleOneResult {
    const nodes = this.cache.list();
    const all = nodes.length;
    const expl: SchedulingExplanation = {
      pod: pi.key, attempt: o.attempt, at: o.now, numAllNodes: all, evaluated: 0, feasible: 0,
      plugins: this.pluginList(o.scores, 0), filtered: [], filteredTotal: 0, scored: [],
    };
    const statuses: NodeStatus[] = [];
    if (all === 0) return { statuses, numAllNodes: 0, explanation: expl };
    if (o.detail === Infinity) expl.full = true;

    // RunPreFilterPlugins: a rejection holds for every node; Skip drops that plugin's Filter.
    const filters = this.activeFilters;
    const plainFilters = this.plainFilters;
    let nf = 0;
    let npf = 0;
    for (const f of o.filters) {
      const r = f.preFilter ? f.preFilter(pi, this.handle) : null;
      if (r === SKIP) continue;
      if (r) {
        expl.preFilter = { plugin: r.plugin, reasons: r.reasons };
        for (const ni of nodes) statuses.push({ node: ni.name, status: r });
        expl.filteredTotal = all;
        expl.reasons = histogram(statuses);
        return { statuses, numAllNodes: all, explanation: expl, preFilterMsg: r.reasons.join(', ') };
      }
      let fn = this.boundFilters.get(f);
      if (!fn) this.boundFilters.set(f, (fn = f.filter.bind(f)));
      filters[nf++] = fn;
      if (!f.passesPlainNodes) plainFilters[npf++] = fn;
    }
    filters.length = nf;
    plainFilters.length = npf;

    // findNodesThatPassFilters
    const want = numFeasibleNodesToFind(all);
    // Reused across attempts; filled by index, because `length = 0` would free its backing store
    // and every attempt would regrow it (the dominant allocation at 5,000 nodes).
    const feasible = this.feasibleBuf;
    let found = 0;
    let processed = 0;
    let idx = this.nextStartNodeIndex;
    for (let i = 0; i < all && found < want; i++) {
      const ni = nodes[idx]!;
      if (++idx === all) idx = 0;
      processed++;
      let st: FilterStatus | null = null;
      const nominated = o.nominated?.(ni.name);
      if (nominated?.length) {
        st = withNominatedPods(pi, ni, nominated, () => {
          let r: FilterStatus | null = null;
          for (let f = 0; f < nf && r === null; f++) r = filters[f]!(pi, ni);
          return r;
        });
      } else if (ni.plain) for (let f = 0; f < npf && st === null; f++) st = plainFilters[f]!(pi, ni);
      else for (let f = 0; f < nf && st === null; f++) st = filters[f]!(pi, ni);
      if (st) {
        statuses.push({ node: ni.name, status: st });
        if (expl.filtered.length < o.detail) expl.filtered.push({ node: ni.name, plugin: st.plugin, reasons: st.reasons });
      } else feasible[found++] = ni;
    }
    feasible.length = found;
    this.nextStartNodeIndex = (this.nextStartNodeIndex + processed) % all;
    expl.evaluated = processed;
    expl.feasible = feasible.length;
    expl.filteredTotal = statuses.length;
    if (statuses.length) expl.reasons = histogram(statuses);
    if (feasible.length === 0) return { statuses, numAllNodes: all, explanation: expl };
    if (feasible.length === 1) {
      // Only one feasible node: upstream skips scoring.
      expl.selected = feasible[0]!.name;
      expl.tiedForTop = 1;
      return { selected: expl.selected, statuses, numAllNodes: all, explanation: expl };
    }

    // prioritizeNodes
    const n = feasible.length;
    const P = o.scores.length;
    this.buf.ensure(P, n);
    const total = this.buf.total;
    total.fill(0, 0, n);
    let skipped = 0;
    for (let p = 0; p < P; p++) {
      const plugin = o.scores[p]!;
      const raw = this.buf.raw[p]!;
      const norm = this.buf.norm[p]!;
      const w = plugin.weight;
      if (plugin.preScore && plugin.preScore(pi, feasible) === false) {
        // framework.Skip: the plugin takes no part in this attempt.
        raw.fill(0, 0, n);
        norm.fill(0, 0, n);
        skipped |= 1 << p;
        continue;
      }
      let score = this.boundScores.get(plugin);
      if (!score) this.boundScores.set(plugin, (score = plugin.score.bind(plugin)));
      if (plugin.normalizeScore) {
        for (let i = 0; i < n; i++) raw[i] = norm[i] = score(pi, feasible[i]!);
        plugin.normalizeScore(pi, norm, n, feasible);
        for (let i = 0; i < n; i++) total[i] += norm[i]! * w;
      } else {
        for (let i = 0; i < n; i++) {
          const v = score(pi, feasible[i]!);
          raw[i] = norm[i] = v;
          total[i] += v * w;
        }
      }
    }
    if (skipped) expl.plugins = this.pluginList(o.scores, skipped);

    // selectHost: reservoir sampling among the top scores.
    let best = 0;
    let ties = 1;
    for (let i = 1; i < n; i++) {
      if (total[i]! > total[best]!) {
        best = i;
        ties = 1;
      } else if (total[i] === total[best]) {
        ties++;
        if (o.rand.int(ties) === 0) best = i;
      }
    }
    expl.selected = feasible[best]!.name;
    expl.tiedForTop = ties;
    expl.scored = this.topScored(feasible, n, best, o);
    return { selected: expl.selected, statuses, numAllNodes: all, explanation: expl };
  }

  /**
   * The explanation's plugin list for this profile and set of PreScore-skipped plugins (bit p),
   * shared and frozen: every pod's explanation would otherwise carry its own copy.
   */
  private pluginList(scores: readonly ScorePlugin[], skipped: number): SchedulingExplanation['plugins'] {
    let byMask = this.pluginLists.get(scores);
    if (!byMask) this.pluginLists.set(scores, (byMask = new Map()));
    let list = byMask.get(skipped);
    if (!list) {
      list = scores.map((p, i) => Object.freeze(skipped & (1 << i) ? { name: p.name, weight: p.weight, skipped: true } : { name: p.name, weight: p.weight }));
      byMask.set(skipped, Object.freeze(list) as SchedulingExplanation['plugins']);
    }
    return list;
  }

  /** The `detail` best-scored nodes (selected first among equals), without sorting all of them. */
  private topScored(feasible: NodeInfo[], n: number, best: number, o: ScheduleOneOptions): ScoredNode[] {
    const total = this.buf.total;
    const top: number[] = [best];
    for (let i = 0; i < n; i++) {
      if (i === best) continue;
      if (top.length >= o.detail && total[i]! <= total[top[top.length - 1]!]!) continue;
      let j = top.length;
      while (j > 1 && total[top[j - 1]!]! < total[i]!) j--;
      top.splice(j, 0, i);
      if (top.length > o.detail) top.pop();
    }
    const P = o.scores.length;
    return top.map((i) => {
      // Exact length: a pushed-to array keeps a grown backing store, and 100,000 pods keep one
      // explanation each.
      const scores = new Array<number>(3 * P);
      for (let p = 0; p < P; p++) {
        const norm = this.buf.norm[p]![i]!;
        scores[3 * p] = this.buf.raw[p]![i]!;
        scores[3 * p + 1] = norm;
        scores[3 * p + 2] = norm * o.scores[p]!.weight;
      }
      return { node: feasible[i]!.name, total: total[i]!, scores };
    });
  }
}

/** `{reason: nodes}` over the rejected nodes. */
function histogram(statuses: readonly NodeStatus[]): Record<string, number> {
  const h: Record<string, number> = {};
  for (const s of statuses) for (const r of s.status.reasons) h[r] = (h[r] ?? 0) + 1;
  return h;
}
