import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../protocol/types.ts';
import type { PodColumns } from '../../protocol/messages.ts';
import { podChipModel, podChipModels } from './podChipModel.ts';

const KEY = 'pods/default/web-abc';
const pod = (over: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: 'web-abc', namespace: 'default', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-5d8f', uid: 'u', controller: true }] },
  spec: { nodeName: 'worker-1' },
  status: { phase: 'Running' },
  ...over,
} as KubeObject);
const rs = (rev: string): KubeObject => ({
  apiVersion: 'apps/v1', kind: 'ReplicaSet',
  metadata: { name: 'web-5d8f', namespace: 'default', annotations: { 'deployment.kubernetes.io/revision': rev }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd', controller: true }] },
} as KubeObject);
const deploy: KubeObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', annotations: { 'deployment.kubernetes.io/revision': '2' } } } as KubeObject;
const state = (p: KubeObject | undefined, cols: Partial<PodColumns> = { status: 'Running', ready: '1/1' }, rsRev = '2') => ({
  byResource: {
    pods: (p ? { [KEY]: p } : {}) as Record<string, KubeObject>,
    'replicasets.apps': { 'replicasets.apps/default/web-5d8f': rs(rsRev) },
    'deployments.apps': { 'deployments.apps/default/web': deploy },
  },
  podColumns: { [KEY]: cols as PodColumns },
});

describe('podChipModel', () => {
  it('shows kubectl columns, the phase tone and the controlling ReplicaSet with its role', () => {
    expect(podChipModel(state(pod()), KEY)).toEqual({
      key: KEY, name: 'web-abc', namespace: 'default', node: 'worker-1', phase: 'Running', status: 'Running', ready: '1/1',
      tone: 'running', owner: 'web-5d8f', role: 'new', whyReason: undefined, whyMessage: undefined,
    });
  });

  it('returns the same object while nothing the chip shows changed, so only the changed chip re-renders', () => {
    const p = pod();
    const a = podChipModel(state(p), KEY);
    // New maps (another pod or a ReplicaSet's status changed), same content for this chip.
    expect(podChipModel(state(p, { status: 'Running', ready: '1/1' }), KEY)).toBe(a);
    const b = podChipModel(state(p, { status: 'CrashLoopBackOff', ready: '0/1' }), KEY);
    expect(b).not.toBe(a);
    expect(b).toMatchObject({ status: 'CrashLoopBackOff', ready: '0/1', tone: 'warning' });
    expect(podChipModel(state(p, { status: 'CrashLoopBackOff', ready: '0/1' }, '1'), KEY)).toMatchObject({ role: 'old' });
  });

  it("carries the scheduler's reason on an unbound pod and drops pods that are gone", () => {
    const unbound = pod({
      spec: {},
      status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient cpu.' }] },
    });
    expect(podChipModel(state(unbound, { status: 'Pending', ready: '0/1' }), KEY)).toMatchObject({
      node: '', tone: 'warning', whyReason: 'Unschedulable', whyMessage: '0/3 nodes are available: 3 Insufficient cpu.',
    });
    expect(podChipModels(state(undefined), [KEY])).toEqual([]);
  });
});
