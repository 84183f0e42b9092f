import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster.ts';
import type { Status } from './types.ts';

const PCS = '/apis/scheduling.k8s.io/v1/priorityclasses';
const PODS = '/api/v1/namespaces/default/pods';
const PC = (name: string, value: number, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value, ...extra,
});
const POD = (name: string, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
});
const msg = (r: { body: unknown }) => (r.body as Status).message;

function post(c: TestCluster, path: string, body: unknown) {
  return c.cluster.handle({ verb: 'POST', path, body });
}

describe('PriorityClass API', () => {
  it('has the two system classes from boot', () => {
    const c = new TestCluster({ workers: 1 });
    const items = (c.get(PCS).body as { items: any[] }).items;
    expect(items.map((pc) => [pc.metadata.name, pc.value, pc.preemptionPolicy])).toEqual([
      ['system-cluster-critical', 2000000000, 'PreemptLowerPriority'],
      ['system-node-critical', 2000001000, 'PreemptLowerPriority'],
    ]);
  });

  it('refuses to delete a system class, deletes a user class', () => {
    const c = new TestCluster({ workers: 1 });
    const del = (name: string) => c.cluster.handle({ verb: 'DELETE', path: `${PCS}/${name}` });
    const r = del('system-node-critical');
    expect(r.code).toBe(403);
    expect(msg(r)).toBe('priorityclasses.scheduling.k8s.io "system-node-critical" is forbidden: this is a system priority class and cannot be deleted');
    expect(post(c, PCS, PC('batch', 10)).code).toBe(201);
    expect(del('batch').code).toBe(200);
  });

  it('defaults preemptionPolicy and validates with upstream messages', () => {
    const c = new TestCluster({ workers: 1 });
    const ok = post(c, PCS, PC('high', 1000));
    expect(ok.code).toBe(201);
    expect((ok.body as any).preemptionPolicy).toBe('PreemptLowerPriority');
    expect(msg(post(c, PCS, PC('huge', 1000000001)))).toBe(
      'PriorityClass.scheduling.k8s.io "huge" is invalid: value: Forbidden: maximum allowed value of a user defined priority is 1000000000',
    );
    expect(msg(post(c, PCS, PC('system-mine', 5)))).toBe(
      "PriorityClass.scheduling.k8s.io \"system-mine\" is invalid: metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-mine is not a known system priority class",
    );
    expect(msg(post(c, PCS, PC('bad', 1, { preemptionPolicy: 'Sometimes' })))).toBe(
      'PriorityClass.scheduling.k8s.io "bad" is invalid: preemptionPolicy: Unsupported value: "Sometimes": supported values: "PreemptLowerPriority", "Never"',
    );
  });

  it('keeps value and preemptionPolicy immutable', () => {
    const c = new TestCluster({ workers: 1 });
    post(c, PCS, PC('high', 1000));
    const r = c.cluster.handle({ verb: 'PATCH', path: `${PCS}/high`, body: { value: 5, preemptionPolicy: 'Never' }, patchType: 'application/merge-patch+json' });
    expect(msg(r)).toBe(
      'PriorityClass.scheduling.k8s.io "high" is invalid: [value: Forbidden: may not be changed in an update., preemptionPolicy: Invalid value: "Never": field is immutable]',
    );
  });

  it('allows only one globalDefault', () => {
    const c = new TestCluster({ workers: 1 });
    expect(post(c, PCS, PC('default-a', 10, { globalDefault: true })).code).toBe(201);
    const r = post(c, PCS, PC('default-b', 20, { globalDefault: true }));
    expect(r.code).toBe(403);
    expect(msg(r)).toBe('priorityclasses.scheduling.k8s.io "default-b" is forbidden: PriorityClass default-a is already marked as default. Only one default can exist');
    // Updating the default itself is fine.
    const u = c.cluster.handle({ verb: 'PATCH', path: `${PCS}/default-a`, body: { description: 'x' }, patchType: 'application/merge-patch+json' });
    expect(u.code).toBe(200);
  });
});

describe('Priority admission', () => {
  it('resolves priorityClassName into priority and preemptionPolicy', () => {
    const c = new TestCluster({ workers: 1 });
    post(c, PCS, PC('batch', 100, { preemptionPolicy: 'Never' }));
    const pod = post(c, PODS, POD('a', { priorityClassName: 'batch' })).body as any;
    expect(pod.spec.priority).toBe(100);
    expect(pod.spec.preemptionPolicy).toBe('Never');
    const sys = post(c, PODS, POD('b', { priorityClassName: 'system-node-critical' })).body as any;
    expect(sys.spec.priority).toBe(2000001000);
  });

  it('uses the globalDefault class for pods without one, else priority 0', () => {
    const c = new TestCluster({ workers: 1 });
    const plain = post(c, PODS, POD('a')).body as any;
    expect([plain.spec.priority, plain.spec.preemptionPolicy, plain.spec.priorityClassName]).toEqual([0, 'PreemptLowerPriority', undefined]);
    post(c, PCS, PC('everyone', 7, { globalDefault: true }));
    const pod = post(c, PODS, POD('b')).body as any;
    expect([pod.spec.priority, pod.spec.priorityClassName]).toEqual([7, 'everyone']);
  });

  it('rejects unknown classes and a priority that differs from the class', () => {
    const c = new TestCluster({ workers: 1 });
    expect(msg(post(c, PODS, POD('a', { priorityClassName: 'gold' })))).toBe('pods "a" is forbidden: no PriorityClass with name gold was found');
    post(c, PCS, PC('high', 1000));
    expect(msg(post(c, PODS, POD('b', { priorityClassName: 'high', priority: 5 })))).toBe(
      'pods "b" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 1000 from the given PriorityClass name',
    );
    expect(post(c, PODS, POD('c', { priorityClassName: 'high', priority: 1000 })).code).toBe(201);
    expect(msg(post(c, PODS, POD('d', { priority: 3 })))).toBe(
      'pods "d" is forbidden: the integer value of priority (3) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name',
    );
  });

  it('keeps the admitted priority when an update omits it', () => {
    const c = new TestCluster({ workers: 1 });
    post(c, PCS, PC('high', 1000));
    const pod = post(c, PODS, POD('a', { priorityClassName: 'high' })).body as any;
    const { priority: _p, preemptionPolicy: _pp, ...spec } = pod.spec;
    const r = c.cluster.handle({ verb: 'PUT', path: `${PODS}/a`, body: { ...pod, metadata: { ...pod.metadata, labels: { x: 'y' } }, spec } });
    expect(r.code).toBe(200);
    expect((r.body as any).spec.priority).toBe(1000);
  });
});
