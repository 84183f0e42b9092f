import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../protocol/types.ts';
import { podOwner, replicaSetRole, workloadGroups } from './workloads.ts';

const deploy = (name: string, rev: number, replicas: number, status: Record<string, number> = {}): KubeObject => ({
  apiVersion: 'apps/v1', kind: 'Deployment',
  metadata: { name, namespace: 'default', uid: `d-${name}`, annotations: { 'deployment.kubernetes.io/revision': String(rev) } },
  spec: { replicas }, status,
} as KubeObject);
const rs = (name: string, owner: string | undefined, rev: number, replicas: number, status: Record<string, number> = {}): KubeObject => ({
  apiVersion: 'apps/v1', kind: 'ReplicaSet',
  metadata: {
    name, namespace: 'default', annotations: { 'deployment.kubernetes.io/revision': String(rev) },
    ...(owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: owner, uid: `d-${owner}`, controller: true }] } : {}),
  },
  spec: { replicas }, status,
} as KubeObject);
const pod = (name: string, owner: string): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name, namespace: 'default', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: owner, uid: 'x', controller: true }] },
} as KubeObject);

const map = (resource: string, objs: KubeObject[]) => Object.fromEntries(objs.map((o) => [`${resource}/default/${o.metadata.name}`, o]));

describe('workloads', () => {
  const deployments = map('deployments.apps', [deploy('web', 2, 3, { replicas: 4, updatedReplicas: 2, readyReplicas: 3, availableReplicas: 3 })]);
  const replicaSets = map('replicasets.apps', [
    rs('web-aaaaa', 'web', 1, 2, { replicas: 2, readyReplicas: 2, availableReplicas: 2 }),
    rs('web-bbbbb', 'web', 2, 2, { replicas: 2, readyReplicas: 1 }),
    rs('web-old00', 'web', 0, 0, {}),
    rs('lonely', undefined, 0, 1, { replicas: 1 }),
  ]);
  const byResource = { 'deployments.apps': deployments, 'replicasets.apps': replicaSets };

  it('groups ReplicaSets under their Deployment, newest revision first, hiding empty old ones; standalone ones last', () => {
    const groups = workloadGroups(deployments, replicaSets);
    expect(groups).toHaveLength(2);
    expect(groups[0]!.deployment).toMatchObject({ name: 'web', revision: 2, desired: 3, current: 4, updated: 2, ready: 3, available: 3 });
    expect(groups[0]!.replicaSets.map((r) => [r.name, r.role, r.desired, r.current, r.ready])).toEqual([
      ['web-bbbbb', 'new', 2, 2, 1],
      ['web-aaaaa', 'old', 2, 2, 2],
    ]);
    expect(groups[1]!.deployment).toBeUndefined();
    expect(groups[1]!.replicaSets[0]).toMatchObject({ name: 'lonely', role: 'solo', desired: 1, current: 1, ready: 0 });
  });

  it('names a pod’s ReplicaSet and whether it runs the new template', () => {
    expect(podOwner(byResource, pod('web-bbbbb-x1', 'web-bbbbb'))).toEqual({ name: 'web-bbbbb', role: 'new' });
    expect(podOwner(byResource, pod('web-aaaaa-x1', 'web-aaaaa'))).toEqual({ name: 'web-aaaaa', role: 'old' });
    expect(podOwner(byResource, pod('lonely-x', 'lonely'))).toEqual({ name: 'lonely', role: 'solo' });
    expect(podOwner(byResource, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bare' } })).toBeUndefined();
    expect(replicaSetRole(byResource, 'replicasets.apps/default/missing')).toBeUndefined();
  });
});
