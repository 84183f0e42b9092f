import { describe, expect, it } from 'vitest';
import { deployment } from './model.test-helper.ts';
import { getProportion, getScaledValueFromIntOrPercent, maxSurge, maxUnavailable, newRSNewReplicas, resolveFenceposts } from './deploymentUtil.ts';
import type { V1ReplicaSet } from './types.ts';

function rs(name: string, replicas: number, annotations: Record<string, string> = {}): V1ReplicaSet {
  return { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name, annotations }, spec: { replicas, selector: {} } };
}

describe('ResolveFenceposts', () => {
  it.each([
    [1, 1, 0],
    [3, 1, 0],
    [4, 1, 1],
    [10, 3, 2],
  ])('%i replicas with 25%%/25%% → maxSurge %i, maxUnavailable %i', (replicas, surge, unavailable) => {
    expect(resolveFenceposts('25%', '25%', replicas)).toEqual([surge, unavailable]);
    const d = deployment(replicas);
    expect([maxSurge(d), maxUnavailable(d)]).toEqual([surge, unavailable]);
  });

  it('rounds surge up and unavailable down', () => {
    expect(getScaledValueFromIntOrPercent('30%', 5, true)).toBe(2);
    expect(getScaledValueFromIntOrPercent('30%', 5, false)).toBe(1);
    expect(getScaledValueFromIntOrPercent(2, 5, true)).toBe(2);
    expect(resolveFenceposts('1%', '1%', 2)).toEqual([1, 0]);
    expect(resolveFenceposts('0%', '1%', 2)).toEqual([0, 1]);
  });

  it('both zero → maxUnavailable 1', () => {
    expect(resolveFenceposts(0, 0, 5)).toEqual([0, 1]);
    expect(resolveFenceposts('0%', '10%', 5)).toEqual([0, 1]);
  });

  it('maxUnavailable is capped at replicas, 0 at 0 replicas and for Recreate', () => {
    expect(maxUnavailable(deployment(2, { maxSurge: 0, maxUnavailable: 5 }))).toBe(2);
    expect(maxUnavailable(deployment(0))).toBe(0);
    expect(maxUnavailable(deployment(4, { type: 'Recreate' }))).toBe(0);
    expect(maxSurge(deployment(4, { type: 'Recreate' }))).toBe(0);
  });
});

describe('NewRSNewReplicas', () => {
  it('scales up to replicas + maxSurge in total, never past spec.replicas', () => {
    const d = deployment(10); // surge 3
    const newRS = rs('new', 0);
    expect(newRSNewReplicas(d, [rs('old', 10), newRS], newRS)).toBe(3);
    const n2 = rs('new', 3);
    expect(newRSNewReplicas(d, [rs('old', 8), n2], n2)).toBe(5);
    const n3 = rs('new', 8);
    expect(newRSNewReplicas(d, [rs('old', 0), n3], n3)).toBe(10);
    const n4 = rs('new', 2);
    expect(newRSNewReplicas(d, [rs('old', 11), n4], n4)).toBe(2);
  });

  it('Recreate goes straight to spec.replicas', () => {
    const newRS = rs('new', 0);
    expect(newRSNewReplicas(deployment(4, { type: 'Recreate' }), [rs('old', 4), newRS], newRS)).toBe(4);
  });
});

describe('GetProportion', () => {
  it('scales a replica set by its share of max-replicas, bounded by what is left', () => {
    const d = deployment(10, { maxSurge: 0, maxUnavailable: 1 });
    expect(getProportion(rs('a', 3, { 'deployment.kubernetes.io/max-replicas': '5' }), d, 5, 0)).toBe(3);
    expect(getProportion(rs('b', 2, { 'deployment.kubernetes.io/max-replicas': '5' }), d, 5, 3)).toBe(2);
    expect(getProportion(rs('c', 2, { 'deployment.kubernetes.io/max-replicas': '5' }), d, 5, 5)).toBe(0);
    expect(getProportion(rs('z', 0), d, 5, 0)).toBe(0);
  });
});
