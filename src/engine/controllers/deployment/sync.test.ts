import { describe, expect, it } from 'vitest';
import { clone } from '../../api/equal.ts';
import { deployment, EPOCH, Model } from './model.test-helper.ts';
import { scale } from './sync.ts';
import type { V1ReplicaSet } from './types.ts';

function rs(name: string, replicas: number, ageS: number, maxReplicas?: number): V1ReplicaSet {
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: {
      name, namespace: 'default', uid: name, resourceVersion: '1', generation: 1,
      creationTimestamp: new Date(EPOCH + ageS * 1000).toISOString(),
      annotations: maxReplicas === undefined ? {} : { 'deployment.kubernetes.io/max-replicas': String(maxReplicas), 'deployment.kubernetes.io/desired-replicas': String(maxReplicas) },
    },
    spec: { replicas, selector: { matchLabels: { app: 'web' } } },
    status: { replicas, availableReplicas: replicas },
  };
}

/** sync.go TestScale cases: proportional scaling with maxSurge 0 / maxUnavailable 0 (→ 1). */
function runScale(replicas: number, newRS: V1ReplicaSet, oldRSs: V1ReplicaSet[]): Record<string, number> {
  const m = new Model(deployment(replicas, { maxSurge: 0, maxUnavailable: 0 }));
  for (const r of [newRS, ...oldRSs]) m.rss.set(r.metadata.name, clone(r));
  scale(m.client(), clone(m.d), clone(newRS), clone(oldRSs));
  return m.sizes();
}

describe('scale (proportional scaling)', () => {
  it('5 → 10: largest first, each by its share', () => {
    expect(runScale(10, rs('foo-v2', 2, 10, 5), [rs('foo-v1', 3, 0, 5)])).toEqual({ 'foo-v2': 4, 'foo-v1': 6 });
  });

  it('5 → 3: scaling down takes from each proportionally', () => {
    expect(runScale(3, rs('foo-v2', 2, 10, 5), [rs('foo-v1', 3, 0, 5)])).toEqual({ 'foo-v2': 1, 'foo-v1': 2 });
  });

  it('leftover 3 → 4 goes to the newest of equal sizes', () => {
    expect(runScale(4, rs('foo-v3', 1, 20, 3), [rs('foo-v2', 1, 10, 3), rs('foo-v1', 1, 0, 3)])).toEqual({ 'foo-v3': 2, 'foo-v2': 1, 'foo-v1': 1 });
  });

  it('leftover 4 → 3 comes off the oldest of equal sizes', () => {
    expect(runScale(3, rs('foo-v2', 2, 10, 4), [rs('foo-v1', 2, 0, 4)])).toEqual({ 'foo-v2': 2, 'foo-v1': 1 });
  });

  it('one active RS goes straight to spec.replicas; a saturated new RS zeroes old ones', () => {
    expect(runScale(7, rs('foo-v2', 3, 10, 3), [rs('foo-v1', 0, 0, 3)])).toEqual({ 'foo-v2': 7, 'foo-v1': 0 });
    const sat = rs('foo-v2', 5, 10, 5);
    expect(runScale(5, sat, [rs('foo-v1', 2, 0, 5)])).toEqual({ 'foo-v2': 5, 'foo-v1': 0 });
  });

  it('a scaling event during a rollout is detected from desired-replicas and scales proportionally', () => {
    const m = new Model(deployment(10));
    m.sync();
    m.settle();
    m.sync();
    m.setImage('nginx:1.26');
    m.sync(); // new 0→3, old 10→8
    m.settle();
    m.events = [];
    m.decisions = [];
    // allowed = 20 + 5 = 25, current 11, max-replicas 13: old 8 → round(8·25/13) = 15, new 3 →
    // round(3·25/13) = 6, and the 4 left over go to the largest (old): 19.
    m.setSpec((d) => (d.spec!.replicas = 20));
    m.sync();
    const sizes = Object.values(m.sizes()).sort((a, b) => a - b);
    expect(sizes).toEqual([6, 19]);
    expect(m.decisions.filter((x) => x.kind === 'deploymentScale').every((x) => x.args.reason === 'proportional')).toBe(true);
  });
});

describe('getNewReplicaSet and revisions', () => {
  it('creates <name>-<hash> with labels, selector, owner, annotations; Deployment gets revision 1 and conditions', () => {
    const d = deployment(3);
    d.metadata.annotations = { 'kubectl.kubernetes.io/last-applied-configuration': '{}', team: 'a' };
    const m = new Model(d);
    m.sync();
    const [created] = [...m.rss.values()];
    const hash = created.metadata.labels!['pod-template-hash'];
    expect(created.metadata.name).toBe(`web-${hash}`);
    expect(created.spec!.selector!.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(created.spec!.template!.metadata!.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(created.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd-uid', controller: true, blockOwnerDeletion: true }]);
    expect(created.metadata.annotations).toEqual({
      team: 'a',
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
    });
    expect(created.spec!.replicas).toBe(3);
    expect(m.scalingEvents()).toEqual([`Scaled up replica set ${created.metadata.name} from 0 to 3`]);
    expect(m.d.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('1');
    const prog = m.d.status!.conditions!.find((c) => c.type === 'Progressing')!;
    expect(prog).toMatchObject({ status: 'True', reason: 'NewReplicaSetCreated', message: `Created new replica set "${created.metadata.name}"` });
    expect(m.d.status!.conditions!.find((c) => c.type === 'Available')).toMatchObject({
      status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.',
    });
    m.settle();
    m.sync();
    expect(m.d.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(m.d.status!.unavailableReplicas).toBeUndefined();
    expect(m.d.status!.conditions!.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${created.metadata.name}" has successfully progressed.`],
    ]);
  });

  it('rollback re-uses the old RS and re-numbers it (revision-history keeps the old number)', () => {
    const m = new Model(deployment(2));
    m.sync();
    m.settle();
    m.sync();
    const first = [...m.rss.keys()][0];
    const templateV1 = clone(m.d.spec!.template);
    m.setImage('nginx:1.26');
    for (let i = 0; i < 10; i++) {
      m.sync();
      m.settle();
    }
    const second = [...m.rss.keys()].find((n) => n !== first)!;
    expect(m.rss.get(second)!.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('2');
    expect(m.d.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('2');
    m.setSpec((d) => (d.spec!.template = templateV1)); // kubectl rollout undo
    for (let i = 0; i < 10; i++) {
      m.sync();
      m.settle();
    }
    expect(m.rss.size).toBe(2);
    const back = m.rss.get(first)!;
    expect(back.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('3');
    expect(back.metadata.annotations!['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(m.sizes()).toEqual({ [first]: 2, [second]: 0 });
    expect(m.d.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('3');
    expect(m.decisions.find((x) => x.kind === 'deploymentReuseReplicaSet')!.args).toMatchObject({ rs: first, from: 1, to: 3 });
  });

  it('a hash collision bumps status.collisionCount and the next sync uses another name', () => {
    const m = new Model(deployment(1));
    m.sync();
    const [name] = [...m.rss.keys()];
    // Someone else's RS with that name and a different template.
    const other = m.rss.get(name)!;
    other.metadata.ownerReferences = [];
    other.spec!.template!.spec!.containers[0].image = 'other';
    m.rss.clear();
    m.d.status = {};
    m.rss.set(name, other);
    expect(() => m.sync()).toThrow(/already exists/);
    expect(m.d.status!.collisionCount).toBe(1);
    m.sync();
    expect([...m.rss.keys()].filter((n) => n !== name)).toHaveLength(1);
  });
});

describe('cleanupDeployment', () => {
  it('keeps revisionHistoryLimit old RSs, deleting the lowest revisions with no replicas', () => {
    const m = new Model(deployment(1, { revisionHistoryLimit: 2 }));
    for (let v = 0; v < 5; v++) {
      if (v > 0) m.setImage(`nginx:1.${v}`);
      for (let i = 0; i < 8; i++) {
        m.sync();
        m.settle();
      }
    }
    const revs = [...m.rss.values()].map((rs) => Number(rs.metadata.annotations!['deployment.kubernetes.io/revision'])).sort();
    expect(revs).toEqual([3, 4, 5]);
    expect(m.events.filter((e) => e.startsWith('deleted'))).toHaveLength(2);
    expect(m.decisions.filter((x) => x.kind === 'deploymentCleanup').map((x) => x.args.revision)).toEqual([1, 2]);
  });
});

describe('getNewReplicaSet conditions', () => {
  it('FoundNewReplicaSet when the new RS exists and no Progressing condition was recorded', () => {
    const m = new Model(deployment(1));
    m.sync();
    const [name] = [...m.rss.keys()];
    m.d = { ...m.d, status: {} };
    m.sync();
    expect(m.d.status!.conditions!.find((c) => c.type === 'Progressing')).toMatchObject({ status: 'True', reason: 'FoundNewReplicaSet', message: `Found new replica set "${name}"` });
  });

  it('a failed create: Progressing=False ReplicaSetCreateError and a Warning event, then a retry', () => {
    const m = new Model(deployment(2));
    m.createFails = { code: 403, message: 'replicasets.apps "web-x" is forbidden: exceeded quota' };
    expect(() => m.sync()).toThrow(/Failed to create new replica set/);
    const c = m.d.status!.conditions!.find((x) => x.type === 'Progressing')!;
    expect(c).toMatchObject({ status: 'False', reason: 'ReplicaSetCreateError' });
    expect(c.message).toMatch(/^Failed to create new replica set "web-[456789bcdf]+": replicasets.apps "web-x" is forbidden: exceeded quota$/);
    expect(m.events.at(-1)).toBe(`Warning ReplicaSetCreateError ${c.message}`);
    m.createFails = undefined;
    m.sync();
    expect(m.rss.size).toBe(1);
  });
});
