import { describe, expect, it } from 'vitest';
import { getExpectedPodCount, scaledValue, disruptionsAllowed, countHealthyPods } from './status.ts';
import type { KubeObject } from '../../types.ts';

describe('disruption arithmetic', () => {
  const pod = (name: string, uid = 'rs1') => ({ metadata: { name, namespace: 'default', ownerReferences: [{ kind: 'ReplicaSet', apiVersion: 'apps/v1', name: 'rs', uid, controller: true }] }, status: { conditions: [{ type: 'Ready', status: 'True' }] } }) as unknown as KubeObject;
  const find = () => ({ uid: 'dep', scale: 10 });
  it('rounds percentages up and floors at zero', () => {
    expect(scaledValue('33%', 10)).toBe(4);
    expect(scaledValue(2, 10)).toBe(2);
    expect(() => scaledValue('5', 10)).toThrow('invalid value for IntOrString: invalid type: string is not a percentage');
    expect(getExpectedPodCount({ minAvailable: 2 }, [pod('a'), pod('b')], find)).toEqual({ expectedCount: 2, desiredHealthy: 2, unmanagedPods: [] });
    expect(getExpectedPodCount({ minAvailable: '50%' }, [pod('a')], find)).toEqual({ expectedCount: 10, desiredHealthy: 5, unmanagedPods: [] });
    expect(getExpectedPodCount({ maxUnavailable: '25%' }, [pod('a')], find)).toEqual({ expectedCount: 10, desiredHealthy: 7, unmanagedPods: [] });
    expect(getExpectedPodCount({ maxUnavailable: 20 }, [pod('a')], find).desiredHealthy).toBe(0);
    expect(() => getExpectedPodCount({ maxUnavailable: 1 }, [pod('a')], () => undefined)).toThrow('found no controllers for pod "a"');
    expect(disruptionsAllowed(3, 2, 3)).toBe(1);
    expect(disruptionsAllowed(3, 2, 0)).toBe(0);
    expect(disruptionsAllowed(1, 2, 3)).toBe(0);
  });
  it('does not count pods evicted within DeletionTimeout', () => {
    const now = Date.parse('2026-01-01T00:01:00Z');
    expect(countHealthyPods([pod('a'), pod('b')], { a: '2026-01-01T00:00:00Z' }, now)).toBe(1);
    expect(countHealthyPods([pod('a'), pod('b')], { a: '2026-01-01T00:00:00Z' }, now + 61_000)).toBe(2);
  });
});
