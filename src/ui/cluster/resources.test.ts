import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../protocol/types.ts';
import { allocatableOf, formatBytes, formatCpu, parseQuantity, percent, podRequests, requestedOn } from './resources.ts';

const pod = (spec: unknown, phase = 'Running'): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec, status: { phase } }) as unknown as KubeObject;
const c = (cpu?: string, memory?: string) => ({ name: 'c', resources: { requests: { ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) } } });

describe('parseQuantity', () => {
  it('reads decimal, binary and exponent suffixes', () => {
    expect(parseQuantity('500m')).toBe(0.5);
    expect(parseQuantity('2')).toBe(2);
    expect(parseQuantity('4Gi')).toBe(4 * 2 ** 30);
    expect(parseQuantity('128Mi')).toBe(128 * 2 ** 20);
    expect(parseQuantity('1G')).toBe(1e9);
    expect(parseQuantity('1e3')).toBe(1000);
    expect(parseQuantity('.5')).toBe(0.5);
  });
  it('rejects what ParseQuantity rejects', () => {
    for (const bad of ['', 'abc', '1.2.3', '4GB', '2 cores', '1Qi']) expect(parseQuantity(bad), bad).toBeUndefined();
  });
});

describe('podRequests', () => {
  it('sums containers, takes the largest init container when bigger, adds overhead', () => {
    expect(podRequests(pod({ containers: [c('100m', '64Mi'), c('250m', '128Mi')] }))).toEqual({ cpu: 350, memory: 192 * 2 ** 20 });
    expect(podRequests(pod({ containers: [c('100m')], initContainers: [c('1', '1Gi'), c('200m')] }))).toEqual({ cpu: 1000, memory: 2 ** 30 });
    expect(podRequests(pod({ containers: [c('100m')], overhead: { cpu: '250m', memory: '120Mi' } }))).toEqual({ cpu: 350, memory: 120 * 2 ** 20 });
    expect(podRequests(pod({ containers: [{ name: 'x' }] }))).toEqual({ cpu: 0, memory: 0 });
  });
  it('returns the same object for the same pod (computed once)', () => {
    const p = pod({ containers: [c('1')] });
    expect(podRequests(p)).toBe(podRequests(p));
  });
});

describe('requestedOn / allocatableOf', () => {
  it('counts non-terminated pods only (Succeeded and Failed free their requests)', () => {
    const pods = [pod({ containers: [c('500m', '256Mi')] }), pod({ containers: [c('250m')] }, 'Pending'), pod({ containers: [c('1', '1Gi')] }, 'Succeeded'), pod({ containers: [c('1')] }, 'Failed'), undefined];
    expect(requestedOn(pods)).toEqual({ cpu: 750, memory: 256 * 2 ** 20, pods: 2 });
  });
  it('reads allocatable, else capacity', () => {
    const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'w' }, status: { capacity: { cpu: '4', memory: '8Gi', pods: '110' }, allocatable: { cpu: '3800m', memory: '7Gi', pods: '110' } } } as unknown as KubeObject;
    expect(allocatableOf(node)).toEqual({ cpu: 3800, memory: 7 * 2 ** 30, pods: 110 });
    const bare = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'w' }, status: { capacity: { cpu: '2', memory: '4Gi', pods: '110' } } } as unknown as KubeObject;
    expect(allocatableOf(bare)).toEqual({ cpu: 2000, memory: 4 * 2 ** 30, pods: 110 });
  });
  it('formats like describe node (integer percent) and short units', () => {
    expect(percent(750, 2000)).toBe(37);
    expect(percent(1, 0)).toBe(0);
    expect(formatCpu(750)).toBe('750m');
    expect(formatCpu(2000)).toBe('2');
    expect(formatCpu(1500)).toBe('1.5');
    expect(formatBytes(4 * 2 ** 30)).toBe('4Gi');
    expect(formatBytes(1.5 * 2 ** 30)).toBe('1.5Gi');
    expect(formatBytes(256 * 2 ** 20)).toBe('256Mi');
    expect(formatBytes(0)).toBe('0');
  });
});
