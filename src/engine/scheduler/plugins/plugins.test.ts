import { describe, expect, it } from 'vitest';
import { defaultNormalizeScore, toleratesTaint, type PodInfo } from '../framework.ts';
import { NodeInfo, podResources } from '../nodeInfo.ts';
import { podRequests } from '../resources.ts';
import type { V1Node, V1Pod } from '../types.ts';
import { leastAllocatedScore, leastRequestedScore, NodeResourcesFitFilter, NodeResourcesFitScore } from './nodeResourcesFit.ts';
import { NodeUnschedulable } from './nodeUnschedulable.ts';
import { TaintTolerationFilter, TaintTolerationScore } from './taintToleration.ts';

const Mi = 1024 * 1024;

function node(name: string, spec: Record<string, unknown> = {}, alloc = { cpu: '2', memory: '4Gi', pods: '110' }): NodeInfo {
  return new NodeInfo({ apiVersion: 'v1', kind: 'Node', metadata: { name }, spec, status: { allocatable: alloc } } as V1Node);
}
function pod(spec: Record<string, unknown> = {}): PodInfo {
  const p = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } } as V1Pod;
  const r = podResources(p);
  return { pod: p, key: 'default/p', priority: 0, requests: r.requested, nonZero: r.nonZero, tolerations: p.spec?.tolerations ?? [], state: new Map() };
}
const withReq = (cpu?: string, memory?: string) => ({ containers: [{ name: 'c', image: 'nginx', resources: { requests: { ...(cpu && { cpu }), ...(memory && { memory }) } } }] });

describe('LeastAllocated (least_allocated.go)', () => {
  it.each([
    // requested, capacity, score: (capacity-requested)*100/capacity, integer division
    [0, 4000, 100],
    [1000, 4000, 75],
    [3000, 4000, 25],
    [4000, 4000, 0],
    [5000, 4000, 0],
    [1, 3, 66],
    [0, 0, 0],
  ])('leastRequestedScore(%d, %d) = %d', (req, cap, want) => {
    expect(leastRequestedScore(req, cap)).toBe(want);
  });

  it('averages cpu and memory with weight 1 each (upstream table: nothing scheduled, 3000m/5000 on 4000m/10000)', () => {
    // From least_allocated_test.go "nothing scheduled, resources requested, differently sized nodes":
    // node1 cpu (4000-3000)*100/4000 = 25, mem (10000-5000)*100/10000 = 50 → (25+50)/2 = 37
    expect(leastAllocatedScore(3000, 5000, { nonZeroMilliCPU: 0, nonZeroMemory: 0, allocMilliCPU: 4000, allocMemory: 10000 })).toBe(37);
    // node2 cpu (6000-3000)*100/6000 = 50, mem (10000-5000)*100/10000 = 50 → 50
    expect(leastAllocatedScore(3000, 5000, { nonZeroMilliCPU: 0, nonZeroMemory: 0, allocMilliCPU: 6000, allocMemory: 10000 })).toBe(50);
  });

  it('scores a pod without requests with the non-zero defaults 100m / 200Mi', () => {
    const n = node('n');
    const p = pod();
    expect(p.requests).toEqual({ milliCPU: 0, memory: 0, ephemeralStorage: 0 });
    expect(p.nonZero).toEqual({ milliCPU: 100, memory: 200 * Mi, ephemeralStorage: 0 });
    // cpu (2000-100)*100/2000 = 95, mem (4096-200)*100/4096 = 95 → 95
    expect(NodeResourcesFitScore.score(p, n)).toBe(95);
  });
});

describe('TaintToleration', () => {
  it('filters NoSchedule/NoExecute taints with the upstream reason, ignores PreferNoSchedule', () => {
    const cp = node('cp', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] });
    expect(TaintTolerationFilter.filter(pod(), cp)).toEqual({
      code: 'UnschedulableAndUnresolvable', plugin: 'TaintToleration',
      reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'],
    });
    const ex = node('ex', { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoExecute' }] });
    expect(TaintTolerationFilter.filter(pod(), ex)?.reasons).toEqual(['node(s) had untolerated taint {dedicated: gpu}']);
    expect(TaintTolerationFilter.filter(pod(), node('p', { taints: [{ key: 'a', effect: 'PreferNoSchedule' }] }))).toBeNull();
    const tolerating = pod({ tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] });
    expect(TaintTolerationFilter.filter(tolerating, cp)).toBeNull();
  });

  it('matches tolerations like v1.Toleration.ToleratesTaint', () => {
    const taint = { key: 'k', value: 'v', effect: 'NoSchedule' };
    expect(toleratesTaint({ key: 'k', operator: 'Equal', value: 'v' }, taint)).toBe(true);
    expect(toleratesTaint({ key: 'k', value: 'w' }, taint)).toBe(false);
    expect(toleratesTaint({ operator: 'Exists' }, taint)).toBe(true);
    expect(toleratesTaint({ key: 'k', operator: 'Exists', effect: 'NoExecute' }, taint)).toBe(false);
  });

  it('scores PreferNoSchedule counts with reverse normalization (DefaultNormalizeScore(100, true))', () => {
    const p = pod({ tolerations: [{ key: 'tolerated', operator: 'Exists', effect: 'PreferNoSchedule' }] });
    const nodes = [
      node('a'),
      node('b', { taints: [{ key: 'x', effect: 'PreferNoSchedule' }] }),
      node('c', { taints: [{ key: 'x', effect: 'PreferNoSchedule' }, { key: 'y', value: '1', effect: 'PreferNoSchedule' }, { key: 'tolerated', effect: 'PreferNoSchedule' }] }),
      node('d', { taints: [{ key: 'x', effect: 'PreferNoSchedule' }, { key: 'y', effect: 'PreferNoSchedule' }, { key: 'z', effect: 'PreferNoSchedule' }] }),
    ];
    TaintTolerationScore.preScore!(p, nodes);
    const raw = nodes.map((n) => TaintTolerationScore.score(p, n));
    expect(raw).toEqual([0, 1, 2, 3]);
    TaintTolerationScore.normalizeScore!(p, raw, raw.length);
    // 100 - 100*count/max: 100, 100-33, 100-66, 0
    expect(raw).toEqual([100, 67, 34, 0]);
  });

  it('gives every node 100 when no node has intolerable taints', () => {
    const s = [0, 0, 0];
    defaultNormalizeScore(100, true, s, 3);
    expect(s).toEqual([100, 100, 100]);
  });
});

describe('NodeResourcesFit filter (fitsRequest)', () => {
  it('reports every insufficient resource and the pod count', () => {
    const n = node('n', {}, { cpu: '1', memory: '1Gi', pods: '1' });
    n.addPod({ requested: { milliCPU: 600, memory: 512 * Mi, ephemeralStorage: 0 }, nonZero: { milliCPU: 600, memory: 512 * Mi, ephemeralStorage: 0 }, priority: 0 });
    expect(NodeResourcesFitFilter.filter(pod(withReq('500m', '600Mi')), n)).toEqual({
      code: 'Unschedulable', plugin: 'NodeResourcesFit', reasons: ['Too many pods', 'Insufficient cpu', 'Insufficient memory'],
    });
    expect(NodeResourcesFitFilter.filter(pod(withReq('400m')), node('m', {}, { cpu: '1', memory: '1Gi', pods: '110' }))).toBeNull();
  });

  it('only checks the pod count for a pod requesting nothing', () => {
    const n = node('n', {}, { cpu: '0', memory: '0', pods: '110' });
    expect(NodeResourcesFitFilter.filter(pod(), n)).toBeNull();
  });
});

describe('NodeUnschedulable', () => {
  it('rejects cordoned nodes unless the pod tolerates the unschedulable taint', () => {
    const n = node('n', { unschedulable: true });
    expect(NodeUnschedulable.filter(pod(), n)?.reasons).toEqual(['node(s) were unschedulable']);
    expect(NodeUnschedulable.filter(pod({ tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] }), n)).toBeNull();
  });
});

describe('podRequests (effective requests with init and sidecar containers)', () => {
  it('takes the max of regular+sidecars and init_i+earlier sidecars, plus overhead', () => {
    const p = {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' },
      spec: {
        initContainers: [
          { name: 'i1', image: 'busybox', resources: { requests: { cpu: '2' } } },
          { name: 'side', image: 'busybox', restartPolicy: 'Always', resources: { requests: { cpu: '200m', memory: '100Mi' } } },
          { name: 'i2', image: 'busybox', resources: { requests: { cpu: '1', memory: '1Gi' } } },
        ],
        containers: [{ name: 'a', image: 'nginx', resources: { requests: { cpu: '500m', memory: '256Mi' } } }],
        overhead: { cpu: '10m' },
      },
    } as V1Pod;
    // regular+sidecars: 700m / 356Mi; init max: cpu max(2000, 200, 1200) = 2000, mem max(0, 100Mi, 1124Mi)
    expect(podRequests(p)).toEqual({ milliCPU: 2010, memory: 1124 * Mi, ephemeralStorage: 0 });
  });
});
