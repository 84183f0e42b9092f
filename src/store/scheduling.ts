/**
 * kube-scheduler's explanations in the UI store (pure, no React): the latest attempt per pod from
 * released spans (a bind carries `payload.explanation`, a failed attempt's `schedulingFailed`
 * span carries the explanation itself), the attempt being animated right now ("live"), and each
 * node's verdict in an attempt, for the node cards. Mirrors what pkg/scheduler/schedule_one.go
 * records (findNodesThatPassFilters, prioritizeNodes, selectHost).
 */
import type { SchedulingExplanation, Span } from '../protocol/types.ts';

/** How many pods' latest explanations the store keeps (the oldest go first). */
export const MAX_EXPLANATIONS = 300;
/** A live attempt's verdicts stay on the node cards this many hop durations (while playing). */
export const LIVE_HOPS = 4;

export interface SchedulingSlice {
  /** Latest attempt per pod `namespace/name`; insertion order = age (re-inserted on update). */
  explanations: Record<string, SchedulingExplanation>;
  /** The attempt just released to the diagram (node cards show it for {@link LIVE_HOPS} hops). */
  liveScheduling?: { spanId: number; pod: string };
}

export const emptyScheduling = (): SchedulingSlice => ({ explanations: {}, liveScheduling: undefined });

function isExplanation(x: unknown): x is SchedulingExplanation {
  const e = x as Partial<SchedulingExplanation> | undefined;
  return !!e && typeof e === 'object' && typeof e.pod === 'string' && Array.isArray(e.filtered) && Array.isArray(e.scored);
}

/** The scheduling attempt a span carries: a bind's `payload.explanation` or a failed attempt's payload. */
export function explanationOfSpan(span: Span): SchedulingExplanation | undefined {
  const p = span.payload as { explanation?: unknown } | undefined;
  if (!p || typeof p !== 'object') return undefined;
  if (span.kind === 'schedulingFailed') return isExplanation(p) ? p : undefined;
  if (span.kind === 'apiBind' || span.from === 'scheduler') return isExplanation(p.explanation) ? p.explanation : undefined;
  return undefined;
}

const rows = (e: SchedulingExplanation) => e.filtered.length + e.scored.length;

/** Whether `next` should replace `prev` for the same pod: a later attempt, or the same one with more detail (pinned). */
export function isNewer(next: SchedulingExplanation, prev: SchedulingExplanation | undefined): boolean {
  if (!prev) return true;
  if (next.at !== prev.at) return next.at > prev.at;
  if (next.attempt !== prev.attempt) return next.attempt > prev.attempt;
  return rows(next) >= rows(prev);
}

/** Record explanations (oldest first); the record is copied once and trimmed to {@link MAX_EXPLANATIONS}. */
export function recordExplanations(prev: Record<string, SchedulingExplanation>, list: readonly SchedulingExplanation[]): Record<string, SchedulingExplanation> {
  let next: Record<string, SchedulingExplanation> | undefined;
  for (const e of list) {
    if (!isNewer(e, (next ?? prev)[e.pod])) continue;
    next ??= { ...prev };
    delete next[e.pod]; // re-inserted last: the newest
    next[e.pod] = e;
  }
  if (!next) return prev;
  const keys = Object.keys(next);
  for (let i = 0; i < keys.length - MAX_EXPLANATIONS; i++) delete next[keys[i]!];
  return next;
}

/** Apply a delta's released spans: store their explanations and make the last one live. */
export function applyScheduling<S extends SchedulingSlice>(prev: S, released: readonly Span[], reset = false): S {
  let base = prev;
  if (reset) base = { ...prev, ...emptyScheduling() };
  const found: SchedulingExplanation[] = [];
  let live: SchedulingSlice['liveScheduling'];
  for (const span of released) {
    const e = explanationOfSpan(span);
    if (!e) continue;
    found.push(e);
    live = { spanId: span.id, pod: e.pod };
  }
  if (found.length === 0) return base;
  return { ...base, explanations: recordExplanations(base.explanations, found), liveScheduling: live };
}

/** End the live verdicts of attempt `spanId` (a newer attempt keeps its own). */
export function clearLive<S extends SchedulingSlice>(prev: S, spanId: number): S {
  return prev.liveScheduling?.spanId === spanId ? { ...prev, liveScheduling: undefined } : prev;
}

/** One node's part in an attempt, as its card shows it. */
export type NodeVerdict =
  /** selectHost picked it; `total` is absent when it was the only feasible node (no scoring). */
  | { kind: 'chosen'; pod: string; total?: number; tied: number }
  /** Passed every filter, scored lower (`rank` 2 = runner-up; `behind` = points short of the winner). */
  | { kind: 'passed'; pod: string; total: number; rank: number; behind: number }
  /** The first failing filter plugin and its reasons. */
  | { kind: 'rejected'; pod: string; plugin: string; reasons: string[] }
  /** percentageOfNodesToScore: the scheduler had found enough feasible nodes before reaching it. */
  | { kind: 'notEvaluated'; pod: string }
  /** Evaluated, but its row was not kept (compact explanation at scale). */
  | { kind: 'noDetail'; pod: string };

interface Verdicts {
  byNode: Map<string, NodeVerdict>;
  notEvaluated: NodeVerdict;
  noDetail: NodeVerdict;
  /** A PreFilter rejected the pod for every node at once. */
  preFilter?: NodeVerdict;
}
const verdictCache = new WeakMap<SchedulingExplanation, Verdicts>();

function verdicts(e: SchedulingExplanation): Verdicts {
  let v = verdictCache.get(e);
  if (v) return v;
  const m = new Map<string, NodeVerdict>();
  const pod = e.pod;
  for (const f of e.filtered) m.set(f.node, { kind: 'rejected', pod, plugin: f.plugin, reasons: f.reasons });
  const top = e.scored.find((s) => s.node === e.selected)?.total ?? e.scored[0]?.total ?? 0;
  let rank = 1;
  for (const s of e.scored) {
    if (s.node === e.selected) continue;
    rank++;
    m.set(s.node, { kind: 'passed', pod, total: s.total, rank, behind: top - s.total });
  }
  if (e.selected) {
    const s = e.scored.find((x) => x.node === e.selected);
    m.set(e.selected, { kind: 'chosen', pod, ...(s ? { total: s.total } : {}), tied: e.tiedForTop ?? 1 });
  }
  v = { byNode: m, notEvaluated: { kind: 'notEvaluated', pod }, noDetail: { kind: 'noDetail', pod } };
  if (e.preFilter) v.preFilter = { kind: 'rejected', pod, plugin: e.preFilter.plugin, reasons: e.preFilter.reasons };
  verdictCache.set(e, v);
  return v;
}

/** Every recorded node's verdict in an attempt (cached per explanation object: stable identities). */
export function nodeVerdicts(e: SchedulingExplanation): ReadonlyMap<string, NodeVerdict> {
  return verdicts(e).byNode;
}

/** A node's verdict, or undefined when the node was not part of the attempt (it joined later). */
export function verdictOf(e: SchedulingExplanation, node: string): NodeVerdict | undefined {
  const v = verdicts(e);
  const found = v.byNode.get(node);
  if (found) return found;
  if (v.preFilter) return v.preFilter;
  if (e.evaluated < e.numAllNodes) return v.notEvaluated;
  const scoredRows = e.scored.length || (e.selected ? 1 : 0);
  if (e.filteredTotal > e.filtered.length || e.feasible > scoredRows) return v.noDetail;
  return undefined;
}

/** `pods/ns/name` (a store key) → `ns/name` (kube-scheduler's pod key). */
export function schedulerPodKey(storeKey: string): string {
  return storeKey.startsWith('pods/') ? storeKey.slice(5) : storeKey;
}

/**
 * The attempt node cards show: the selected pod's latest, else the one being scheduled now.
 * Undefined when neither exists.
 */
export function activeExplanation(s: SchedulingSlice & { selection?: { kind: string; key: string } }): SchedulingExplanation | undefined {
  if (s.selection?.kind === 'pod') return s.explanations[schedulerPodKey(s.selection.key)];
  return s.liveScheduling ? s.explanations[s.liveScheduling.pod] : undefined;
}

/** `{reason, count}` rows of the FailedScheduling histogram, sorted as upstream (sort.Strings on "<count> <reason>"). */
export interface ReasonCount {
  reason: string;
  count: number;
}

/**
 * The reason histogram of an attempt: the explanation's own `reasons` field when the scheduler
 * provides one, else counted from the per-node rows when they are complete, else parsed from the
 * FailedScheduling message.
 */
export function reasonHistogram(e: SchedulingExplanation): ReasonCount[] {
  const raw = (e as { reasons?: unknown }).reasons;
  let out: ReasonCount[] | undefined;
  if (e.preFilter) {
    out = e.preFilter.reasons.map((reason) => ({ reason, count: e.numAllNodes }));
  } else if (Array.isArray(raw)) {
    out = raw.flatMap((r): ReasonCount[] => {
      if (Array.isArray(r) && typeof r[0] === 'string') return [{ reason: r[0], count: Number(r[1]) || 0 }];
      const o = r as { reason?: unknown; count?: unknown };
      return o && typeof o.reason === 'string' ? [{ reason: o.reason, count: Number(o.count) || 0 }] : [];
    });
  } else if (raw && typeof raw === 'object') {
    out = Object.entries(raw as Record<string, unknown>).map(([reason, count]) => ({ reason, count: Number(count) || 0 }));
  } else if (e.filtered.length >= e.filteredTotal) {
    const counts = new Map<string, number>();
    for (const f of e.filtered) for (const r of f.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
    out = [...counts].map(([reason, count]) => ({ reason, count }));
  } else {
    out = parseHistogram(e.message ?? '');
  }
  const key = (r: ReasonCount) => `${r.count} ${r.reason}`;
  return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The `<count> <reason>` entries of `0/N nodes are available: …. preemption: …` (best effort). */
export function parseHistogram(message: string): ReasonCount[] {
  const m = /^0\/\d+ nodes are available: (.*?)\.(?: preemption: .*)?$/.exec(message);
  if (!m) return [];
  return m[1]!.split(/, (?=\d+ )/).flatMap((part) => {
    const p = /^(\d+) (.*)$/.exec(part);
    return p ? [{ reason: p[2]!, count: Number(p[1]) }] : [];
  });
}
