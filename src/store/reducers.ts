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
  /** Every object by `resource/namespace/name`. */
  objects: Record<string, KubeObject>;
  nodes: KubeObject[];
  pods: KubeObject[];
  /** Newest last. */
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
  objects: {},
  nodes: [],
  pods: [],
  events: [],
  podColumns: {},
  podsByNode: {},
});

// Natural order (worker-2 before worker-10): kubectl sorts byte-wise, but a picture of the
// cluster reads better in the order the machines were numbered.
const collator = new Intl.Collator('en', { numeric: true });
const byName = (a: KubeObject, b: KubeObject) =>
  collator.compare(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || collator.compare(a.metadata.name, b.metadata.name);

const podNode = (pod: KubeObject) => ((pod.spec as { nodeName?: string } | undefined)?.nodeName) ?? UNSCHEDULED;

function sameArray(a: readonly string[] | undefined, b: readonly string[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Apply a delta's object changes. Only the lists of resources that changed are rebuilt. */
export function applyObjects<S extends ClusterSlice>(prev: S, delta: Pick<DeltaMessage, 'upserts' | 'deletes' | 'reset'>): S {
  if (!delta.reset && delta.upserts.length === 0 && delta.deletes.length === 0) return prev;
  const objects: Record<string, KubeObject> = delta.reset ? {} : { ...prev.objects };
  const podColumns: Record<string, PodColumns> = delta.reset ? {} : { ...prev.podColumns };
  const touched = new Set<string>();
  for (const d of delta.deletes) {
    delete objects[d.key];
    delete podColumns[d.key];
    touched.add(d.resource);
  }
  for (const u of delta.upserts) {
    objects[u.key] = u.object;
    if (u.columns) podColumns[u.key] = u.columns;
    touched.add(u.resource);
  }
  const next: S = { ...prev, objects, podColumns };
  const all = delta.reset;
  const list = (resource: string) => {
    const prefix = `${resource}/`;
    const out: KubeObject[] = [];
    for (const key in objects) if (key.startsWith(prefix)) out.push(objects[key]);
    return out;
  };
  if (all || touched.has('nodes')) next.nodes = list('nodes').sort(byName);
  if (all || touched.has('pods')) {
    next.pods = list('pods').sort(byName);
    const groups: Record<string, string[]> = {};
    for (const pod of next.pods) {
      const node = podNode(pod);
      (groups[node] ??= []).push(`pods/${pod.metadata.namespace ?? ''}/${pod.metadata.name}`);
    }
    // Keep the previous array when a node's pods did not change, so its card does not re-render.
    const podsByNode: Record<string, string[]> = {};
    for (const node in groups) podsByNode[node] = sameArray(prev.podsByNode[node], groups[node]) ? prev.podsByNode[node] : groups[node];
    next.podsByNode = podsByNode;
  }
  if (all || touched.has('events')) {
    const events = list('events').sort(compareEvents);
    next.events = events.length > MAX_EVENTS ? events.slice(-MAX_EVENTS) : events;
  }
  return next;
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
