import { describe, expect, it } from 'vitest';
import { TestCluster } from '../../testing/testCluster.ts';
import type { KubeObject } from '../../types.ts';
import type { Status } from '../../apiserver/types.ts';

const RSS = '/apis/apps/v1/namespaces/default/replicasets';
const PODS = '/api/v1/namespaces/default/pods';

/**
 * A ReplicaSet with 0 replicas and two pods that name it as a non-controller owner with
 * blockOwnerDeletion: the ReplicaSet controller leaves them alone (labels outside its selector,
 * no controller ref), so only the garbage collector acts on them.
 */
function setup(opts: { grace?: number } = {}) {
  const c = new TestCluster({ workers: 2 });
  const rs = c.cluster.handle({
    verb: 'POST',
    path: RSS,
    body: {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web' },
      spec: { replicas: 0, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
    },
  }).body as KubeObject;
  const owner = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, blockOwnerDeletion: true };
  for (const name of ['web-a', 'web-b']) {
    const r = c.cluster.handle({
      verb: 'POST',
      path: PODS,
      body: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, labels: { gc: 'test' }, ownerReferences: [owner] },
        spec: { containers: [{ name: 'web', image: 'nginx' }], terminationGracePeriodSeconds: opts.grace ?? 0 },
      },
    });
    expect(r.code).toBe(201);
  }
  c.runFor('10s');
  const del = (query: Record<string, string> = {}, body?: unknown) => c.cluster.handle({ verb: 'DELETE', path: `${RSS}/web`, query, body });
  const rsNow = () => {
    const r = c.get(`${RSS}/web`);
    return r.code === 200 ? (r.body as KubeObject) : undefined;
  };
  return { c, rs, del, rsNow, pods: () => c.pods('gc=test') };
}

describe('garbage collector: cascading deletion', () => {
  it('Background (the default): the owner goes at once, then the collector deletes its dependents', () => {
    const { c, del, rsNow, pods } = setup();
    expect(pods()).toHaveLength(2);
    const r = del();
    expect(r.code).toBe(200);
    expect(rsNow()).toBeUndefined();
    expect(pods()).toHaveLength(2);
    c.runFor('1s');
    expect(pods()).toHaveLength(0);
    const spans = c.spans.filter((s) => s.kind === 'gcDeleteDependent');
    expect(spans.map((s) => s.summary).sort()).toEqual([
      'The garbage collector deletes pod web-a: its owner ReplicaSet web is gone.',
      'The garbage collector deletes pod web-b: its owner ReplicaSet web is gone.',
    ]);
    expect(spans[0].from).toBe('controller-manager');
    expect(spans[0].args).toMatchObject({ object: expect.stringMatching(/^Pod\/default\/web-[ab]$/), owner: 'ReplicaSet/web', ownerState: 'gone', policy: 'Background' });
    // The DELETE the collector sent names the decision as its cause.
    const deletes = c.spans.filter((s) => s.kind === 'apiDelete' && s.from === 'controller-manager');
    expect(deletes.map((s) => s.causeId).sort()).toEqual(spans.map((s) => s.id).sort());
  });

  it('Foreground: finalizer and deletionTimestamp, dependents first, then the owner', () => {
    const { c, del, rsNow, pods } = setup({ grace: 30 });
    const r = del({ propagationPolicy: 'Foreground' });
    expect(r.code).toBe(200);
    const marked = r.body as KubeObject;
    expect(marked.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(marked.metadata.deletionTimestamp).toBe(c.cluster.server.timestamp());
    expect(marked.metadata.deletionGracePeriodSeconds).toBe(0);
    c.runFor('100ms');
    // The pods are terminating (graceful deletion still applies); the owner waits for them.
    expect(pods().every((p) => p.metadata.deletionTimestamp)).toBe(true);
    expect(rsNow()?.metadata.finalizers).toEqual(['foregroundDeletion']);
    c.runFor('60s');
    expect(pods()).toHaveLength(0);
    expect(rsNow()).toBeUndefined();
    const fin = c.spans.find((s) => s.kind === 'gcRemoveFinalizer')!;
    expect(fin.summary).toBe('The garbage collector removes the foregroundDeletion finalizer from ReplicaSet web: no dependent blocks its deletion any more.');
    expect(c.spans.filter((s) => s.kind === 'gcDeleteDependent')[0].summary).toMatch(/^The garbage collector deletes pod web-[ab]: its owner ReplicaSet web is being deleted in the foreground\.$/);
  });

  it('Orphan (as a DeleteOptions body): dependents lose the ownerReference and stay', () => {
    const { c, del, rsNow, pods } = setup();
    const r = del({}, { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Orphan' });
    expect((r.body as KubeObject).metadata.finalizers).toEqual(['orphan']);
    c.runFor('1s');
    expect(rsNow()).toBeUndefined();
    const left = pods();
    expect(left).toHaveLength(2);
    for (const p of left) expect(p.metadata.ownerReferences).toBeUndefined();
    expect(c.spans.find((s) => s.kind === 'gcOrphanDependents')!.summary).toBe(
      'The garbage collector orphans the 2 dependents of ReplicaSet web: it removes their ownerReferences to it.',
    );
  });

  it('keeps dependents that still have another owner, dropping only the dangling reference', () => {
    const { c, rs, del, pods } = setup();
    const other = c.cluster.handle({
      verb: 'POST',
      path: RSS,
      body: { ...(c.get(`${RSS}/web`).body as any), metadata: { name: 'other' }, status: undefined },
    }).body as KubeObject;
    const refs = [
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, blockOwnerDeletion: true },
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'other', uid: other.metadata.uid },
    ];
    c.cluster.handle({ verb: 'PATCH', path: `${PODS}/web-a`, body: { metadata: { ownerReferences: refs } }, patchType: 'application/merge-patch+json' });
    c.runFor('1s');
    del();
    c.runFor('1s');
    const left = pods();
    expect(left.map((p) => p.metadata.name)).toEqual(['web-a']);
    expect(left[0].metadata.ownerReferences).toEqual([refs[1]]);
    expect(c.spans.find((s) => s.kind === 'gcRemoveDanglingOwners')!.summary).toBe(
      'The garbage collector removes ownerReferences to ReplicaSet web from pod web-a: it still has another owner.',
    );
  });

  it('collects a dependent created after its owner is gone', () => {
    const { c, rs, del } = setup();
    del();
    c.runFor('1s');
    const late = c.cluster.handle({
      verb: 'POST',
      path: PODS,
      body: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'late', labels: { gc: 'test' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid }] },
        spec: { containers: [{ name: 'web', image: 'nginx' }], terminationGracePeriodSeconds: 0 },
      },
    });
    expect(late.code).toBe(201);
    c.runFor('1s');
    expect(c.pod('late')).toBeUndefined();
  });
});

describe('API server: finalizers and DeleteOptions', () => {
  it('keeps an object with finalizers until an update removes the last one', () => {
    const { c, del, rsNow } = setup();
    c.cluster.handle({ verb: 'PATCH', path: `${RSS}/web`, body: { metadata: { finalizers: ['example.com/hold'] } }, patchType: 'application/merge-patch+json' });
    del({ propagationPolicy: 'Background' });
    c.runFor('1s');
    const held = rsNow()!;
    expect(held.metadata.deletionTimestamp).toBeDefined();
    expect(held.metadata.finalizers).toEqual(['example.com/hold']);
    const add = c.cluster.handle({ verb: 'PATCH', path: `${RSS}/web`, body: { metadata: { finalizers: ['example.com/hold', 'b.io/x'] } }, patchType: 'application/merge-patch+json' });
    expect((add.body as Status).message).toBe(
      'ReplicaSet.apps "web" is invalid: metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"b.io/x"}',
    );
    const rm = c.cluster.handle({ verb: 'PATCH', path: `${RSS}/web`, body: { metadata: { finalizers: null } }, patchType: 'application/merge-patch+json' });
    expect(rm.code).toBe(200);
    expect(rsNow()).toBeUndefined();
  });

  it('rejects an unknown propagationPolicy and a failed uid precondition', () => {
    const { del } = setup();
    expect((del({ propagationPolicy: 'Sideways' }).body as Status).message).toBe(
      'DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "Sideways": supported values: "Foreground", "Background", "Orphan"',
    );
    const r = del({}, { kind: 'DeleteOptions', preconditions: { uid: 'nope' } });
    expect(r.code).toBe(409);
    expect((r.body as Status).message).toMatch(/^Operation cannot be fulfilled on replicasets.apps "web": Precondition failed: UID in precondition: nope, UID in object meta: [0-9a-f-]{36}$/);
  });
});

describe('garbage collector with the workload controllers', () => {
  const DEPLOY = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      terminationGracePeriodSeconds: 0
      containers: [{name: web, image: nginx}]
`;
  const rsList = (c: TestCluster) => (c.get(RSS).body as { items: KubeObject[] }).items;
  for (const policy of ['Background', 'Foreground'] as const) {
    it(`${policy}: deleting a Deployment removes its ReplicaSet and pods`, () => {
      const c = new TestCluster({ workers: 2 });
      c.apply(DEPLOY);
      c.runFor('30s');
      expect(rsList(c)).toHaveLength(1);
      expect(c.pods('app=web')).toHaveLength(3);
      c.cluster.handle({ verb: 'DELETE', path: '/apis/apps/v1/namespaces/default/deployments/web', query: { propagationPolicy: policy } });
      c.runFor('30s');
      expect(c.get('/apis/apps/v1/namespaces/default/deployments/web').code).toBe(404);
      expect(rsList(c)).toHaveLength(0);
      expect(c.pods('app=web')).toHaveLength(0);
      if (policy === 'Foreground') expect(c.spans.some((s) => s.kind === 'gcDeleteBlockingDependent')).toBe(true);
    });
  }

  it('Orphan: the ReplicaSet and pods stay, released from the Deployment', () => {
    const c = new TestCluster({ workers: 2 });
    c.apply(DEPLOY);
    c.runFor('30s');
    c.cluster.handle({ verb: 'DELETE', path: '/apis/apps/v1/namespaces/default/deployments/web', query: { propagationPolicy: 'Orphan' } });
    c.runFor('30s');
    const rs = rsList(c);
    expect(rs).toHaveLength(1);
    expect(rs[0].metadata.ownerReferences).toBeUndefined();
    expect(c.pods('app=web')).toHaveLength(3);
  });
});

describe('DELETE dry run', () => {
  it('honours dryRun in the DeleteOptions body', () => {
    const { c, rsNow } = setup();
    const r = c.cluster.handle({ verb: 'DELETE', path: `${RSS}/web`, body: { kind: 'DeleteOptions', dryRun: ['All'], propagationPolicy: 'Foreground' } });
    expect(r.code).toBe(200);
    expect((r.body as KubeObject).metadata.finalizers).toEqual(['foregroundDeletion']);
    c.runFor('1s');
    expect(rsNow()?.metadata.deletionTimestamp).toBeUndefined();
    expect(c.pods('gc=test')).toHaveLength(2);
  });
});

describe('DELETE response', () => {
  it('an immediate delete of a ReplicaSet answers with a Success Status naming the uid', () => {
    const { rs, del } = setup();
    expect(del().body).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details: { name: 'web', group: 'apps', kind: 'replicasets', uid: rs.metadata.uid } });
  });
});
