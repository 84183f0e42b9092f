import { describe, expect, it } from 'vitest';
import { FakeCluster } from '../node/fakeContext.test-helper.ts';
import { backoffDuration } from './queue.ts';
import { numFeasibleNodesToFind } from './scheduleOne.ts';
import { startScheduler } from './scheduler.ts';

function cluster(workers = 3, cpu = '2') {
  const c = new FakeCluster();
  c.addNode('control-plane', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] });
  for (let i = 1; i <= workers; i++) c.addNode(`worker-${i}`, { cpu });
  const sched = startScheduler(c.ctx('scheduler'));
  return { c, sched };
}
const podWith = (name: string, cpu?: string, extra: Record<string, unknown> = {}) => ({
  metadata: { name },
  spec: { containers: [{ name: 'web', image: 'nginx:1.25', resources: cpu ? { requests: { cpu } } : {} }], ...extra },
});

describe('numFeasibleNodesToFind', () => {
  it.each([
    [4, 4], [99, 99], [100, 100], [1000, 420], [5000, 500], [6000, 300], [20000, 1000],
  ])('%d nodes → %d', (n, want) => expect(numFeasibleNodesToFind(n)).toBe(want));
});

describe('backoff', () => {
  it('is 1s doubling to 10s', () => {
    expect([1, 2, 3, 4, 5, 9].map(backoffDuration)).toEqual([1000, 2000, 4000, 8000, 10000, 10000]);
  });
});

describe('scheduler', () => {
  it('binds a pod to a worker with a Scheduled event and records why', () => {
    const { c, sched } = cluster();
    c.createPod(podWith('web'));
    c.runFor(100);
    const node = (c.pod('web')!.spec as { nodeName: string }).nodeName;
    expect(node).toMatch(/^worker-[123]$/);
    expect(c.events).toEqual([
      { object: 'Pod/web', type: 'Normal', reason: 'Scheduled', message: `Successfully assigned default/web to ${node}`, component: 'default-scheduler', at: 1, fieldPath: undefined },
    ]);
    const bind = c.requests.find((r) => r.path === '/api/v1/namespaces/default/pods/web/binding')!;
    expect(bind.body).toMatchObject({ kind: 'Binding', target: { kind: 'Node', name: node } });
    const why = sched.explain('default/web')!;
    expect(why.selected).toBe(node);
    expect(why.filtered).toEqual([{ node: 'control-plane', plugin: 'TaintToleration', reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'] }]);
    // Upstream MultiPoint order and weights; PreScore skips what has nothing to score for this pod.
    expect(why.plugins).toEqual([
      { name: 'TaintToleration', weight: 3 },
      { name: 'NodeAffinity', weight: 2, skipped: true },
      { name: 'NodeResourcesFit', weight: 1 },
      { name: 'PodTopologySpread', weight: 2, skipped: true },
      { name: 'InterPodAffinity', weight: 2, skipped: true },
      { name: 'NodeResourcesBalancedAllocation', weight: 1, skipped: true },
      { name: 'ImageLocality', weight: 1 },
    ]);
    expect(why.reasons).toEqual({ 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }': 1 });
    expect(why.full).toBe(true);
    // Empty workers: TaintToleration 0 → 100 (×3 = 300), LeastAllocated 95, no image anywhere
    // (ImageLocality clamps to 23 MiB → 0): total 395, a three-way tie.
    expect(why.scored.map((s) => s.total)).toEqual([395, 395, 395]);
    expect(why.scored[0]!.scores).toEqual([0, 100, 300, 0, 0, 0, 95, 95, 95, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(why.tiedForTop).toBe(3);
    const watch = c.spans.find((s) => s.from === 'apiserver' && s.to === 'scheduler')!;
    const bindSpan = c.spans.find((s) => s.verb.endsWith('/binding'))!;
    expect(bindSpan.causeId).toBe(watch.id);
    expect((bindSpan.payload as { explanation: unknown }).explanation).toBe(why);
  });

  it('ignores pods for other schedulers (Pending, no event)', () => {
    const { c } = cluster();
    c.createPod(podWith('other', undefined, { schedulerName: 'my-scheduler' }));
    c.runFor(1000);
    expect((c.pod('other')!.spec as { nodeName?: string }).nodeName).toBeUndefined();
    expect(c.events).toEqual([]);
  });

  it('never overcommits a node with pods arriving in the same instant', () => {
    const { c } = cluster(3, '2');
    for (let i = 0; i < 8; i++) c.createPod(podWith(`p${i}`, '700m'));
    c.runFor(100);
    const perNode = new Map<string, number>();
    for (let i = 0; i < 8; i++) {
      const n = (c.pod(`p${i}`)!.spec as { nodeName?: string }).nodeName;
      if (n) perNode.set(n, (perNode.get(n) ?? 0) + 1);
    }
    // 2 CPU fits two 700m pods per worker: 6 placed, 2 fail.
    expect([...perNode.values()].sort()).toEqual([2, 2, 2]);
    const failed = c.events.filter((e) => e.reason === 'FailedScheduling');
    expect(failed).toHaveLength(2);
    expect(failed[0]!.message).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. ' +
        'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    );
    const unsched = (c.pod('p6')!.status as { conditions: unknown[] }).conditions;
    expect(unsched).toEqual([
      { type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:00Z', reason: 'Unschedulable', message: failed[0]!.message },
    ]);
  });

  it('retries an unschedulable pod when a node is added, after its back-off', () => {
    const { c } = cluster(1, '1');
    c.createPod(podWith('big', '1500m'));
    c.runFor(100);
    expect(c.events.map((e) => e.reason)).toEqual(['FailedScheduling']);
    c.addNode('worker-9', { cpu: '4' });
    c.runFor(100);
    expect((c.pod('big')!.spec as { nodeName?: string }).nodeName).toBeUndefined(); // still backing off (1s)
    c.runFor(1000);
    expect((c.pod('big')!.spec as { nodeName?: string }).nodeName).toBe('worker-9');
    expect(c.events.at(-1)!.message).toBe('Successfully assigned default/big to worker-9');
  });

  it('retries an unschedulable pod after 5 minutes without any event', () => {
    const { c } = cluster(1, '1');
    c.createPod(podWith('big', '1500m'));
    c.runFor(1000);
    c.runFor(5 * 60_000);
    expect(c.events.filter((e) => e.reason === 'FailedScheduling')).toHaveLength(2);
  });

  it('frees capacity when an assigned pod is deleted', () => {
    const { c } = cluster(1, '1');
    c.createPod(podWith('a', '800m'));
    c.runFor(100);
    c.createPod(podWith('b', '800m'));
    c.runFor(100);
    expect((c.pod('b')!.spec as { nodeName?: string }).nodeName).toBeUndefined();
    c.handle('DELETE', '/api/v1/namespaces/default/pods/a', undefined, { gracePeriodSeconds: '0' });
    c.runFor(2000);
    expect((c.pod('b')!.spec as { nodeName?: string }).nodeName).toBe('worker-1');
  });

  it('leaves gated pods alone until their schedulingGates are removed', () => {
    const { c } = cluster();
    c.createPod(podWith('gated', undefined, { schedulingGates: [{ name: 'example.com/wait' }] }));
    c.runFor(1000);
    expect(c.events).toEqual([]);
    const p = structuredClone(c.pod('gated')!) as { spec: Record<string, unknown> } & Parameters<typeof c.put>[1];
    delete p.spec.schedulingGates;
    c.put('pods:default/gated', p);
    c.runFor(100);
    expect(c.events.map((e) => e.reason)).toEqual(['Scheduled']);
  });

  it('says "no nodes available" without nodes', () => {
    const c = new FakeCluster();
    startScheduler(c.ctx('scheduler'));
    c.createPod(podWith('x'));
    c.runFor(100);
    expect(c.events[0]!.message).toBe('no nodes available to schedule pods');
  });
});
