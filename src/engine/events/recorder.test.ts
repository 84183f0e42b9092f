import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster.ts';
import { eventName } from './recorder.ts';

describe('EventRecorder', () => {
  it('names events <object>.<hex UnixNano> and de-duplicates repeats by count', () => {
    const c = new TestCluster({ workers: 1 });
    const node = c.nodes()[1];
    const rec = c.cluster.context('controller-manager').recorder({ component: 'node-controller' });
    const before = c.spans.length;
    rec.event(node, 'Normal', 'RegisteredNode', 'Node worker-1 event: Registered Node worker-1 in Controller');
    c.runFor('2s');
    rec.event(node, 'Normal', 'RegisteredNode', 'Node worker-1 event: Registered Node worker-1 in Controller');
    expect(c.spans.length).toBe(before); // event writes are quiet
    const events = c.events('worker-1').filter((e: any) => e.reason === 'RegisteredNode') as any[];
    expect(events).toHaveLength(1);
    const ev = events[0];
    expect(ev.metadata.namespace).toBe('default');
    expect(ev.metadata.name).toMatch(/^worker-1\.[0-9a-f]+$/);
    expect(ev).toMatchObject({
      count: 2,
      type: 'Normal',
      firstTimestamp: '2026-01-01T00:00:00Z',
      lastTimestamp: '2026-01-01T00:00:02Z',
      source: { component: 'node-controller' },
      reportingComponent: 'node-controller',
      involvedObject: { kind: 'Node', name: 'worker-1', apiVersion: 'v1', uid: node.metadata.uid },
    });
    expect(eventName('web', 1767225600000000000n)).toBe('web.18867251edfa0000');
  });

  it('aggregates the 10th different message for one object and reason into a combined event (EventAggregator)', () => {
    const c = new TestCluster({ workers: 1 });
    const node = c.nodes()[1];
    const rec = c.cluster.context('controller-manager').recorder({ component: 'deployment-controller' });
    for (let i = 1; i <= 11; i++) {
      rec.event(node, 'Normal', 'ScalingReplicaSet', `Scaled up replica set web-${i} from 0 to 1`);
      c.runFor('1s');
    }
    // A repeat of an early message after aggregation started still goes to the combined event.
    rec.event(node, 'Normal', 'Other', 'a different reason is a different aggregate');
    const events = c.events('worker-1').filter((e: any) => e.reason === 'ScalingReplicaSet') as any[];
    expect(events.map((e) => e.message)).toEqual([
      ...Array.from({ length: 9 }, (_, i) => `Scaled up replica set web-${i + 1} from 0 to 1`),
      '(combined from similar events): Scaled up replica set web-11 from 0 to 1',
    ]);
    expect(events[9]).toMatchObject({ count: 2, firstTimestamp: '2026-01-01T00:00:09Z', lastTimestamp: '2026-01-01T00:00:10Z' });
    expect(c.events('worker-1').filter((e: any) => e.reason === 'Other')).toHaveLength(1);
  });

  it('starts a fresh aggregate after 10 minutes without similar events', () => {
    const c = new TestCluster({ workers: 1 });
    const node = c.nodes()[1];
    const rec = c.cluster.context('controller-manager').recorder({ component: 'deployment-controller' });
    for (let i = 1; i <= 9; i++) rec.event(node, 'Normal', 'ScalingReplicaSet', `m${i}`);
    c.runFor('601s');
    rec.event(node, 'Normal', 'ScalingReplicaSet', 'm10');
    const msgs = (c.events('worker-1') as any[]).filter((e) => e.reason === 'ScalingReplicaSet').map((e) => e.message);
    expect(msgs).toContain('m10');
    expect(msgs.some((m: string) => m.startsWith('(combined'))).toBe(false);
  });
});
