import { describe, expect, it } from 'vitest';
import type { DeltaMessage } from '../protocol/messages.ts';
import type { KubeObject, Span } from '../protocol/types.ts';
import { applyObjects, applyTrace, objectAt, emptyCluster, expireSpans, MAX_SPANS, MAX_TRAFFIC_SPANS, type TraceSlice } from './reducers.ts';

const pod = (name: string, node?: string): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: node ? { nodeName: node } : {},
});
const node = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Node', metadata: { name } });
const event = (name: string, last: string, type = 'Normal'): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: 'default' }, lastTimestamp: last, type }) as KubeObject;
const up = (resource: string, obj: KubeObject) => ({ key: `${resource}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`, resource, object: obj });
const span = (id: number): Span => ({ id, at: id, duration: 0, from: 'kubectl', to: 'apiserver', verb: 'POST', kind: 'apiCreate', args: {}, summary: `s${id}` });

const delta = (d: Partial<DeltaMessage>): DeltaMessage => ({
  type: 'delta', now: 0, epochMs: 0, playing: true, speed: 1, busy: false, upserts: [], deletes: [], released: [], ...d,
});

describe('applyObjects', () => {
  it('builds sorted lists and pods by node', () => {
    const s = applyObjects(emptyCluster(), delta({ reset: true, upserts: [up('nodes', node('worker-2')), up('nodes', node('worker-1')), up('pods', pod('b', 'worker-1')), up('pods', pod('a', 'worker-1')), up('pods', pod('c'))] }));
    expect(s.nodes.map((n) => n.metadata.name)).toEqual(['worker-1', 'worker-2']);
    expect(s.pods.map((p) => p.metadata.name)).toEqual(['a', 'b', 'c']);
    expect(s.podsByNode).toEqual({ 'worker-1': ['pods/default/a', 'pods/default/b'], '': ['pods/default/c'] });
  });

  it('keeps identity of untouched objects and unchanged node pod lists', () => {
    const s1 = applyObjects(emptyCluster(), delta({ reset: true, upserts: [up('pods', pod('a', 'worker-1')), up('pods', pod('b', 'worker-2')), up('nodes', node('worker-1'))] }));
    const s2 = applyObjects(s1, delta({ upserts: [up('pods', pod('b', 'worker-2'))] }));
    expect(objectAt(s2, 'pods/default/a')).toBe(objectAt(s1, 'pods/default/a'));
    expect(s2.podsByNode['worker-1']).toBe(s1.podsByNode['worker-1']);
    expect(s2.nodes).toBe(s1.nodes); // no node changed: the list is not rebuilt
    const s3 = applyObjects(s2, delta({ upserts: [up('pods', pod('c'))] }));
    expect(s3.podsByNode['worker-2']).toBe(s2.podsByNode['worker-2']);
    expect(applyObjects(s3, delta({}))).toBe(s3);
  });

  it('moves a pod from the unscheduled lane to its node when bound, and deletes', () => {
    const s1 = applyObjects(emptyCluster(), delta({ reset: true, upserts: [up('pods', pod('a'))] }));
    const s2 = applyObjects(s1, delta({ upserts: [up('pods', pod('a', 'worker-3'))] }));
    expect(s2.podsByNode).toEqual({ 'worker-3': ['pods/default/a'] });
    const s3 = applyObjects(s2, delta({ deletes: [{ key: 'pods/default/a', resource: 'pods' }] }));
    expect(s3.pods).toEqual([]);
    expect(s3.podsByNode).toEqual({});
  });

  it('sorts events by last seen, newest last', () => {
    const s = applyObjects(emptyCluster(), delta({ upserts: [
      up('events', event('x', '2026-01-01T00:00:09Z')),
      up('events', event('y', '2026-01-01T00:00:01Z', 'Warning')),
    ] }));
    expect(s.events.map((e) => e.metadata.name)).toEqual(['y', 'x']);
  });
});

describe('applyTrace', () => {
  const empty: TraceSlice = { spans: [], activeSpans: [], hopMs: 700, busy: false, playback: { playing: true, speed: 1, now: 0, epochMs: 0 } };

  it('appends released spans, sets narration and hopMs', () => {
    const s = applyTrace(empty, delta({ released: [span(1), span(2)], speed: 2, now: 500 }));
    expect(s.spans.map((x) => x.id)).toEqual([1, 2]);
    expect(s.activeSpans.map((x) => x.id)).toEqual([1, 2]);
    expect(s.narration?.id).toBe(2);
    expect(s.hopMs).toBe(350);
    expect(s.playback).toEqual({ playing: true, speed: 2, now: 500, epochMs: 0 });
  });

  it('traffic neither pushes the story out of the history nor narrates it away', () => {
    const req = (id: number): Span => ({ ...span(id), from: 'service', to: 'runtime', kind: 'proxyForward' });
    let s = applyTrace(empty, delta({ released: [span(1)], now: 1 }));
    s = applyTrace(s, delta({ released: Array.from({ length: 100 }, (_, i) => req(i + 2)), now: 1000 }));
    expect(s.narration?.id).toBe(1); // the story span stays on the line for a while
    expect(s.spans[0]!.id).toBe(1);
    expect(s.spans.filter((x) => x.kind === 'proxyForward')).toHaveLength(MAX_TRAFFIC_SPANS);
    s = applyTrace(s, delta({ released: [req(102)], now: 5000 }));
    expect(s.narration?.id).toBe(102); // later, traffic may take the line
    s = applyTrace(s, delta({ released: [span(103), req(104)], now: 5001 }));
    expect(s.narration?.id).toBe(103); // a story span always wins
  });

  it('caps spans at MAX_SPANS, keeping the newest', () => {
    const many = Array.from({ length: MAX_SPANS + 50 }, (_, i) => span(i + 1));
    const s = applyTrace(empty, delta({ released: many }));
    expect(s.spans).toHaveLength(MAX_SPANS);
    expect(s.spans[0].id).toBe(51);
    expect(s.activeSpans.length).toBeLessThanOrEqual(40);
  });

  it('keeps the playback object when nothing in it changed', () => {
    const s1 = applyTrace(empty, delta({ now: 100 }));
    const s2 = applyTrace(s1, delta({ now: 100 }));
    expect(s2.playback).toBe(s1.playback);
  });

  it('expireSpans removes finished animations and keeps identity otherwise', () => {
    const active = [span(1), span(2)];
    expect(expireSpans(active, new Set([1])).map((s) => s.id)).toEqual([2]);
    expect(expireSpans(active, new Set([9]))).toBe(active);
  });
});

describe('applyObjects (incremental) equals a full rebuild', () => {
  // A small deterministic PRNG so the sequence is the same on every run.
  let seed = 12345;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const nodes = ['worker-1', 'worker-2', 'worker-10', undefined];

  it('after 300 random deltas of pods, nodes and events (moves, deletes, re-adds, event updates)', () => {
    let s = applyObjects(emptyCluster(), delta({ reset: true, upserts: [] }));
    const live = new Map<string, { resource: string; object: KubeObject }>();
    for (let step = 0; step < 300; step++) {
      const upserts: ReturnType<typeof up>[] = [];
      const deletes: { key: string; resource: string }[] = [];
      for (let k = rnd(6); k >= 0; k--) {
        const r = rnd(10);
        if (r < 5) {
          const p = pod(`p-${rnd(40)}`, nodes[rnd(nodes.length)]);
          upserts.push(up('pods', p));
        } else if (r < 8) {
          upserts.push(up('events', event(`e-${rnd(700)}`, new Date(Date.UTC(2026, 0, 1, 0, 0, rnd(50))).toISOString(), rnd(3) ? 'Normal' : 'Warning')));
        } else if (r < 9) {
          upserts.push(up('nodes', node(`worker-${rnd(12)}`)));
        } else {
          const keys = [...live.keys()];
          if (keys.length) {
            const key = keys[rnd(keys.length)]!;
            deletes.push({ key, resource: live.get(key)!.resource });
          }
        }
      }
      for (const d of deletes) live.delete(d.key);
      for (const u of upserts) live.set(u.key, u);
      s = applyObjects(s, delta({ upserts, deletes }));
      const full = applyObjects(emptyCluster(), delta({ reset: true, upserts: [...live].map(([key, v]) => ({ key, ...v })) }));
      expect(s.pods).toEqual(full.pods);
      expect(s.nodes).toEqual(full.nodes);
      expect(s.podsByNode).toEqual(full.podsByNode);
      expect(s.events.map((e) => e.metadata.name)).toEqual(full.events.map((e) => e.metadata.name));
      expect(s.byResource.pods ?? {}).toEqual(full.byResource.pods ?? {});
    }
  });
});
