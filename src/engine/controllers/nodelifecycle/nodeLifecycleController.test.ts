import { describe, expect, it } from 'vitest';
import { TestCluster } from '../../testing/testCluster.ts';
import { restoreCluster } from '../../cluster.ts';
import type { KubeObject } from '../../types.ts';
import { computeZoneState, TaintQueue, zoneQPS } from './health.ts';
import { noScheduleTaintDiff } from './taints.ts';

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: nginx, image: nginx:1.27}]}
`;

type Node = KubeObject & {
  spec?: { unschedulable?: boolean; taints?: { key: string; effect: string; timeAdded?: string }[] };
  status?: { conditions?: { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string }[] };
};
type Pod = KubeObject & {
  spec?: { nodeName?: string };
  status?: { phase?: string; conditions?: { type: string; status: string; reason?: string; message?: string }[] };
};
type Ev = { reason: string; message: string; type: string; source: { component: string }; involvedObject: { kind: string; name: string } };

const node = (c: TestCluster, name: string) => c.get(`/api/v1/nodes/${name}`).body as Node;
const ready = (n: Node) => n.status?.conditions?.find((x) => x.type === 'Ready');
const pods = (c: TestCluster) => c.pods('app=web') as Pod[];
const events = (c: TestCluster) => (c.get('/api/v1/namespaces/default/events').body as { items: Ev[] }).items;

/** Steps the clock 1 s at a time until `cond` holds; returns the virtual ms it first held. */
function until(c: TestCluster, cond: () => boolean, maxS = 1000): number {
  for (let i = 0; i < maxS; i++) {
    if (cond()) return c.cluster.now();
    c.runFor(1000);
  }
  throw new Error('condition never held');
}

describe('node failure timeline (virtual time)', () => {
  it('fail → Unknown after the grace period → taints → evictions at +300 s → replacements elsewhere → recover', () => {
    const c = new TestCluster();
    c.apply(WEB);
    c.runFor('20s');
    const victim = pods(c).find((p) => p.spec?.nodeName === 'worker-1')!;
    expect(victim).toBeDefined();
    const t = c.cluster.now();
    expect(c.cluster.sim.nodeFail('worker-1')).toEqual({ ok: true, message: 'node/worker-1 failed' });

    // node-monitor-grace-period 50 s, measured from the last heartbeat the controller saw
    // (Lease renewed every 10 s, monitor pass every 5 s).
    const unknownAt = until(c, () => ready(node(c, 'worker-1'))?.status === 'Unknown');
    expect(unknownAt - t).toBeGreaterThanOrEqual(40_000);
    expect(unknownAt - t).toBeLessThanOrEqual(65_000);
    const n = node(c, 'worker-1');
    for (const type of ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure']) {
      expect(n.status?.conditions?.find((x) => x.type === type)).toMatchObject({
        status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.',
      });
    }
    const ev = events(c);
    expect(ev).toContainEqual(expect.objectContaining({
      reason: 'NodeNotReady', type: 'Normal', message: 'Node worker-1 status is now: NodeNotReady',
      source: expect.objectContaining({ component: 'node-controller' }), involvedObject: expect.objectContaining({ kind: 'Node', name: 'worker-1' }),
    }));
    expect(ev).toContainEqual(expect.objectContaining({
      reason: 'NodeNotReady', type: 'Warning', message: 'Node is not ready', involvedObject: expect.objectContaining({ kind: 'Pod', name: victim.metadata.name }),
    }));
    const v1 = c.get(`/api/v1/namespaces/default/pods/${victim.metadata.name}`).body as Pod;
    expect(v1.status?.conditions?.find((x) => x.type === 'Ready')?.status).toBe('False');

    // NoSchedule at once (doNoScheduleTaintingPass), NoExecute at the next monitor pass.
    c.runFor('6s');
    const taints = node(c, 'worker-1').spec?.taints ?? [];
    expect(taints.map((x) => `${x.key}:${x.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
    expect(taints.every((x) => typeof x.timeAdded === 'string')).toBe(true);
    const taintedAt = Date.parse(taints[1]!.timeAdded!) - c.cluster.epochMs;

    // The DefaultTolerationSeconds toleration (300 s) runs out: deleted, DisruptionTarget, Terminating.
    c.runFor(taintedAt + 299_000 - c.cluster.now());
    expect((c.get(`/api/v1/namespaces/default/pods/${victim.metadata.name}`).body as KubeObject).metadata.deletionTimestamp).toBeUndefined();
    c.runFor('2s');
    const gone = c.get(`/api/v1/namespaces/default/pods/${victim.metadata.name}`).body as Pod;
    expect(gone.metadata.deletionTimestamp).toBeDefined();
    expect(gone.status?.conditions?.find((x) => x.type === 'DisruptionTarget')).toMatchObject({
      status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint',
    });
    expect(events(c)).toContainEqual(expect.objectContaining({
      reason: 'TaintManagerEviction', type: 'Normal', message: `Marking for deletion Pod default/${victim.metadata.name}`,
      source: expect.objectContaining({ component: 'taint-eviction-controller' }),
    }));

    // The ReplicaSet replaces it on a healthy node; the old one stays Terminating (nobody confirms).
    c.runFor('10s');
    const now = pods(c);
    expect(now).toHaveLength(4);
    const running = now.filter((p) => !p.metadata.deletionTimestamp);
    expect(running.every((p) => p.status?.phase === 'Running' && p.spec?.nodeName !== 'worker-1')).toBe(true);
    expect(now.find((p) => p.metadata.name === victim.metadata.name)?.metadata.deletionTimestamp).toBeDefined();

    // Recover: Ready again (kubelet events), taints gone, the old pod finally goes.
    expect(c.cluster.sim.nodeRecover('worker-1').ok).toBe(true);
    c.runFor('10s');
    const back = node(c, 'worker-1');
    expect(ready(back)).toMatchObject({ status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' });
    expect(back.spec?.taints ?? []).toEqual([]);
    expect(pods(c).map((p) => p.metadata.name)).not.toContain(victim.metadata.name);
    expect(pods(c)).toHaveLength(3);
    const kubeletEvents = events(c).filter((e) => e.source.component === 'kubelet' && e.involvedObject.kind === 'Node').map((e) => e.message);
    expect(kubeletEvents).toEqual([
      'Node worker-1 status is now: NodeHasSufficientMemory',
      'Node worker-1 status is now: NodeHasNoDiskPressure',
      'Node worker-1 status is now: NodeHasSufficientPID',
      'Node worker-1 status is now: NodeReady',
    ]);
    const kinds = c.spans.map((s) => s.kind);
    for (const k of ['nodeFail', 'nodeMonitorUnknown', 'nodeMarkPodNotReady', 'nodeTaintAdd', 'taintEvictionScheduled', 'taintEvictionDelete', 'nodeRecover', 'kubeletNodeReady', 'nodeTaintRemove']) {
      expect(kinds).toContain(k);
    }
  });

  it('a recovery before tolerationSeconds cancels the pending evictions (Cancelling deletion event)', () => {
    const c = new TestCluster();
    c.apply(WEB);
    c.runFor('20s');
    const victim = pods(c).find((p) => p.spec?.nodeName === 'worker-2')!;
    c.cluster.sim.nodeFail('worker-2');
    c.runFor('90s');
    expect(node(c, 'worker-2').spec?.taints?.some((x) => x.effect === 'NoExecute')).toBe(true);
    c.cluster.sim.nodeRecover('worker-2');
    c.runFor('10s');
    expect(events(c)).toContainEqual(expect.objectContaining({ reason: 'TaintManagerEviction', message: `Cancelling deletion of Pod default/${victim.metadata.name}` }));
    c.runFor('6m');
    const p = c.get(`/api/v1/namespaces/default/pods/${victim.metadata.name}`).body as Pod;
    expect(p.metadata.deletionTimestamp).toBeUndefined();
    expect(p.status?.conditions?.find((x) => x.type === 'Ready')?.status).toBe('True');
  });

  it('an untolerated NoExecute taint evicts at once', () => {
    const c = new TestCluster();
    c.apply(WEB);
    c.runFor('20s');
    const victim = pods(c).find((p) => p.spec?.nodeName === 'worker-3')!;
    c.cluster.handle({
      verb: 'PATCH', path: '/api/v1/nodes/worker-3', patchType: 'application/merge-patch+json',
      body: { spec: { taints: [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }] } },
    });
    c.runFor('100ms');
    expect((c.get(`/api/v1/namespaces/default/pods/${victim.metadata.name}`).body as KubeObject).metadata.deletionTimestamp).toBeDefined();
  });

  it('cordon adds node.kubernetes.io/unschedulable:NoSchedule, uncordon removes it', () => {
    const c = new TestCluster();
    const patch = (unschedulable: boolean) =>
      c.cluster.handle({ verb: 'PATCH', path: '/api/v1/nodes/worker-1', patchType: 'application/merge-patch+json', body: { spec: { unschedulable } } });
    patch(true);
    c.runFor('100ms');
    expect(node(c, 'worker-1').spec?.taints).toEqual([{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: '2026-01-01T00:00:00Z' }]);
    patch(false);
    c.runFor('100ms');
    expect(node(c, 'worker-1').spec?.taints).toBeUndefined();
  });

  it('heartbeats keep nodes Ready for an hour and never keep runUntilIdle busy', () => {
    const c = new TestCluster();
    c.cluster.runUntilIdle();
    expect(c.cluster.now()).toBe(0);
    c.runFor('1h');
    expect(['control-plane', 'worker-1', 'worker-2', 'worker-3'].map((n) => ready(node(c, n))?.status)).toEqual(['True', 'True', 'True', 'True']);
    expect(c.spans.filter((s) => s.kind.startsWith('node'))).toEqual([]);
    const lease = c.get('/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/worker-1').body as { spec: { renewTime: string } };
    expect(lease.spec.renewTime).toBe('2026-01-01T01:00:00.000000Z');
    const t = c.cluster.now();
    c.cluster.runUntilIdle();
    expect(c.cluster.now() - t).toBeLessThan(10_000);
    expect(c.cluster.nextTimerAt()).toBeDefined();
  });
});

describe('eviction rate limiting (one zone)', () => {
  const noExecuteAt = (c: TestCluster, name: string) => {
    const t = node(c, name).spec?.taints?.find((x) => x.effect === 'NoExecute');
    return t?.timeAdded ? Date.parse(t.timeAdded) - c.cluster.epochMs : undefined;
  };

  it('two silent nodes of four: NoExecute taints 10 s apart (0.1 nodes/s)', () => {
    const c = new TestCluster();
    c.cluster.sim.nodeFail('worker-1');
    c.cluster.sim.nodeFail('worker-2');
    c.runFor('2m');
    const a = noExecuteAt(c, 'worker-1')!;
    const b = noExecuteAt(c, 'worker-2')!;
    expect(Math.abs(b - a)).toBe(10_000);
  });

  it('three silent nodes of four (PartialDisruption, a small zone): no NoExecute taint, so no eviction', () => {
    const c = new TestCluster();
    for (const n of ['worker-1', 'worker-2', 'worker-3']) c.cluster.sim.nodeFail(n);
    c.runFor('3m');
    for (const n of ['worker-1', 'worker-2', 'worker-3']) {
      expect(ready(node(c, n))?.status).toBe('Unknown');
      expect(node(c, n).spec?.taints?.map((x) => `${x.key}:${x.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoSchedule']);
    }
  });
});

describe('node failure and snapshots', () => {
  it('a snapshot taken mid-failure restores to the same story (same evictions, same replacement)', () => {
    const c = new TestCluster();
    c.apply(WEB);
    c.runFor('20s');
    c.cluster.sim.nodeFail('worker-1');
    c.runFor('100s');
    const restored = restoreCluster(JSON.parse(JSON.stringify(c.cluster.snapshot())));
    c.runFor('6m');
    restored.runFor(6 * 60_000);
    const names = (x: { handle: typeof c.cluster.handle }) =>
      JSON.stringify((x.handle({ verb: 'GET', path: '/api/v1/pods' }).body as { items: Pod[] }).items.map((p) => [p.metadata.name, p.spec?.nodeName, p.metadata.deletionTimestamp ?? '']));
    expect(names(restored)).toEqual(names(c.cluster));
    expect(names(c.cluster)).toContain('Z"]'); // one pod Terminating on worker-1
  });
});

describe('node-lifecycle-controller helpers', () => {
  it('doNoScheduleTaintingPass diff', () => {
    const n = {
      apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' },
      spec: { unschedulable: true, taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }, { key: 'gpu', effect: 'NoSchedule' }] },
      status: { conditions: [{ type: 'MemoryPressure', status: 'True' }, { type: 'Ready', status: 'Unknown' }] },
    };
    expect(noScheduleTaintDiff(n)).toEqual({
      add: [
        { key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
      ],
      remove: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }],
    });
  });

  it('ComputeZoneState and the eviction rates', () => {
    expect(computeZoneState(['True', 'True', 'True', 'Unknown']).state).toBe('Normal');
    expect(computeZoneState(['Unknown', 'False']).state).toBe('FullDisruption');
    expect(computeZoneState(['True', 'Unknown', 'Unknown', 'False']).state).toBe('PartialDisruption');
    expect(computeZoneState(['True', 'True', 'Unknown', 'Unknown']).state).toBe('Normal'); // only 2 not ready
    expect(zoneQPS('Normal', 4)).toBe(0.1);
    expect(zoneQPS('PartialDisruption', 10)).toBe(0);
    expect(zoneQPS('PartialDisruption', 51)).toBe(0.01);
    expect(zoneQPS('FullDisruption', 4)).toBe(0.1);
  });

  it('the taint queue lets one node through every 10 s (0.1 qps, burst 1)', () => {
    const q = new TaintQueue(0);
    q.add('a');
    q.add('b');
    expect(q.add('a')).toBe(false);
    const done: string[] = [];
    q.try(0, (n) => (done.push(n), true));
    expect(done).toEqual(['a']);
    expect(q.waitMs(0)).toBe(10_000);
    q.try(9_900, (n) => (done.push(n), true));
    expect(done).toEqual(['a']);
    q.try(10_000, (n) => (done.push(n), true));
    expect(done).toEqual(['a', 'b']);
    q.swapLimiter(0, 10_000);
    q.add('c');
    expect(q.waitMs(10_000)).toBe(Infinity);
  });
});
