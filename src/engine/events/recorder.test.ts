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
});
