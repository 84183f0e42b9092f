import { describe, expect, it } from 'vitest';
import { restoreCluster } from '../../cluster.ts';
import { TestCluster } from '../../testing/testCluster.ts';
import type { KubeObject } from '../../types.ts';

const RS_PATH = '/apis/apps/v1/namespaces/default/replicasets';

function rsYaml(replicas: number, opts: { minReadySeconds?: number; podSpec?: string } = {}): string {
  return `
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web
spec:
  replicas: ${replicas}
${opts.minReadySeconds ? `  minReadySeconds: ${opts.minReadySeconds}\n` : ''}  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
        tier: front
    spec:
${opts.podSpec ?? ''}      containers:
      - name: nginx
        image: nginx:1.27
`;
}

type Pod = KubeObject & { spec: { nodeName?: string }; status: { phase: string } };

function rsObj(c: TestCluster): KubeObject & { spec: { replicas: number }; status: Record<string, unknown> } {
  return c.get(`${RS_PATH}/web`).body as never;
}

function scale(c: TestCluster, replicas: number): void {
  const res = c.cluster.handle({ verb: 'PATCH', path: `${RS_PATH}/web`, body: { spec: { replicas } }, patchType: 'application/merge-patch+json' });
  expect(res.code).toBe(200);
}

function patchPod(c: TestCluster, name: string, body: unknown): void {
  const res = c.cluster.handle({ verb: 'PATCH', path: `/api/v1/namespaces/default/pods/${name}`, body, patchType: 'application/merge-patch+json' });
  expect(res.code).toBe(200);
}

/** Active pods (not being deleted). */
function active(c: TestCluster, sel = 'app=web'): Pod[] {
  return (c.pods(sel) as Pod[]).filter((p) => !p.metadata.deletionTimestamp);
}

function rsEvents(c: TestCluster): string[] {
  return c.events('web').filter((e) => (e as { source?: { component?: string } }).source?.component === 'replicaset-controller').map((e) => `${e.type} ${e.reason} ${e.message}`);
}

describe('ReplicaSet controller', () => {
  it('scales up from 0 to 10: pods from the template, owned, one decision span causing every create', () => {
    const c = new TestCluster();
    const [res] = c.apply(rsYaml(10));
    expect(res.code).toBe(201);
    const rs = res.body as KubeObject;
    c.runFor('1s');
    const pods = active(c);
    expect(pods).toHaveLength(10);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.generateName).toBe('web-');
      expect(p.metadata.labels).toEqual({ app: 'web', tier: 'front' });
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    }
    const decisions = c.spans.filter((s) => s.kind === 'replicaSetSync');
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({
      from: 'controller-manager', to: 'controller-manager', verb: 'syncReplicaSet', object: 'ReplicaSet/default/web',
      args: { rs: 'web', have: 0, want: 10, diff: -10, n: 10 }, summary: 'ReplicaSet web has 0 pods, wants 10: creating 10.',
    });
    const creates = c.spans.filter((s) => s.verb === 'POST /api/v1/namespaces/default/pods');
    expect(creates).toHaveLength(10);
    expect(creates.every((s) => s.causeId === decisions[0].id && s.from === 'controller-manager')).toBe(true);
    // The decision was caused by the watch delivery of the new ReplicaSet.
    const cause = c.spans.find((s) => s.id === decisions[0].causeId);
    expect(cause?.kind).toBe('watchReplicaSetAdded');
    // Nine SuccessfulCreate events, then client-go's EventAggregator combines the tenth different
    // message for the same object and reason, as a real cluster shows after scaling to 10.
    const events = rsEvents(c);
    expect(events).toHaveLength(10);
    const created = events.map((e) => /Created pod: (\S+)$/.exec(e)?.[1]);
    expect(new Set(created)).toEqual(new Set(pods.map((p) => p.metadata.name)));
    expect(events.filter((e) => e.startsWith('Normal SuccessfulCreate Created pod: '))).toHaveLength(9);
    expect(events.filter((e) => e.startsWith('Normal SuccessfulCreate (combined from similar events): Created pod: '))).toHaveLength(1);
  });

  it('creates at most BurstReplicas (500) per sync, and waits for its expectations before the next', () => {
    const c = new TestCluster({ workers: 6 });
    c.apply(rsYaml(600));
    c.runFor('200ms');
    const decisions = c.spans.filter((s) => s.kind === 'replicaSetSync').map((s) => s.summary);
    expect(decisions).toEqual(['ReplicaSet web has 0 pods, wants 600: creating 500.', 'ReplicaSet web has 500 pods, wants 600: creating 100.']);
    expect(c.spans.find((s) => s.kind === 'replicaSetSync')!.args).toEqual({ rs: 'web', have: 0, want: 600, diff: -600, n: 500 });
    expect(active(c)).toHaveLength(600);
  });

  it('reports status counts, observedGeneration, and availability exactly minReadySeconds after Ready', () => {
    const c = new TestCluster();
    c.apply(rsYaml(3, { minReadySeconds: 10 }));
    c.runFor('30ms');
    expect(rsObj(c).status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
    // Wait until every pod is Ready.
    let readyAt = 0;
    for (let t = 0; t < 60_000 && !readyAt; t += 100) {
      c.runFor(100);
      if ((rsObj(c).status.readyReplicas ?? 0) === 3) readyAt = c.cluster.now();
    }
    expect(readyAt).toBeGreaterThan(0);
    const pods = active(c) as (Pod & { status: { conditions: { type: string; lastTransitionTime: string }[] } })[];
    const lastReady = Math.max(...pods.map((p) => Date.parse(p.status.conditions.find((x) => x.type === 'Ready')!.lastTransitionTime)));
    expect(rsObj(c).status.availableReplicas).toBeUndefined();
    const epoch = Date.UTC(2026, 0, 1);
    c.cluster.runFor(lastReady - epoch + 10_000 - c.cluster.now() - 1);
    expect(rsObj(c).status.availableReplicas ?? 0).toBeLessThan(3);
    c.runFor('1s');
    expect(rsObj(c).status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
    scale(c, 1);
    c.runFor('100ms');
    expect(rsObj(c).status).toMatchObject({ replicas: 1, observedGeneration: 2 });
  });

  it('replaces a deleted pod', () => {
    const c = new TestCluster();
    c.apply(rsYaml(3));
    c.runFor('20s');
    const before = active(c).map((p) => p.metadata.name);
    const victim = before[1];
    const del = c.cluster.handle({ verb: 'DELETE', path: `/api/v1/namespaces/default/pods/${victim}` });
    expect(del.code).toBe(200);
    c.runFor('50ms');
    const after = active(c).map((p) => p.metadata.name);
    expect(after).toHaveLength(3);
    expect(after).not.toContain(victim);
    const fresh = after.filter((n) => !before.includes(n));
    expect(fresh).toHaveLength(1);
    expect(rsEvents(c)).toContain(`Normal SuccessfulCreate Created pod: ${fresh[0]}`);
    const decision = c.spans.filter((s) => s.kind === 'replicaSetSync').at(-1)!;
    expect(decision.summary).toBe('ReplicaSet web has 2 pods, wants 3: creating 1.');
    // Caused by the watch delivery that told the controller the pod is being deleted.
    expect(c.spans.find((s) => s.id === decision.causeId)).toMatchObject({ kind: 'watchPodModified', object: `Pod/default/${victim}`, to: 'controller-manager' });
    c.runFor('1m');
    expect(c.pod(victim)).toBeUndefined();
    expect(active(c)).toHaveLength(3);
  });

  it('scales down the doubled-up pod first, with SuccessfulDelete events', () => {
    const c = new TestCluster({ workers: 2 });
    c.apply(rsYaml(3));
    c.runFor('20s');
    const pods = active(c);
    const byNode = new Map<string, string[]>();
    for (const p of pods) byNode.set(p.spec.nodeName!, [...(byNode.get(p.spec.nodeName!) ?? []), p.metadata.name]);
    const doubled = [...byNode.values()].find((v) => v.length === 2)!;
    expect(doubled).toBeDefined();
    scale(c, 2);
    c.runFor('50ms');
    const left = active(c).map((p) => p.metadata.name);
    expect(left).toHaveLength(2);
    const gone = pods.map((p) => p.metadata.name).filter((n) => !left.includes(n));
    expect(gone).toHaveLength(1);
    expect(doubled).toContain(gone[0]);
    expect(rsEvents(c)).toContain(`Normal SuccessfulDelete Deleted pod: ${gone[0]}`);
    expect(c.spans.filter((s) => s.kind === 'replicaSetSync').at(-1)!.summary).toBe('ReplicaSet web has 3 pods, wants 2: deleting 1.');
  });

  it('deletes the pods with the lowest pod-deletion-cost first', () => {
    const c = new TestCluster();
    c.apply(rsYaml(4));
    c.runFor('20s');
    const names = active(c).map((p) => p.metadata.name);
    names.forEach((n, i) => patchPod(c, n, { metadata: { annotations: { 'controller.kubernetes.io/pod-deletion-cost': String([50, -5, 100, 7][i]) } } }));
    c.runFor('50ms');
    scale(c, 2);
    c.runFor('50ms');
    expect(active(c).map((p) => p.metadata.name).sort()).toEqual([names[0], names[2]].sort());
  });

  it('adopts an orphan pod whose labels match, and creates only the rest', () => {
    const c = new TestCluster();
    const orphan = c.apply({
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', labels: { app: 'web' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
    });
    expect(orphan[0].code).toBe(201);
    c.runFor('1s');
    const [res] = c.apply(rsYaml(3));
    const uid = (res.body as KubeObject).metadata.uid;
    c.runFor('1s');
    const pods = active(c);
    expect(pods).toHaveLength(3);
    expect(c.pod('stray')!.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid, controller: true, blockOwnerDeletion: true }]);
    expect(rsEvents(c).filter((e) => e.includes('SuccessfulCreate'))).toHaveLength(2);
    expect(c.spans.find((s) => s.kind === 'replicaSetAdopt')).toMatchObject({ args: { rs: 'web', pod: 'stray' }, object: 'Pod/default/stray' });
  });

  it('ignores a matching pod owned by another controller', () => {
    const c = new TestCluster();
    // A real owner (the garbage collector deletes dependents of owners that do not exist).
    const ownerUID = c.nodes().find((n) => n.metadata.name === 'worker-1')!.metadata.uid!;
    c.apply({
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: 'theirs', labels: { app: 'web' }, ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'worker-1', uid: ownerUID, controller: true }] },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
    });
    c.apply(rsYaml(2));
    c.runFor('1s');
    expect(active(c)).toHaveLength(3);
    expect(c.pod('theirs')!.metadata.ownerReferences).toMatchObject([{ uid: ownerUID }]);
  });

  it('releases a pod whose labels no longer match, and replaces it', () => {
    const c = new TestCluster();
    c.apply(rsYaml(2));
    c.runFor('20s');
    const [first] = active(c).map((p) => p.metadata.name);
    patchPod(c, first, { metadata: { labels: { app: 'debug' } } });
    c.runFor('100ms');
    // The strategic merge patch deletes our ref (an empty list is what is left).
    expect(c.pod(first)!.metadata.ownerReferences ?? []).toEqual([]);
    expect(active(c)).toHaveLength(2);
    expect(active(c).map((p) => p.metadata.name)).not.toContain(first);
    expect(c.spans.find((s) => s.kind === 'replicaSetRelease')).toMatchObject({ args: { rs: 'web', pod: first } });
    // Relabelled back, it is adopted again, and one pod too many is deleted.
    patchPod(c, first, { metadata: { labels: { app: 'web' } } });
    c.runFor('100ms');
    expect(active(c)).toHaveLength(2);
    expect(rsEvents(c).filter((e) => e.includes('SuccessfulDelete'))).toHaveLength(1);
  });

  it('records FailedCreate with the API error and sets ReplicaFailure, cleared once it recovers', () => {
    const c = new TestCluster();
    c.apply(rsYaml(2, { podSpec: '      priorityClassName: nope\n' }));
    c.runFor('100ms');
    const failed = rsEvents(c).filter((e) => e.startsWith('Warning FailedCreate'));
    // Upstream names the object by its generateName (`pods "web-" is forbidden`): the API server's wording decides.
    expect(failed[0]).toMatch(/^Warning FailedCreate Error creating: pods (?:"web-" )?is forbidden: no PriorityClass with name nope was found$/);
    const st = rsObj(c).status as { conditions?: { type: string; status: string; reason: string; message: string }[]; replicas: number };
    expect(st.replicas).toBe(0);
    expect(st.conditions).toMatchObject([{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: failed[0].replace('Warning FailedCreate Error creating: ', '') }]);
    expect(active(c)).toHaveLength(0);
    // Fix the template: the back-off retry creates the pods and the condition goes.
    const cur = rsObj(c) as unknown as KubeObject & { spec: { template: { spec: Record<string, unknown> } } };
    delete cur.spec.template.spec.priorityClassName;
    expect(c.cluster.handle({ verb: 'PUT', path: `${RS_PATH}/web`, body: cur }).code).toBe(200);
    c.runFor('1s');
    expect(active(c)).toHaveLength(2);
    expect(rsObj(c).status.conditions).toBeUndefined();
  });

  it('draws the story, not the echoes: pod status writes are not watch hops to the controller-manager', () => {
    const c = new TestCluster();
    c.apply(rsYaml(3));
    c.runFor('30s');
    const hops = c.spans.filter((s) => s.from === 'apiserver' && s.to === 'controller-manager' && s.object?.startsWith('Pod/'));
    expect(hops.map((s) => s.kind)).toEqual(['watchPodAdded', 'watchPodAdded', 'watchPodAdded']);
    const rsHops = c.spans.filter((s) => s.from === 'apiserver' && s.to === 'controller-manager' && s.object === 'ReplicaSet/default/web');
    expect(rsHops.map((s) => s.kind)).toEqual(['watchReplicaSetAdded']);
  });

  it('is deterministic, and restore-then-continue equals a straight run', () => {
    const run = (snapAt?: number) => {
      const c = new TestCluster({ seed: 7 });
      c.apply(rsYaml(4));
      c.runFor('10s');
      let h = c.cluster;
      if (snapAt !== undefined) h = restoreCluster(h.snapshot());
      h.handle({ verb: 'PATCH', path: `${RS_PATH}/web`, body: { spec: { replicas: 2 } }, patchType: 'application/merge-patch+json' });
      const first = h.handle({ verb: 'GET', path: '/api/v1/namespaces/default/pods' }).body as { items: KubeObject[] };
      h.handle({ verb: 'DELETE', path: `/api/v1/namespaces/default/pods/${first.items[0].metadata.name}` });
      h.runFor(60_000);
      const pods = (h.handle({ verb: 'GET', path: '/api/v1/namespaces/default/pods' }).body as { items: KubeObject[] }).items;
      return pods.map((p) => `${p.metadata.name}@${(p.spec as { nodeName?: string }).nodeName}`).join(',');
    };
    const a = run();
    expect(run()).toBe(a);
    expect(run(1)).toBe(a);
  });
});
