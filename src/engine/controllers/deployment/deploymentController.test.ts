import { describe, expect, it } from 'vitest';
import { TestCluster } from '../../testing/testCluster.ts';
import type { KubeObject } from '../../types.ts';
import type { V1Deployment, V1ReplicaSet } from './types.ts';

const D_PATH = '/apis/apps/v1/namespaces/default/deployments';

function deployYaml(replicas: number, image = 'nginx:1.25', extra = ''): string {
  return `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
${extra}  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: ${image}
`;
}

type Pod = KubeObject & { status: { phase: string; conditions?: { type: string; status: string }[] } };

const dep = (c: TestCluster) => c.get(`${D_PATH}/web`).body as V1Deployment;
const rsList = (c: TestCluster) =>
  ((c.get('/apis/apps/v1/namespaces/default/replicasets').body as { items: V1ReplicaSet[] }).items).sort(
    (a, b) => Number(a.metadata.annotations?.['deployment.kubernetes.io/revision']) - Number(b.metadata.annotations?.['deployment.kubernetes.io/revision']),
  );
const active = (c: TestCluster) => (c.pods('app=web') as Pod[]).filter((p) => !p.metadata.deletionTimestamp);
const ready = (p: Pod) => p.status.conditions?.some((x) => x.type === 'Ready' && x.status === 'True') ?? false;
const dEvents = (c: TestCluster) =>
  c.events('web').filter((e) => (e as { source?: { component?: string } }).source?.component === 'deployment-controller').map((e) => `${e.type} ${e.reason} ${e.message}`);

function setImage(c: TestCluster, image: string): void {
  const d = dep(c);
  d.spec!.template!.spec!.containers[0].image = image;
  expect(c.cluster.handle({ verb: 'PUT', path: `${D_PATH}/web`, body: d }).code).toBe(200);
}

describe('Deployment controller (in a cluster)', () => {
  it('apply → ReplicaSet → 3 Running pods, ScalingReplicaSet, status and conditions', () => {
    const c = new TestCluster();
    expect(c.apply(deployYaml(3))[0].code).toBe(201);
    c.runFor('30s');
    const [rs] = rsList(c);
    const hash = rs.metadata.labels!['pod-template-hash'];
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(hash).toMatch(/^[456789bcdf]+$/);
    expect(rs.metadata.ownerReferences).toMatchObject([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', controller: true, blockOwnerDeletion: true }]);
    expect(rs.metadata.annotations).toEqual({
      'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4',
    });
    const pods = active(c);
    expect(pods).toHaveLength(3);
    expect(pods.every((p) => p.status.phase === 'Running' && p.metadata.name.startsWith(`web-${hash}-`))).toBe(true);
    expect(dEvents(c)).toEqual([`Normal ScalingReplicaSet Scaled up replica set web-${hash} from 0 to 3`]);
    const d = dep(c);
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(d.status!.conditions!.map((x) => [x.type, x.status, x.reason, x.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "web-${hash}" has successfully progressed.`],
    ]);
    // The decision span causes the ReplicaSet's POST.
    const decision = c.spans.find((s) => s.kind === 'deploymentNewReplicaSet')!;
    expect(decision).toMatchObject({ from: 'controller-manager', to: 'controller-manager', object: 'Deployment/default/web', args: { rs: `web-${hash}`, revision: 1, replicas: 3 } });
    expect(c.spans.some((s) => s.causeId === decision.id && s.verb.startsWith('POST /apis/apps/v1/namespaces/default/replicasets'))).toBe(true);
    // Steady state: no decisions, no writes.
    const before = c.spans.length;
    c.runFor('120s');
    expect(c.spans.slice(before).filter((s) => s.from === 'controller-manager' || s.to === 'controller-manager')).toEqual([]);
  });

  it('a new image rolls out within maxSurge / maxUnavailable at every step', () => {
    const c = new TestCluster();
    c.apply(deployYaml(3));
    c.runFor('30s');
    setImage(c, 'nginx:1.27');
    const end = c.cluster.now() + 120_000;
    let maxSpecTotal = 0;
    let minReady = Infinity;
    // The bound is on ReplicaSet sizes (as upstream): when the old RS is scaled down and the new
    // one up, each RS controller acts on its own watch delivery, so the old pod's DELETE can come
    // a few ms after the new pod's POST. Measure how long the pod count is over the bound.
    let overSince = -1;
    let longestOverMs = 0;
    while (c.cluster.now() < end) {
      if (!c.cluster.runUntil(end, { stopOnSpan: true })) break;
      const pods = active(c);
      maxSpecTotal = Math.max(maxSpecTotal, rsList(c).reduce((n, r) => n + (r.spec?.replicas ?? 0), 0));
      minReady = Math.min(minReady, pods.filter(ready).length);
      if (pods.length > 4 && overSince < 0) overSince = c.cluster.now();
      if (pods.length <= 4 && overSince >= 0) {
        longestOverMs = Math.max(longestOverMs, c.cluster.now() - overSince);
        overSince = -1;
      }
    }
    expect(maxSpecTotal).toBe(4);
    expect(longestOverMs).toBeLessThanOrEqual(10);
    expect(minReady).toBe(3);
    const [oldRS, newRS] = rsList(c);
    expect(oldRS.spec!.replicas).toBe(0);
    expect(newRS.spec!.replicas).toBe(3);
    expect(newRS.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('2');
    const o = oldRS.metadata.name;
    const n = newRS.metadata.name;
    expect(dEvents(c)).toEqual([
      `Normal ScalingReplicaSet Scaled up replica set ${o} from 0 to 3`,
      `Normal ScalingReplicaSet Scaled up replica set ${n} from 0 to 1`,
      `Normal ScalingReplicaSet Scaled down replica set ${o} from 3 to 2`,
      `Normal ScalingReplicaSet Scaled up replica set ${n} from 1 to 2`,
      `Normal ScalingReplicaSet Scaled down replica set ${o} from 2 to 1`,
      `Normal ScalingReplicaSet Scaled up replica set ${n} from 2 to 3`,
      `Normal ScalingReplicaSet Scaled down replica set ${o} from 1 to 0`,
    ]);
    const d = dep(c);
    expect(d.metadata.generation).toBe(2);
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(d.status).toMatchObject({ observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 3 });
    expect(d.status!.conditions!.find((x) => x.type === 'Progressing')!.message).toBe(`ReplicaSet "${n}" has successfully progressed.`);
    expect(active(c).every((p) => p.metadata.name.startsWith(`${n}-`))).toBe(true);
    const scaleSpans = c.spans.filter((s) => s.kind === 'deploymentScale');
    expect(scaleSpans[0].summary).toBe(`Deployment web: rolling update, old ReplicaSet ${o} 3 → 2 (at least 3 of 3 stay available).`);
  });

  it('an image that never pulls stalls; after progressDeadlineSeconds Progressing=False; undo recovers', () => {
    const c = new TestCluster();
    c.apply(deployYaml(3));
    c.runFor('30s');
    setImage(c, 'nginx:does-not-exist-42');
    c.runFor('10s');
    const [oldRS, newRS] = rsList(c);
    expect([oldRS.spec!.replicas, newRS.spec!.replicas]).toEqual([3, 1]);
    const prog = () => dep(c).status!.conditions!.find((x) => x.type === 'Progressing')!;
    const last = Date.parse(prog().lastUpdateTime!);
    expect(prog()).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${newRS.metadata.name}" is progressing.` });
    const nowMs = () => c.cluster.epochMs + c.cluster.now();
    c.runFor(last + 598_000 - nowMs());
    expect(prog().status).toBe('True');
    c.runFor('5s');
    expect(prog()).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${newRS.metadata.name}" has timed out progressing.` });
    expect(active(c).filter(ready)).toHaveLength(3);
    // kubectl rollout undo: the old template again.
    setImage(c, 'nginx:1.25');
    c.runFor('30s');
    const after = rsList(c);
    const back = after.find((r) => r.metadata.name === oldRS.metadata.name)!;
    expect(back.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('3');
    expect(back.metadata.annotations!['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(after.find((r) => r.metadata.name === newRS.metadata.name)!.spec!.replicas).toBe(0);
    expect(prog()).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable' });
    expect(dEvents(c).at(-1)).toBe(`Normal ScalingReplicaSet Scaled down replica set ${newRS.metadata.name} from 1 to 0`);
  });

  it('scaling the Deployment scales its ReplicaSet', () => {
    const c = new TestCluster();
    c.apply(deployYaml(2));
    c.runFor('20s');
    const res = c.cluster.handle({ verb: 'PATCH', path: `${D_PATH}/web`, body: { spec: { replicas: 5 } }, patchType: 'application/merge-patch+json' });
    expect(res.code).toBe(200);
    c.runFor('20s');
    const [rs] = rsList(c);
    expect(dEvents(c).at(-1)).toBe(`Normal ScalingReplicaSet Scaled up replica set ${rs.metadata.name} from 2 to 5`);
    expect(active(c).filter(ready)).toHaveLength(5);
    expect(c.spans.filter((s) => s.kind === 'deploymentScale').at(-1)!.args).toMatchObject({ from: 2, to: 5, reason: 'scale' });
  });

  it('Recreate: old pods are gone before any new pod exists', () => {
    const c = new TestCluster();
    c.apply(deployYaml(2, 'nginx:1.25', '  strategy:\n    type: Recreate\n'));
    c.runFor('20s');
    setImage(c, 'nginx:1.27');
    const end = c.cluster.now() + 90_000;
    while (c.cluster.runUntil(end, { stopOnSpan: true })) {
      const images = new Set((c.pods('app=web') as (Pod & { spec: { containers: { image: string }[] } })[]).map((p) => p.spec.containers[0].image));
      expect(images.size).toBeLessThanOrEqual(1);
    }
    const [oldRS, newRS] = rsList(c);
    expect(dEvents(c).slice(1)).toEqual([
      `Normal ScalingReplicaSet Scaled down replica set ${oldRS.metadata.name} from 2 to 0`,
      `Normal ScalingReplicaSet Scaled up replica set ${newRS.metadata.name} from 0 to 2`,
    ]);
    expect(active(c).filter(ready)).toHaveLength(2);
  });

  it('orphaned by --cascade=orphan, its ReplicaSet is adopted by a new Deployment with the same template', () => {
    const c = new TestCluster();
    c.apply(deployYaml(2));
    c.runFor('20s');
    const [rs] = rsList(c);
    const del = c.cluster.handle({ verb: 'DELETE', path: `${D_PATH}/web`, query: { propagationPolicy: 'Orphan' } });
    expect(del.code).toBe(200);
    c.runFor('30s');
    expect(c.get(`${D_PATH}/web`).code).toBe(404);
    expect(rsList(c)[0].metadata.ownerReferences ?? []).toEqual([]);
    c.apply(deployYaml(2));
    c.runFor('10s');
    const after = rsList(c);
    expect(after.map((r) => r.metadata.name)).toEqual([rs.metadata.name]);
    expect(after[0].metadata.ownerReferences).toMatchObject([{ kind: 'Deployment', name: 'web', uid: dep(c).metadata.uid, controller: true }]);
    expect(active(c).filter(ready)).toHaveLength(2);
    expect(c.spans.some((s) => s.kind === 'deploymentAdopt' && s.args.rs === rs.metadata.name)).toBe(true);
    expect(dep(c).status).toMatchObject({ replicas: 2, updatedReplicas: 2, availableReplicas: 2 });
  });

  it('paused: a template change makes no new ReplicaSet until resumed', () => {
    const c = new TestCluster();
    c.apply(deployYaml(2));
    c.runFor('20s');
    const patch = (body: unknown) => expect(c.cluster.handle({ verb: 'PATCH', path: `${D_PATH}/web`, body, patchType: 'application/merge-patch+json' }).code).toBe(200);
    patch({ spec: { paused: true } });
    c.runFor('2s');
    setImage(c, 'nginx:1.27');
    c.runFor('20s');
    expect(rsList(c)).toHaveLength(1);
    expect(dep(c).status!.conditions!.find((x) => x.type === 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    patch({ spec: { paused: false } });
    c.runFor('60s');
    const [oldRS, newRS] = rsList(c);
    expect([oldRS.spec!.replicas, newRS.spec!.replicas]).toEqual([0, 2]);
    expect(dep(c).status!.conditions!.find((x) => x.type === 'Progressing')!.reason).toBe('NewReplicaSetAvailable');
  });
});
