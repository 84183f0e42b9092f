import { describe, expect, it } from 'vitest';
import type { RestRequest } from '../../apiserver/types.ts';
import type { VirtualClock } from '../../component.ts';
import { TestCluster } from '../../testing/testCluster.ts';
import { SchedulerCache } from '../cache.ts';
import { fitErrorMessage, type NodeStatus } from '../fitError.ts';
import type { FilterPlugin, PodInfo } from '../framework.ts';
import { podResources } from '../nodeInfo.ts';
import { NodeResourcesFitFilter } from '../plugins/nodeResourcesFit.ts';
import { TaintTolerationFilter } from '../plugins/taintToleration.ts';
import type { V1Node, V1Pod } from '../types.ts';
import { calculateNumCandidates, createDefaultPreemption } from './defaultPreemption.ts';
import type { PDB } from './victims.ts';

const FILTERS: FilterPlugin[] = [TaintTolerationFilter, NodeResourcesFitFilter];
const clock: VirtualClock = { now: () => 0, nowMs: () => Date.parse('2026-01-01T00:00:00Z'), timestamp: () => '2026-01-01T00:00:00Z', after: () => ({ cancel() {} }) };

function node(name: string, cpu: string, taints?: unknown[]): V1Node {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name }, spec: taints ? { taints } : {}, status: { allocatable: { cpu, memory: '4Gi', pods: '110' } } } as V1Node;
}
function pod(name: string, priority: number, cpu: string, nodeName?: string, extra: Record<string, unknown> = {}): V1Pod {
  return {
    apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: `uid-${name}` },
    spec: { priority, ...(nodeName && { nodeName }), containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu } } }], ...extra },
    status: {},
  } as V1Pod;
}
function info(p: V1Pod): PodInfo {
  const r = podResources(p);
  return { pod: p, key: `default/${p.metadata.name}`, priority: p.spec?.priority ?? 0, requests: r.requested, nonZero: r.nonZero, tolerations: p.spec?.tolerations ?? [], state: new Map() };
}

/** A cache, the filter verdicts a scheduling attempt would give, and a recording REST client. */
function setup(nodes: V1Node[], pods: V1Pod[], incoming: V1Pod, pdbs: PDB[] = []) {
  const cache = new SchedulerCache();
  for (const n of nodes) cache.upsertNode(n);
  for (const p of pods) cache.addOrUpdatePod(p);
  const pi = info(incoming);
  const statuses: NodeStatus[] = [];
  for (const ni of cache.list()) {
    for (const f of FILTERS) {
      const st = f.filter(pi, ni);
      if (st) {
        statuses.push({ node: ni.name, status: st });
        break;
      }
    }
  }
  const requests: RestRequest[] = [];
  const events: string[] = [];
  const pe = createDefaultPreemption({
    cache, filters: FILTERS, clock, userAgent: 'kube-scheduler/v1.34.0', pdbs: () => pdbs,
    request: (r) => {
      requests.push(r as RestRequest);
      return { code: 200, body: {} };
    },
    recorder: { event: (o, type, reason, message) => events.push(`${type} ${reason} ${o.metadata.name}: ${message}`) },
  });
  return { pi, statuses, requests, events, run: () => pe.postFilter(pi, statuses) };
}

const CP_TAINT = [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }];

describe('DefaultPreemption PostFilter messages', () => {
  it('preemptionPolicy Never: not eligible', () => {
    const s = setup([node('n1', '1')], [pod('low', 0, '1', 'n1')], pod('p', 100, '1', undefined, { preemptionPolicy: 'Never' }));
    expect(s.run()).toEqual({ message: 'preemption: not eligible due to preemptionPolicy=Never.' });
    expect(s.requests).toEqual([]);
  });

  it('no victims on the Unschedulable node, the tainted ones not helpful', () => {
    const s = setup(
      [node('cp', '4', CP_TAINT), node('w1', '1'), node('w2', '4', CP_TAINT), node('w3', '4', CP_TAINT)],
      [pod('same', 100, '1', 'w1')],
      pod('p', 100, '1'),
    );
    const r = s.run();
    expect(r.message).toBe('preemption: 0/4 nodes are available: 1 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.');
    expect(fitErrorMessage(4, s.statuses, r.message)).toBe(
      '0/4 nodes are available: 1 Insufficient cpu, 3 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/4 nodes are available: 1 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.',
    );
  });

  it('a node too small even without its lower-priority pods keeps its filter reason', () => {
    const s = setup([node('cp', '4', CP_TAINT), node('w1', '1')], [pod('low', 0, '500m', 'w1')], pod('p', 100, '2'));
    expect(s.run().message).toBe('preemption: 0/2 nodes are available: 1 Insufficient cpu, 1 Preemption is not helpful for scheduling.');
  });

  it('all nodes unresolvable: every one "not helpful"', () => {
    const s = setup([node('cp', '4', CP_TAINT)], [], pod('p', 100, '1'));
    expect(s.run().message).toBe('preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.');
  });

  it('successful preemption: no message, DisruptionTarget, DELETE, Preempted, nomination', () => {
    const s = setup([node('w1', '2'), node('w2', '2')], [pod('a', 5, '2', 'w1'), pod('b', 1, '1', 'w2'), pod('c', 1, '1', 'w2')], pod('p', 100, '1'));
    const r = s.run();
    // w1 would lose a priority-5 pod, w2 one priority-1 pod: the lower highest-priority victim wins.
    expect(r).toEqual({ message: '', nominatedNodeName: 'w2', victims: ['default/c'] });
    expect(s.requests.map((q) => `${q.verb} ${q.path}`)).toEqual([
      'PATCH /api/v1/namespaces/default/pods/c/status',
      'DELETE /api/v1/namespaces/default/pods/c',
      'PATCH /api/v1/namespaces/default/pods/p/status',
    ]);
    expect((s.requests[0]!.body as any).status.conditions).toEqual([{
      type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:00Z',
      reason: 'PreemptionByScheduler', message: 'default-scheduler: preempting to accommodate a higher priority pod',
    }]);
    expect(s.requests[2]!.body).toEqual({ status: { nominatedNodeName: 'w2' } });
    expect(s.events).toEqual(['Normal Preempted c: Preempted by pod uid-p on node w2']);
  });

  it('prefers the node whose victims break no PodDisruptionBudget', () => {
    const guarded = pod('db-0', 1, '2', 'w1');
    (guarded.metadata as any).labels = { app: 'db' };
    const pdbs: PDB[] = [{ metadata: { name: 'db', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'db' } } }, status: { disruptionsAllowed: 0 } }];
    // Without the PDB w1 wins (its victim has the lower priority); with it, w2 does.
    const free = pod('web-0', 5, '2', 'w2');
    expect(setup([node('w1', '2'), node('w2', '2')], [guarded, free], pod('p', 100, '1')).run().nominatedNodeName).toBe('w1');
    expect(setup([node('w1', '2'), node('w2', '2')], [guarded, free], pod('p', 100, '1'), pdbs).run().nominatedNodeName).toBe('w2');
  });

  it('a nominated pod whose victims are still terminating does not preempt again', () => {
    const victim: any = pod('low', 0, '1', 'n1');
    victim.metadata.deletionTimestamp = '2026-01-01T00:00:00Z';
    victim.status = { conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'PreemptionByScheduler' }] };
    const p: any = pod('p', 100, '1');
    p.status = { nominatedNodeName: 'n1' };
    const s = setup([node('n1', '1')], [victim], p);
    expect(s.run().message).toBe('preemption: not eligible due to a terminating pod on the nominated node.');
  });

  it('clears a stale nomination when preemption cannot help any more', () => {
    const p: any = pod('p', 100, '1');
    p.status = { nominatedNodeName: 'cp' };
    const s = setup([node('cp', '4', CP_TAINT)], [], p);
    expect(s.run()).toEqual({ message: 'preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.', nominatedNodeName: '' });
    expect(s.requests.map((q) => [q.verb, q.path, q.body])).toEqual([['PATCH', '/api/v1/namespaces/default/pods/p/status', { status: { nominatedNodeName: null } }]]);
  });

  it('numCandidates: 10% of nodes, at least 100, at most all', () => {
    expect([calculateNumCandidates(5), calculateNumCandidates(500), calculateNumCandidates(5000)]).toEqual([5, 100, 500]);
  });
});

describe('preemption in the engine', () => {
  it('a high-priority pod preempts a low-priority one on a full cluster and binds there', () => {
    const c = new TestCluster({ workers: 1 });
    c.cluster.handle({ verb: 'POST', path: '/apis/scheduling.k8s.io/v1/priorityclasses', body: { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000 } });
    const mk = (name: string, cpu: string, pc?: string) => ({
      apiVersion: 'v1', kind: 'Pod', metadata: { name },
      spec: { ...(pc && { priorityClassName: pc }), terminationGracePeriodSeconds: 5, containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu } } }] },
    });
    expect(c.apply(mk('filler', '1500m'))[0]!.code).toBe(201);
    c.runFor('10s');
    expect((c.pod('filler') as any).spec.nodeName).toBe('worker-1');
    c.apply(mk('vip', '1500m', 'high'));
    // Until the scheduler has preempted, but before the kubelet has finished the victim.
    for (let i = 0; i < 100 && !c.pod('filler')!.metadata.deletionTimestamp; i++) c.runFor('10ms');
    const victim = c.pod('filler') as any;
    expect(victim.metadata.deletionTimestamp).toBeDefined();
    expect(victim.status.conditions.find((x: any) => x.type === 'DisruptionTarget')).toMatchObject({
      status: 'True', reason: 'PreemptionByScheduler', message: 'default-scheduler: preempting to accommodate a higher priority pod',
    });
    const vip = c.pod('vip') as any;
    expect(vip.status.nominatedNodeName).toBe('worker-1');
    expect(vip.spec.nodeName).toBeUndefined();
    const preempted = c.events('filler').filter((e: any) => e.reason === 'Preempted');
    expect(preempted.map((e: any) => [e.type, e.message])).toEqual([['Normal', `Preempted by pod ${vip.metadata.uid} on node worker-1`]]);
    const failed = c.events('vip').filter((e: any) => e.reason === 'FailedScheduling').map((e: any) => e.message);
    expect(failed[0]).toBe('0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.');
    c.runFor('30s');
    expect(c.pod('filler')).toBeUndefined();
    const bound = c.pod('vip') as any;
    expect(bound.spec.nodeName).toBe('worker-1');
    expect(bound.status.nominatedNodeName).toBe('worker-1');
  });
});
