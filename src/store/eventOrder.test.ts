import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../protocol/types.ts';
import { compareEvents } from './eventOrder.ts';
import { applyObjects, emptyCluster } from './reducers.ts';

/** A v1 Event as the recorder writes it (second-resolution timestamps). */
function event(name: string, reason: string, rv: number, last: string, first = last): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: 'default', resourceVersion: String(rv), creationTimestamp: first },
    involvedObject: { kind: 'Pod', name: 'web', namespace: 'default' },
    reason,
    message: reason,
    type: 'Normal',
    count: 1,
    firstTimestamp: first,
    lastTimestamp: last,
  } as unknown as KubeObject;
}

const T = '2026-01-01T00:00:05Z';

describe('events order', () => {
  it('keeps events of the same second in the order the API server stored them', () => {
    // Names sort Started < Pulled < Created alphabetically by hash; the store must not.
    const pulled = event('web.a3', 'Pulled', 31, T);
    const created = event('web.c1', 'Created', 32, T);
    const started = event('web.0f', 'Started', 33, T);
    const s = applyObjects(emptyCluster(), {
      reset: false,
      deletes: [],
      upserts: [started, pulled, created].map((o) => ({ key: `events/default/${o.metadata.name}`, resource: 'events', object: o })),
    } as never);
    expect(s.events.map((e) => (e as { reason?: string }).reason)).toEqual(['Pulled', 'Created', 'Started']);
  });

  it('orders by lastTimestamp first, then firstTimestamp, then resourceVersion numerically', () => {
    const late = event('a', 'BackOff', 9, '2026-01-01T00:00:09Z', '2026-01-01T00:00:02Z');
    const earlyFirst = event('b', 'Scheduled', 100, '2026-01-01T00:00:07Z', '2026-01-01T00:00:01Z');
    const laterFirst = event('c', 'Pulling', 20, '2026-01-01T00:00:07Z', '2026-01-01T00:00:03Z');
    const rv10 = event('d', 'Created', 10, '2026-01-01T00:00:08Z');
    const rv9 = event('e', 'Pulled', 9, '2026-01-01T00:00:08Z');
    const sorted = [late, laterFirst, rv10, earlyFirst, rv9].sort(compareEvents);
    // resourceVersion compares as a number: "9" before "10".
    expect(sorted.map((e) => e.metadata.name)).toEqual(['b', 'c', 'e', 'd', 'a']);
  });

  it('falls back to creation order when there is no resourceVersion', () => {
    const a = event('z', 'First', 0, T);
    const b = event('a', 'Second', 0, T);
    delete (a.metadata as { resourceVersion?: string }).resourceVersion;
    delete (b.metadata as { resourceVersion?: string }).resourceVersion;
    a.metadata.creationTimestamp = '2026-01-01T00:00:04Z';
    expect([b, a].sort(compareEvents).map((e) => e.metadata.name)).toEqual(['z', 'a']);
  });
});
