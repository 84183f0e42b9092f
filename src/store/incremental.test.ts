import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeltaMessage, PodColumns } from '../protocol/messages.ts';
import type { KubeObject } from '../protocol/types.ts';
import { compareEvents } from './eventOrder.ts';
import { applyObjects, applyObjectsBatch, emptyCluster, MAX_EVENTS, type ClusterSlice } from './reducers.ts';

// Incremental event order and batched application against a full recomputation, for random
// sequences of creates, updates and deletes (events with clashing seconds, pods moving nodes).
const T0 = Date.parse('2026-01-01T00:00:00Z');
let rv = 1;
const event = (n: number, sec: number): KubeObject =>
  ({
    apiVersion: 'v1', kind: 'Event', lastTimestamp: new Date(T0 + sec * 1000).toISOString(),
    metadata: { name: `e${n}`, namespace: 'default', resourceVersion: String(rv++), creationTimestamp: new Date(T0).toISOString() },
  }) as KubeObject;
const pod = (n: number, node: number): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name: `web-${n}`, namespace: 'default' }, spec: node ? { nodeName: `worker-${node}` } : {},
});
const cols = (n: number): PodColumns => ({ ready: `${n}/1` }) as unknown as PodColumns;

const op = fc.oneof(
  fc.record({ kind: fc.constant('event' as const), n: fc.nat(40), sec: fc.nat(6), del: fc.boolean() }),
  fc.record({ kind: fc.constant('pod' as const), n: fc.nat(15), sec: fc.nat(3), del: fc.boolean() }),
);
const deltaOf = (ops: { kind: 'event' | 'pod'; n: number; sec: number; del: boolean }[]): DeltaMessage => {
  const upserts = new Map<string, DeltaMessage['upserts'][number]>();
  const deletes = new Map<string, DeltaMessage['deletes'][number]>();
  for (const o of ops) {
    const resource = o.kind === 'event' ? 'events' : 'pods';
    const key = `${resource}/default/${o.kind === 'event' ? `e${o.n}` : `web-${o.n}`}`;
    upserts.delete(key);
    deletes.delete(key);
    if (o.del) deletes.set(key, { resource, key });
    else upserts.set(key, { resource, key, object: o.kind === 'event' ? event(o.n, o.sec) : pod(o.n, o.sec), columns: o.kind === 'pod' ? cols(o.sec) : undefined });
  }
  return { type: 'delta', now: 0, epochMs: 0, playing: true, speed: 1, busy: false, upserts: [...upserts.values()], deletes: [...deletes.values()], released: [] };
};
const deltas = fc.array(fc.array(op, { maxLength: 12 }).map(deltaOf), { maxLength: 25 });

/** What the lists must be, computed from scratch. */
function expected(s: ClusterSlice) {
  const events = Object.values(s.byResource.events ?? {}).sort(compareEvents);
  const podsByNode: Record<string, string[]> = {};
  for (const p of s.pods) (podsByNode[(p.spec as { nodeName?: string }).nodeName ?? ''] ??= []).push(`pods/default/${p.metadata.name}`);
  return { events: events.slice(-MAX_EVENTS), podsByNode, pods: Object.keys(s.byResource.pods ?? {}).length };
}

describe('incremental store structures', () => {
  it('event order and pods by node equal a full recomputation after any delta sequence', () => {
    fc.assert(fc.property(deltas, (ds) => {
      let s = emptyCluster();
      for (const d of ds) {
        s = applyObjects(s, d);
        const want = expected(s);
        expect(s.events).toEqual(want.events);
        expect(s.podsByNode).toEqual(want.podsByNode);
        expect(s.pods.length).toBe(want.pods);
      }
    }), { numRuns: 300 });
  });

  it('keeps the newest MAX_EVENTS when deletions let older events back into the window', () => {
    const all = Array.from({ length: MAX_EVENTS + 20 }, (_, i) => event(i, i));
    const up = (e: KubeObject) => ({ resource: 'events', key: `events/default/${e.metadata.name}`, object: e });
    let s = applyObjects(emptyCluster(), { reset: true, upserts: all.map(up), deletes: [] });
    expect(s.events[0]!.metadata.name).toBe('e20');
    s = applyObjects(s, { upserts: [], deletes: all.slice(-30).map((e) => ({ resource: 'events', key: `events/default/${e.metadata.name}` })) });
    expect(s.events.map((e) => e.metadata.name)).toEqual(all.slice(0, -30).map((e) => e.metadata.name));
  });

  it('applying a batch at once gives the same state as applying its deltas one by one', () => {
    fc.assert(fc.property(deltas, fc.nat(25), (ds, cut) => {
      const one = ds.reduce<ClusterSlice>((s, d) => applyObjects(s, d), emptyCluster());
      const head = ds.slice(0, cut).reduce<ClusterSlice>((s, d) => applyObjects(s, d), emptyCluster());
      const batched = applyObjectsBatch(head, ds.slice(cut));
      expect(batched.byResource).toEqual(one.byResource);
      expect(batched.events).toEqual(one.events);
      expect(batched.pods).toEqual(one.pods);
      expect(batched.podsByNode).toEqual(one.podsByNode);
      expect(batched.podColumns).toEqual(one.podColumns);
    }), { numRuns: 300 });
  });
});
