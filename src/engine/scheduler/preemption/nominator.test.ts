import { describe, expect, it } from 'vitest';
import type { VirtualClock } from '../../component.ts';
import { SchedulerCache } from '../cache.ts';
import type { NodeStatus } from '../fitError.ts';
import type { FilterPlugin, PodInfo } from '../framework.ts';
import { NodeInfo, podResources } from '../nodeInfo.ts';
import { NodeResourcesFitFilter } from '../plugins/nodeResourcesFit.ts';
import type { V1Node, V1Pod } from '../types.ts';
import { createDefaultPreemption } from './defaultPreemption.ts';
import { runFilterPluginsWithNominatedPods } from './nominator.ts';

const FILTERS: FilterPlugin[] = [NodeResourcesFitFilter];
const clock: VirtualClock = { now: () => 0, nowMs: () => Date.parse('2026-01-01T00:00:00Z'), timestamp: () => '2026-01-01T00:00:00Z', after: () => ({ cancel() {} }) };
const node = (name: string, cpu: string) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name }, spec: {}, status: { allocatable: { cpu, memory: '4Gi', pods: '110' } } }) as V1Node;
function pod(name: string, priority: number, cpu: string, nodeName?: string): V1Pod {
  return {
    apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: `uid-${name}` },
    spec: { priority, ...(nodeName && { nodeName }), containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu } } }] }, status: {},
  } as V1Pod;
}
function info(p: V1Pod): PodInfo {
  const r = podResources(p);
  return { pod: p, key: `default/${p.metadata.name}`, priority: p.spec?.priority ?? 0, requests: r.requested, nonZero: r.nonZero, tolerations: [], state: new Map() };
}

describe('RunFilterPluginsWithNominatedPods', () => {
  const ni = new NodeInfo(node('n1', '2'));
  it('counts equal- or higher-priority nominated pods, not lower ones, and restores the node', () => {
    expect(runFilterPluginsWithNominatedPods(info(pod('p', 10, '1500m')), ni, FILTERS, [pod('higher', 10, '1')])).toMatchObject({ reasons: ['Insufficient cpu'] });
    expect(runFilterPluginsWithNominatedPods(info(pod('p', 10, '1500m')), ni, FILTERS, [pod('lower', 9, '1')])).toBeNull();
    expect([ni.reqMilliCPU, ni.pods.size]).toEqual([0, 0]);
  });
  it('ignores the pod itself', () => {
    expect(runFilterPluginsWithNominatedPods(info(pod('p', 10, '1500m')), ni, FILTERS, [pod('p', 10, '1500m')])).toBeNull();
  });
});

describe('nominations in preemption', () => {
  it('a second preemptor does not take the node freed for the first one', () => {
    const cache = new SchedulerCache();
    cache.upsertNode(node('w1', '2'));
    cache.upsertNode(node('w2', '2'));
    cache.addOrUpdatePod(pod('a', 1, '2', 'w1'));
    cache.addOrUpdatePod(pod('b', 1, '2', 'w2'));
    const live = new Map<string, V1Pod>();
    const patches: string[] = [];
    const pe = createDefaultPreemption({
      cache, filters: FILTERS, clock, userAgent: 'kube-scheduler/v1.34.0',
      recorder: { event() {} },
      informer: ((path: string) => ({ get: (k: string) => (path === '/api/v1/pods' ? live.get(k) : undefined), list: () => [], addEventHandler() {} })) as any,
      request: (r) => {
        if (r.verb === 'PATCH' && r.path.endsWith('/status')) patches.push(`${r.path.split('/')[6]} ${JSON.stringify(r.body)}`);
        return { code: 200, body: {} };
      },
    });
    const statuses: NodeStatus[] = [
      { node: 'w1', status: { code: 'Unschedulable', reasons: ['Insufficient cpu'], plugin: 'NodeResourcesFit' } },
      { node: 'w2', status: { code: 'Unschedulable', reasons: ['Insufficient cpu'], plugin: 'NodeResourcesFit' } },
    ];
    const p1 = pod('p1', 100, '2');
    const p2 = pod('p2', 100, '2');
    live.set('default/p1', p1);
    live.set('default/p2', p2);
    expect(pe.postFilter(info(p1), statuses).nominatedNodeName).toBe('w1');
    expect(pe.nominatedPodsForNode('w1').map((p) => p.metadata.name)).toEqual(['p1']);
    // The victim on w1 is still terminating (still in the cache): p2 must look elsewhere.
    expect(pe.postFilter(info(p2), statuses).nominatedNodeName).toBe('w2');
    // A still-higher pod that needs w1 clears p1's nomination there (p2 has no business on w1).
    const p3 = pod('p3', 1000, '2');
    live.set('default/p3', p3);
    cache.removePod(pod('b', 1, '2', 'w2'));
    cache.addOrUpdatePod(pod('c', 50, '2', 'w2'));
    expect(pe.postFilter(info(p3), statuses).nominatedNodeName).toBe('w1');
    expect(patches.filter((x) => x.startsWith('p1 '))).toEqual(['p1 {"status":{"nominatedNodeName":"w1"}}', 'p1 {"status":{"nominatedNodeName":null}}']);
    // Once bound, a pod is no longer nominated.
    live.set('default/p3', { ...p3, spec: { ...p3.spec!, nodeName: 'w1' } });
    expect(pe.nominatedPodsForNode('w1')).toEqual([]);
  });
});
