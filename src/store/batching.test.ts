import { describe, expect, it } from 'vitest';
import type { DeltaMessage, Upsert } from '../protocol/messages.ts';
import type { KubeObject, Span } from '../protocol/types.ts';
import { takeChanges } from './batching.ts';
import { applyObjects, applyTrace, emptyCluster, type ClusterSlice, type TraceSlice } from './reducers.ts';

const pod = (i: number): Upsert => {
  const object: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: `p-${i}`, namespace: 'default' }, spec: {} };
  return { key: `pods/default/p-${i}`, resource: 'pods', object };
};
const span = (id: number): Span => ({ id, at: id, duration: 0, from: 'kubectl', to: 'apiserver', verb: 'POST', kind: 'apiCreate', args: {}, summary: `s${id}` });
const delta = (d: Partial<DeltaMessage>): DeltaMessage => ({
  type: 'delta', now: 0, epochMs: 0, playing: true, speed: 1, busy: false, upserts: [], deletes: [], released: [], ...d,
});

describe('takeChanges', () => {
  it('takes whole deltas while they fit the budget', () => {
    const q = [delta({ upserts: [pod(1)] }), delta({ upserts: [pod(2), pod(3)] }), delta({ upserts: [pod(4)] })];
    const { batch, rest } = takeChanges(q, 3);
    expect(batch).toEqual(q.slice(0, 2));
    expect(rest).toEqual(q.slice(2));
  });

  it('splits a big delta; its spans and clock come with the last part', () => {
    const big = delta({ upserts: Array.from({ length: 10 }, (_, i) => pod(i)), deletes: [{ key: 'pods/default/old', resource: 'pods' }], released: [span(1)], now: 500 });
    const first = takeChanges([big], 4);
    expect(first.batch[0]!.deletes).toHaveLength(1);
    expect(first.batch[0]!.upserts.map((u) => u.key)).toEqual(['pods/default/p-0', 'pods/default/p-1', 'pods/default/p-2']);
    expect(first.batch[0]!.released).toEqual([]);
    const second = takeChanges(first.rest, 100);
    expect(second.rest).toEqual([]);
    expect(second.batch[0]!.upserts).toHaveLength(7);
    expect(second.batch[0]!.released).toEqual([span(1)]);
  });

  it('applied batch by batch, gives the state of applying every delta at once', () => {
    const q = [
      delta({ upserts: Array.from({ length: 25 }, (_, i) => pod(i)), released: [span(1)] }),
      delta({ deletes: [{ key: 'pods/default/p-3', resource: 'pods' }], upserts: [pod(30)], released: [span(2)], now: 9 }),
    ];
    type S = ClusterSlice & TraceSlice;
    const start: S = { ...emptyCluster(), spans: [], activeSpans: [], hopMs: 700, busy: false, playback: { playing: true, speed: 1, now: 0, epochMs: 0 } };
    const all = q.reduce<S>((s, d) => applyTrace(applyObjects(s, d), d), start);
    let s = start;
    let rest = q;
    while (rest.length) {
      const taken = takeChanges(rest, 7);
      for (const d of taken.batch) s = applyTrace(applyObjects(s, d), d);
      rest = taken.rest;
    }
    expect(s.pods).toEqual(all.pods);
    expect(s.spans).toEqual(all.spans);
    expect(s.playback).toEqual(all.playback);
  });
});
