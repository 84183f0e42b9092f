/**
 * Pure state transitions of the UI store (no React, no zustand), so they run under vitest.
 * Object identity is preserved for everything a delta did not touch: components subscribe to
 * one pod or one node's pod list and re-render only when that changed.
 */
import type { DeltaMessage, PodColumns } from '../protocol/messages.ts';
import { hopMsFor, TRAFFIC_SPAN_KINDS } from '../protocol/messages.ts';
import { compareEvents } from './eventOrder.ts';
import type { KubeObject, Span } from '../protocol/types.ts';

/** How many released spans the store keeps (plan.md: ~300). */
export const MAX_SPANS = 300;
/** `sim traffic` spans kept in the history: a stream of requests must not push the story out. */
export const MAX_TRAFFIC_SPANS = 30;
/** A story span stays on the narration line against traffic for this much virtual time (~4 hops). */
export const STORY_OVER_TRAFFIC_MS = 3000;

const isTraffic = (s: Span) => TRAFFIC_SPAN_KINDS.has(s.kind);

/** The history with only the newest {@link MAX_TRAFFIC_SPANS} traffic spans, at most {@link MAX_SPANS}. */
function keepSpans(spans: Span[]): Span[] {
  let traffic = 0;
  for (const s of spans) if (isTraffic(s)) traffic++;
  let drop = traffic - MAX_TRAFFIC_SPANS;
  const kept = drop > 0 ? spans.filter((s) => !(isTraffic(s) && drop-- > 0)) : spans;
  return kept.length > MAX_SPANS ? kept.slice(-MAX_SPANS) : kept;
}

/**
 * The narration after a delta: its newest story span; traffic only when the line shows no story
 * span from the last {@link STORY_OVER_TRAFFIC_MS} (so a deleted pod is not narrated away by requests).
 */
function narrationAfter(current: Span | undefined, released: Span[], now: number): Span | undefined {
  for (let i = released.length - 1; i >= 0; i--) if (!isTraffic(released[i]!)) return released[i];
  if (current && !isTraffic(current) && now - current.at < STORY_OVER_TRAFFIC_MS) return current;
  return released[released.length - 1];
}
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
      // Names never change, so the key sits where its name sorts (indexOf only as a safety net).
      let i = indexOfSorted(list, key, cmpKeys);
      if (i < 0 || list[i] !== key) i = list.indexOf(key);
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
 * Every stored event in display order, per events map (the map is copied on each change, so its
 * identity names one version). The Events list is the newest {@link MAX_EVENTS} of it: keeping
 * the whole order lets a deletion (event GC) let an older event back into the window without
 * re-sorting thousands of events per delta.
 */
const sortedEvents = new WeakMap<Record<string, KubeObject>, KubeObject[]>();

/**
 * Patch the full event order for the changed events (binary search per change), hand it over to
 * the new map and return its newest {@link MAX_EVENTS}. The previous map's order is taken, not
 * copied: applying a delta to an older state again finds no order and sorts once.
 */
function patchEvents(
  prevMap: Record<string, KubeObject>,
  map: Record<string, KubeObject>,
  changes: Map<string, KubeObject | undefined>,
): KubeObject[] {
  let all = sortedEvents.get(prevMap);
  if (all) sortedEvents.delete(prevMap);
  else all = Object.values(prevMap).sort(compareEvents);
  const added: KubeObject[] = [];
  for (const [key, obj] of changes) {
    const before = prevMap[key];
    if (before) {
      const i = indexOfSorted(all, before, compareEvents);
      if (i >= 0) all.splice(i, 1);
      else {
        const j = all.indexOf(before);
        if (j >= 0) all.splice(j, 1);
      }
    }
    if (obj) added.push(obj);
  }
  if (added.length > 64) {
    // Many at once (a big batch): one sort and a linear merge beat hundreds of splices.
    added.sort(compareEvents);
    const out: KubeObject[] = new Array<KubeObject>(all.length + added.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < all.length && j < added.length) out[k++] = compareEvents(all[i]!, added[j]!) <= 0 ? all[i++]! : added[j++]!;
    while (i < all.length) out[k++] = all[i++]!;
    while (j < added.length) out[k++] = added[j++]!;
    all = out;
  } else {
    for (const obj of added) all.splice(sortedIndex(all, obj, compareEvents), 0, obj);
  }
  sortedEvents.set(map, all);
  return all.length > MAX_EVENTS ? all.slice(-MAX_EVENTS) : all.slice();
}

const newest = (events: KubeObject[]) => (events.length > MAX_EVENTS ? events.slice(-MAX_EVENTS) : events);

type ObjectDelta = Pick<DeltaMessage, 'upserts' | 'deletes' | 'reset'>;

/**
 * Group the changes of deltas applied in order by resource: key → final object (undefined =
 * deleted). A later delta's change of a key replaces an earlier one, as applying them one by one
 * would. `columns`: pod key → final kubectl columns (undefined = dropped with the pod).
 */
function groupChanges(deltas: readonly ObjectDelta[]) {
  const byResource = new Map<string, Map<string, KubeObject | undefined>>();
  const columns = new Map<string, PodColumns | undefined>();
  const of = (resource: string) => {
    let m = byResource.get(resource);
    if (!m) byResource.set(resource, (m = new Map()));
    return m;
  };
  for (const delta of deltas) {
    for (const d of delta.deletes) {
      of(d.resource).set(d.key, undefined);
      if (d.resource === 'pods') columns.set(d.key, undefined);
    }
    for (const u of delta.upserts) {
      of(u.resource).set(u.key, u.object);
      if (u.columns) columns.set(u.key, u.columns);
    }
  }
  return { byResource, columns };
}

/**
 * Apply a delta's object changes. Only the maps and lists of resources that changed are copied;
 * lists are patched, not rebuilt (a full sort happens only on reset).
 */
export function applyObjects<S extends ClusterSlice>(prev: S, delta: ObjectDelta): S {
  return applyObjectsBatch(prev, [delta]);
}

/**
 * Apply several deltas' object changes as one: the same state as applying them in order, but each
 * touched map and list is copied once per batch, not once per delta (a frame that drains a backlog
 * of 40 deltas at 1,000 pods would otherwise copy the pod map 40 times).
 */
export function applyObjectsBatch<S extends ClusterSlice>(prev: S, deltas: readonly ObjectDelta[]): S {
  let start = 0;
  for (let i = deltas.length - 1; i >= 0; i--) {
    if (deltas[i]!.reset) {
      prev = rebuild(prev, deltas[i]!);
      start = i + 1;
      break;
    }
  }
  const rest = start === 0 ? deltas : deltas.slice(start);
  if (rest.every((d) => d.upserts.length === 0 && d.deletes.length === 0)) return prev;
  const grouped = groupChanges(rest);
  const byResource = { ...prev.byResource };
  const next: S = { ...prev, byResource };
  for (const [resource, changes] of grouped.byResource) {
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
    } else if (resource === 'events') {
      next.events = patchEvents(prevMap, map, changes);
    }
  }
  if (grouped.columns.size > 0) {
    const podColumns = { ...prev.podColumns };
    for (const [key, cols] of grouped.columns) {
      if (cols) podColumns[key] = cols;
      else delete podColumns[key];
    }
    next.podColumns = podColumns;
  }
  return next;
}

/** Sort a freshly built events map once and remember the order for later patches. */
function eventsOrder(map: Record<string, KubeObject> | undefined): KubeObject[] {
  if (!map) return [];
  const all = Object.values(map).sort(compareEvents);
  sortedEvents.set(map, all);
  return all.slice();
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
    events: newest(eventsOrder(byResource.events)),
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
    next.spans = keepSpans([...next.spans, ...delta.released]);
    const active = [...next.activeSpans, ...delta.released];
    next.activeSpans = active.length > MAX_ACTIVE_SPANS ? active.slice(-MAX_ACTIVE_SPANS) : active;
    next.narration = narrationAfter(next.narration, delta.released, delta.now);
  }
  return next;
}

/** Remove spans whose animation is over (the UI's timers call this `hopMs` after release). */
export function expireSpans(active: Span[], ids: ReadonlySet<number>): Span[] {
  if (!active.some((s) => ids.has(s.id))) return active;
  return active.filter((s) => !ids.has(s.id));
}
