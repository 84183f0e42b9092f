import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../protocol/types.ts';
import { heartbeatAge, leaseKey, parseMicroTime } from './useNodeUsage.ts';

const EPOCH = Date.parse('2026-01-01T00:00:00Z');
const lease = (renewTime: string) => ({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'worker-1', namespace: 'kube-node-lease' }, spec: { renewTime } }) as unknown as KubeObject;

describe('heartbeat', () => {
  it('parses MicroTime', () => {
    expect(parseMicroTime('2026-01-01T00:00:10.000000Z')).toBe(EPOCH + 10_000);
    expect(parseMicroTime('not a time')).toBeUndefined();
    expect(parseMicroTime(undefined)).toBeUndefined();
  });
  it('ages the Lease in virtual seconds', () => {
    const s = { byResource: { 'leases.coordination.k8s.io': { [leaseKey('worker-1')]: lease('2026-01-01T00:00:10.000000Z') } }, playback: { playing: true, speed: 1, now: 45_900, epochMs: EPOCH } };
    expect(heartbeatAge(s, 'worker-1')).toBe(35);
    expect(heartbeatAge(s, 'worker-2')).toBeUndefined();
  });
});
