import { describe, expect, it } from 'vitest';
import { deployment, Model } from './model.test-helper.ts';
import { oldPodsRunning } from './recreate.ts';
import type { KubeObject } from '../../types.ts';
import type { V1ReplicaSet } from './types.ts';

function pod(phase: string, terminating = false): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', ...(terminating ? { deletionTimestamp: '2026-01-01T00:00:01Z' } : {}) }, status: { phase } };
}

describe('rolloutRecreate', () => {
  it('scales every old RS to 0, waits for old pods to go, then creates the new RS at full size', () => {
    const m = new Model(deployment(3, { type: 'Recreate' }));
    m.sync();
    m.settle();
    m.sync();
    const old = [...m.rss.keys()][0];
    m.events = [];
    m.decisions = [];
    m.setImage('nginx:1.26');
    m.sync();
    expect(m.scalingEvents()).toEqual([`Scaled down replica set ${old} from 3 to 0`]);
    expect(m.rss.size).toBe(1);
    // Old pods still reported: no new RS yet.
    m.sync();
    expect(m.rss.size).toBe(1);
    // The RS controller deleted them, but one is still terminating (Running phase, deletionTimestamp set).
    m.settle();
    m.extraPods.set(m.rss.get(old)!.metadata.uid!, [pod('Running', true)]);
    m.sync();
    expect(m.rss.size).toBe(1);
    m.extraPods.clear();
    m.sync();
    const created = [...m.rss.keys()].find((n) => n !== old)!;
    expect(m.sizes()).toEqual({ [old]: 0, [created]: 3 });
    expect(m.scalingEvents()).toEqual([`Scaled down replica set ${old} from 3 to 0`, `Scaled up replica set ${created} from 0 to 3`]);
    expect(m.decisions.filter((x) => x.kind === 'deploymentScale').map((x) => [x.args.reason, x.args.to])).toEqual([['recreate', 0]]);
    expect(m.decisions.filter((x) => x.kind === 'deploymentNewReplicaSet').map((x) => x.args.replicas)).toEqual([3]);
  });

  it('oldPodsRunning: Unknown and non-terminal pods count, Succeeded/Failed do not, new RS pods are ignored', () => {
    const newRS: V1ReplicaSet = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'n', uid: 'new' } };
    const old: V1ReplicaSet = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'o', uid: 'old' }, status: { replicas: 0 } };
    expect(oldPodsRunning(newRS, [old], new Map([['old', [pod('Unknown')]]]))).toBe(true);
    expect(oldPodsRunning(newRS, [old], new Map([['old', [pod('Pending')]]]))).toBe(true);
    expect(oldPodsRunning(newRS, [old], new Map([['old', [pod('Succeeded'), pod('Failed')]]]))).toBe(false);
    expect(oldPodsRunning(newRS, [old], new Map([['new', [pod('Running')]]]))).toBe(false);
    expect(oldPodsRunning(newRS, [{ ...old, status: { replicas: 1 } }], new Map())).toBe(true);
    // The RS controller has not observed the scale-down yet: it might still create a pod.
    expect(oldPodsRunning(newRS, [{ ...old, metadata: { ...old.metadata, generation: 2 }, status: { replicas: 0, observedGeneration: 1 } }], new Map())).toBe(true);
  });
});
