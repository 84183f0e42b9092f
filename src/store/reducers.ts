/**
 * Pure state transitions of the UI store (no React, no zustand), so they run under vitest.
 * Object identity is preserved for everything a delta did not touch: components subscribe to
 * one pod or one node's pod list and re-render only when that changed.
 */
import type { DeltaMessage, PodColumns } from '../protocol/messages.ts';
import { hopMsFor } from '../protocol/messages.ts';
import { compareEvents } from './eventOrder.ts';
import type { KubeObject, Span } from '../protocol/types.ts';

/** How many released spans the store keeps (plan.md: ~300). */
export const MAX_SPANS = 300;
/** How many spans animate at once (busy mode releases hundreds; the diagram shows the newest). */
export const MAX_ACTIVE_SPANS = 40;
/** How many events the Events tab keeps (the newest). */
export const MAX_EVENTS = 500;
/** podsByNode key of pods not bound to a node yet. */
export const UNSCHEDULED = '';

export interface Playback {
  playing: boolean;
  speed: number;
  /** Virtual ms since cluster start. */
  now: number;
  /** Virtual wall clock of t=0 (Unix ms). */
  epochMs: number;
}

export interface ClusterSlice {
  /**
   * Every object, one map per resource (`pods`, `nodes`, `events`, …), each by key
   * `resource/namespace/name`. A delta copies only the maps of the resources it touches, so a pod
   * update does not copy the ~1,500 events. Read one object with {@link objectAt}.
   */
  byResource: Record<string, Record<string, KubeObject>>;
  nodes: KubeObject[];
  pods: KubeObject[];
  /** Newest last, at most {@link MAX_EVENTS}. */
  events: KubeObject[];
  /** kubectl columns per pod key. */
  podColumns: Record<string, PodColumns>;
  /** Pod keys per node name (`''` = unscheduled), sorted by namespace/name. */
  podsByNode: Record<string, string[]>;
}

export interface TraceSlice {
  spans: Span[];
  activeSpans: Span[];
  narration?: Span;
  hopMs: number;
  busy: boolean;
  playback: Playback;
}

export const emptyCluster = (): ClusterSlice => ({
  byResource: {},
  nodes: [],
  pods: [],
  events: [],
  podColumns: {},
  podsByNode: {},
});

const NO_OBJECTS: Record<string, KubeObject> = Object.freeze({}) as Record<string, KubeObject>;

/** The object stored under `key` (`pods/default/web-…`, `nodes//worker-1`), if any. */
export function objectAt(s: Pick<ClusterSlice, 'byResource'>, key: string): KubeObject | undefined {
  const slash = key.indexOf('/');
  return (s.byResource[slash < 0 ? key : key.slice(0, slash)] ?? NO_OBJECTS)[key];
}

// Natural order (worker-2 before worker-10): kubectl sorts byte-wise, but a picture of the
// cluster reads better in the order the machines were numbered.
const collator = new Intl.Collator('en', { numeric: true });
const byName = (a: KubeObject, b: KubeObject) =>
  collator.compare(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || collator.compare(a.metadata.name, b.metadata.name);

const podNode = (pod: KubeObject | undefined) => (pod ? ((pod.spec as { nodeName?: string } | undefined)?.nodeName ?? UNSCHEDULED) : undefined);
const podKeyOf = (pod: KubeObject) => `pods/${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;

/** Index where `item` belongs in the sorted `list` (after equal items). */
function sortedIndex<T>(list: readonly T[], item: T, cmp: (a: T, b: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(list[mid]!, item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the item equal to `item` under `cmp` (by name: unique per resource), or -1. */
function indexOfSorted<T>(list: readonly T[], item: T, cmp: (a: T, b: T) => number): number {
  const i = sortedIndex(list, item, cmp) - 1;
  return i >= 0 && cmp(list[i]!, item) === 0 ? i : -1;
}

/**
 * Update a name-sorted list in place (a copy made by the caller): a changed object keeps its
 * slot (names never change); only additions and removals search for a position.
 */
function patchSorted(list: KubeObject[], prevMap: Record<string, KubeObject>, changes: Map<string, KubeObject | undefined>): void {
  for (const [key, obj] of changes) {
    const before = prevMap[key];
    if (before) {
      const i = indexOfSorted(list, before, byName);
      if (i < 0) continue;
      if (obj) list[i] = obj;
      else list.splice(i, 1);
    } else if (obj) {
      list.splice(sortedIndex(list, obj, byName), 0, obj);
    }
  }
}

/** Rebuild pod keys per node for the nodes whose membership changed, keeping the other arrays. */
function patchPodsByNode(
  prev: Record<string, string[]>,
  prevMap: Record<string, KubeObject>,
  map: Record<string, KubeObject>,
  changes: Map<string, KubeObject | undefined>,
): Record<string, string[]> {
  let next: Record<string, string[]> | undefined;
  const copied = new Set<string>();
  const edit = (node: string) => {
    next ??= { ...prev };
    if (!copied.has(node)) {
      copied.add(node);
      next[node] = next[node] ? [...next[node]] : [];
    }
    return next[node];
  };
  const at = (k: string) => (map[k] ?? prevMap[k])!;
  const cmpKeys = (a: string, b: string) => byName(at(a), at(b));
  for (const [key, obj] of changes) {
    const from = podNode(prevMap[key]);
    const to = podNode(obj);
    if (from === to) continue;
    if (from !== undefined) {
      const list = edit(from);
      const i = list.indexOf(key);
      if (i >= 0) list.splice(i, 1);
    }
    if (to !== undefined) {
      const list = edit(to);
      list.splice(sortedIndex(list, key, cmpKeys), 0, key);
    }
  }
  if (!next) return prev;
  for (const node of copied) if (next[node]!.length === 0) delete next[node];
  return next;
}

/**
 * Merge changed events into the newest-last list: drop their old versions, merge the new ones
 * (sorted) in one linear pass, keep the newest {@link MAX_EVENTS}. Falls back to a full sort when
 * a removal could let an older event back into the window.
 */
function patchEvents(
  prevList: KubeObject[],
  prevMap: Record<string, KubeObject>,
  map: Record<string, KubeObject>,
  changes: Map<string, KubeObject | undefined>,
): KubeObject[] {
  const drop = new Set<KubeObject>();
  const added: KubeObject[] = [];
  let removed = false;
  for (const [key, obj] of changes) {
    const before = prevMap[key];
    if (before) drop.add(before);
    if (obj) added.push(obj);
    else removed = true;
  }
  const capped = prevList.length >= MAX_EVENTS;
  if (removed && capped) return newest(Object.values(map).sort(compareEvents));
  const kept = drop.size > 0 ? prevList.filter((e) => !drop.has(e)) : prevList;
  added.sort(compareEvents);
  const out: KubeObject[] = [];
  let i = 0;
  let j = 0;
  while (i < kept.length && j < added.length) out.push(compareEvents(kept[i]!, added[j]!) <= 0 ? kept[i++]! : added[j++]!);
  while (i < kept.length) out.push(kept[i++]!);
  while (j < added.length) out.push(added[j++]!);
  return newest(out);
}

const newest = (events: KubeObject[]) => (events.length > MAX_EVENTS ? events.slice(-MAX_EVENTS) : events);

/** Group a delta's changes by resource: key → new object (undefined = deleted), in delta order. */
function groupChanges(delta: Pick<DeltaMessage, 'upserts' | 'deletes'>): Map<string, Map<string, KubeObject | undefined>> {
  const out = new Map<string, Map<string, KubeObject | undefined>>();
  const of = (resource: string) => {
    let m = out.get(resource);
    if (!m) out.set(resource, (m = new Map()));
    return m;
  };
  for (const d of delta.deletes) of(d.resource).set(d.key, undefined);
  for (const u of delta.upserts) of(u.resource).set(u.key, u.object);
  return out;
}

/**
 * Apply a delta's object changes. Only the maps and lists of resources that changed are copied;
 * lists are patched, not rebuilt (a full sort happens only on reset).
 */
export function applyObjects<S extends ClusterSlice>(prev: S, delta: Pick<DeltaMessage, 'upserts' | 'deletes' | 'reset'>): S {
  if (!delta.reset && delta.upserts.length === 0 && delta.deletes.length === 0) return prev;
  if (delta.reset) return rebuild(prev, delta);
  const byResource = { ...prev.byResource };
  const next: S = { ...prev, byResource };
  for (const [resource, changes] of groupChanges(delta)) {
    const prevMap = prev.byResource[resource] ?? NO_OBJECTS;
    const map = { ...prevMap };
    for (const [key, obj] of changes) {
      if (obj) map[key] = obj;
      else delete map[key];
    }
    byResource[resource] = map;
    if (resource === 'nodes') {
      const nodes = [...prev.nodes];
      patchSorted(nodes, prevMap, changes);
      next.nodes = nodes;
    } else if (resource === 'pods') {
      const pods = [...prev.pods];
      patchSorted(pods, prevMap, changes);
      next.pods = pods;
      next.podsByNode = patchPodsByNode(prev.podsByNode, prevMap, map, changes);
      const podColumns = { ...prev.podColumns };
      for (const [key, obj] of changes) if (!obj) delete podColumns[key];
      for (const u of delta.upserts) if (u.columns) podColumns[u.key] = u.columns;
      next.podColumns = podColumns;
    } else if (resource === 'events') {
      next.events = patchEvents(prev.events, prevMap, map, changes);
    }
  }
  return next;
}

/** Replace everything with the delta's objects (first delta, after a restore). */
function rebuild<S extends ClusterSlice>(prev: S, delta: Pick<DeltaMessage, 'upserts'>): S {
  const byResource: Record<string, Record<string, KubeObject>> = {};
  const podColumns: Record<string, PodColumns> = {};
  for (const u of delta.upserts) {
    (byResource[u.resource] ??= {})[u.key] = u.object;
    if (u.columns) podColumns[u.key] = u.columns;
  }
  const pods = Object.values(byResource.pods ?? NO_OBJECTS).sort(byName);
  const podsByNode: Record<string, string[]> = {};
  for (const pod of pods) (podsByNode[podNode(pod)!] ??= []).push(podKeyOf(pod));
  return {
    ...prev,
    byResource,
    podColumns,
    nodes: Object.values(byResource.nodes ?? NO_OBJECTS).sort(byName),
    pods,
    podsByNode,
    events: newest(Object.values(byResource.events ?? NO_OBJECTS).sort(compareEvents)),
  };
}

/** Apply a delta's playback state and released spans. */
export function applyTrace<S extends TraceSlice>(prev: S, delta: DeltaMessage): S {
  const playback: Playback =
    prev.playback.now === delta.now && prev.playback.playing === delta.playing && prev.playback.speed === delta.speed && prev.playback.epochMs === delta.epochMs
      ? prev.playback
      : { now: delta.now, playing: delta.playing, speed: delta.speed, epochMs: delta.epochMs };
  const next: S = { ...prev, playback, hopMs: hopMsFor(delta.speed), busy: delta.busy };
  if (delta.reset) {
    next.spans = [];
    next.activeSpans = [];
    next.narration = undefined;
  }
  if (delta.released.length > 0) {
    const spans = [...next.spans, ...delta.released];
    next.spans = spans.length > MAX_SPANS ? spans.slice(-MAX_SPANS) : spans;
    const active = [...next.activeSpans, ...delta.released];
    next.activeSpans = active.length > MAX_ACTIVE_SPANS ? active.slice(-MAX_ACTIVE_SPANS) : active;
    next.narration = delta.released[delta.released.length - 1];
  }
  return next;
}

/** Remove spans whose animation is over (the UI's timers call this `hopMs` after release). */
export function expireSpans(active: Span[], ids: ReadonlySet<number>): Span[] {
  if (!active.some((s) => ids.has(s.id))) return active;
  return active.filter((s) => !ids.has(s.id));
}
