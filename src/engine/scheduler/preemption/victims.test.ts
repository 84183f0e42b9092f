import { describe, expect, it } from 'vitest';
import type { PodInfo } from '../framework.ts';
import { NodeInfo, podResources } from '../nodeInfo.ts';
import { NodeResourcesFitFilter } from '../plugins/nodeResourcesFit.ts';
import { podKey, type V1Node, type V1Pod } from '../types.ts';
import { pickOneNodeForPreemption } from './pickOne.ts';
import { filterPodsWithPDBViolation, moreImportantPod, selectVictimsOnNode, type PDB, type Victims } from './victims.ts';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const FILTERS = [NodeResourcesFitFilter];

function mkPod(name: string, priority: number, cpu: string, extra: { labels?: Record<string, string>; startTime?: string } = {}): V1Pod {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, namespace: 'default', ...(extra.labels && { labels: extra.labels }) },
    spec: { priority, containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu } } }] },
    status: extra.startTime ? { startTime: extra.startTime } : {},
  } as V1Pod;
}
function preemptor(priority: number, cpu: string): PodInfo {
  const p = mkPod('preemptor', priority, cpu);
  const r = podResources(p);
  return { pod: p, key: 'default/preemptor', priority, requests: r.requested, nonZero: r.nonZero, tolerations: [], state: new Map() };
}
function mkNode(name: string, cpu: string, pods: V1Pod[]): NodeInfo {
  const ni = new NodeInfo({ apiVersion: 'v1', kind: 'Node', metadata: { name }, spec: {}, status: { allocatable: { cpu, memory: '4Gi', pods: '110' } } } as V1Node);
  for (const p of pods) {
    ni.addPod(podResources(p));
    ni.pods.set(podKey(p), p);
  }
  return ni;
}
const names = (ps: V1Pod[]) => ps.map((p) => p.metadata.name);
const pdb = (name: string, app: string, disruptionsAllowed: number, disruptedPods?: Record<string, string>): PDB => ({
  metadata: { name, namespace: 'default' }, spec: { selector: { matchLabels: { app } } }, status: { disruptionsAllowed, ...(disruptedPods && { disruptedPods }) },
});

describe('SelectVictimsOnNode (default_preemption.go)', () => {
  it('evicts the fewest lower-priority pods, reprieving the most important first', () => {
    // 4 cpu node: p3 (prio 3, 2 cpu) is reprieved, p2 and p1 must go for a 2-cpu preemptor.
    const ni = mkNode('n1', '4', [mkPod('p1', 1, '1'), mkPod('p2', 2, '1'), mkPod('p3', 3, '2')]);
    const r = selectVictimsOnNode(preemptor(10, '2'), ni, FILTERS, [], T0);
    expect(r.status).toBeNull();
    expect(names(r.victims)).toEqual(['p2', 'p1']);
    expect(r.numPDBViolations).toBe(0);
  });

  it('keeps equal- and higher-priority pods; no lower-priority pod → "No preemption victims found" (UnschedulableAndUnresolvable)', () => {
    const ni = mkNode('n1', '2', [mkPod('same', 10, '1'), mkPod('higher', 20, '1')]);
    const r = selectVictimsOnNode(preemptor(10, '1'), ni, FILTERS, [], T0);
    expect(r.status).toEqual({ code: 'UnschedulableAndUnresolvable', reasons: ['No preemption victims found for incoming pod'], plugin: 'DefaultPreemption' });
    expect(r.victims).toEqual([]);
  });

  it('returns the filter status when the pod does not fit even with every lower-priority pod gone', () => {
    const ni = mkNode('n1', '2', [mkPod('low', 1, '1'), mkPod('high', 20, '1')]);
    const r = selectVictimsOnNode(preemptor(10, '2'), ni, FILTERS, [], T0);
    expect(r.status).toMatchObject({ code: 'Unschedulable', reasons: ['Insufficient cpu'] });
  });

  it('reprieves PDB-violating pods before the others (fewer PDB violations)', () => {
    // Both pods 1 cpu on a full 2-cpu node; the preemptor needs 1 cpu: the PDB-protected pod
    // is tried first and stays, the other one goes.
    const ni = mkNode('n1', '2', [mkPod('free', 1, '1'), mkPod('guarded', 1, '1', { labels: { app: 'db' } })]);
    const r = selectVictimsOnNode(preemptor(10, '1'), ni, FILTERS, [pdb('db', 'db', 0)], T0);
    expect(names(r.victims)).toEqual(['free']);
    expect(r.numPDBViolations).toBe(0);
  });

  it('counts a PDB violation when a protected pod must go anyway', () => {
    const ni = mkNode('n1', '2', [mkPod('free', 1, '1'), mkPod('guarded', 1, '1', { labels: { app: 'db' } })]);
    const r = selectVictimsOnNode(preemptor(10, '2'), ni, FILTERS, [pdb('db', 'db', 0)], T0);
    expect(names(r.victims).sort()).toEqual(['free', 'guarded']);
    expect(r.numPDBViolations).toBe(1);
  });
});

describe('filterPodsWithPDBViolation', () => {
  it('spends disruptionsAllowed in order; disruptedPods and other namespaces spend nothing; unlabelled pods never match', () => {
    const a = mkPod('a', 0, '1', { labels: { app: 'web' } });
    const b = mkPod('b', 0, '1', { labels: { app: 'web' } });
    const c = mkPod('c', 0, '1', { labels: { app: 'web' } });
    const d = mkPod('d', 0, '1');
    const other = { ...mkPod('e', 0, '1', { labels: { app: 'web' } }), metadata: { name: 'e', namespace: 'other', labels: { app: 'web' } } } as V1Pod;
    const r = filterPodsWithPDBViolation([a, b, c, d, other], [pdb('web', 'web', 1, { b: '2026-01-01T00:00:00Z' })]);
    // a spends the only disruption, b is already disrupted, c violates.
    expect(names(r.violating)).toEqual(['c']);
    expect(names(r.nonViolating)).toEqual(['a', 'b', 'd', 'e']);
  });

  it('an empty selector matches nothing', () => {
    const r = filterPodsWithPDBViolation([mkPod('a', 0, '1', { labels: { app: 'web' } })], [{ metadata: { name: 'all', namespace: 'default' }, spec: { selector: {} }, status: { disruptionsAllowed: 0 } }]);
    expect(names(r.violating)).toEqual([]);
  });
});

describe('MoreImportantPod', () => {
  it('orders by priority, then by earlier start time', () => {
    expect(moreImportantPod(mkPod('a', 2, '1'), mkPod('b', 1, '1'), T0)).toBe(true);
    const early = mkPod('early', 1, '1', { startTime: '2026-01-01T00:00:00Z' });
    const late = mkPod('late', 1, '1', { startTime: '2026-01-01T00:01:00Z' });
    expect(moreImportantPod(early, late, T0 + 3600e3)).toBe(true);
    expect(moreImportantPod(late, early, T0 + 3600e3)).toBe(false);
  });
});

describe('pickOneNodeForPreemption (preemption_test.go TestPickOneNodeForPreemption)', () => {
  const v = (pods: V1Pod[], numPDBViolations = 0): Victims => ({ pods, numPDBViolations });
  const pick = (m: [string, Victims][]) => pickOneNodeForPreemption(new Map(m), T0 + 3600e3);

  it('no candidates → ""', () => expect(pick([])).toBe(''));
  it('a node with fewer PDB violations wins', () => {
    expect(pick([['n1', v([mkPod('a', 1, '1')], 1)], ['n2', v([mkPod('b', 5, '1'), mkPod('c', 5, '1')], 0)]])).toBe('n2');
  });
  it('then the node whose highest-priority victim is lowest', () => {
    expect(pick([['n1', v([mkPod('a', 5, '1')])], ['n2', v([mkPod('b', 3, '1'), mkPod('c', 3, '1')])]])).toBe('n2');
  });
  it('then the smallest sum of priorities', () => {
    expect(pick([['n1', v([mkPod('a', 3, '1'), mkPod('b', 2, '1')])], ['n2', v([mkPod('c', 3, '1'), mkPod('d', 1, '1')])]])).toBe('n2');
  });
  it('negative priorities: shifted by MaxInt32+1, so fewer pods still win', () => {
    expect(pick([['n1', v([mkPod('a', -10, '1'), mkPod('b', -10, '1')])], ['n2', v([mkPod('c', -10, '1')])]])).toBe('n2');
  });
  it('equal sums and counts fall through to the next criterion (start time: both unstarted → now) and the first node', () => {
    expect(pick([['n1', v([mkPod('a', 1, '1'), mkPod('b', 1, '1')])], ['n2', v([mkPod('c', 1, '1'), mkPod('d', 1, '1')])]])).toBe('n1');
  });
  it('then the latest start time among the highest-priority victims', () => {
    const early = mkPod('a', 2, '1', { startTime: '2026-01-01T00:00:00Z' });
    const late = mkPod('b', 2, '1', { startTime: '2026-01-01T00:10:00Z' });
    expect(pick([['n1', v([early])], ['n2', v([late])]])).toBe('n2');
  });
  it('all criteria tied → the first candidate', () => {
    expect(pick([['n1', v([mkPod('a', 1, '1')])], ['n2', v([mkPod('b', 1, '1')])]])).toBe('n1');
  });
});
