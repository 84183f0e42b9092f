import { describe, expect, it } from 'vitest';
import { withDeployment, type KubectlHarness } from './testing.ts';
import type { KubeObject } from '../engine/types.ts';

const pdbYaml = (spec: string, name = 'web') => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${name}
spec:
  ${spec}
  selector:
    matchLabels:
      app: web
`;

async function withPdb(spec: string, replicas = 3): Promise<KubectlHarness> {
  const h = await withDeployment({ replicas });
  h.files['pdb.yaml'] = pdbYaml(spec);
  const a = await h.k('apply -f pdb.yaml');
  if (a.exitCode !== 0) throw new Error(a.stderr);
  await h.io.sleep(1000);
  return h;
}

const getPdb = (h: KubectlHarness, name = 'web') => h.io.request({ verb: 'GET', path: `/apis/policy/v1/namespaces/default/poddisruptionbudgets/${name}` }).body as { status: Record<string, unknown> };
const podNames = (h: KubectlHarness) => ((h.io.request({ verb: 'GET', path: '/api/v1/namespaces/default/pods' }).body as { items: KubeObject[] }).items).map((p) => p.metadata.name);
const evict = (h: KubectlHarness, name: string, extra: Record<string, unknown> = {}) =>
  h.io.request({ verb: 'POST', path: `/api/v1/namespaces/default/pods/${name}/eviction`, body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: 'default' }, ...extra } });

describe('disruption controller and the Eviction API', () => {
  it('computes the status of a minAvailable budget', async () => {
    const h = await withPdb('minAvailable: 2');
    const st = getPdb(h).status;
    expect(st).toMatchObject({ currentHealthy: 3, desiredHealthy: 2, expectedPods: 3, disruptionsAllowed: 1, observedGeneration: 1 });
    expect(st.conditions).toEqual([expect.objectContaining({ type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods', message: '', observedGeneration: 1 })]);
    expect((await h.k('get pdb')).stdout).toMatch(/^NAME {3}MIN AVAILABLE {3}MAX UNAVAILABLE {3}ALLOWED DISRUPTIONS {3}AGE\nweb {4}2 {15}N\/A {15}1 {21}\d+s\n$/);
  });

  it('evicts within the budget, records the disruption, then refuses with 429', async () => {
    const h = await withPdb('maxUnavailable: 1');
    const [a, b] = podNames(h);
    const r1 = evict(h, a!);
    expect(r1.code).toBe(201);
    expect(r1.body).toMatchObject({ kind: 'Status', status: 'Success' });
    const st = getPdb(h).status;
    expect(st.disruptionsAllowed).toBe(0);
    expect(Object.keys(st.disruptedPods as object)).toEqual([a]);
    expect(st.conditions).toEqual([expect.objectContaining({ status: 'False', reason: 'InsufficientPods' })]);
    const r2 = evict(h, b!);
    expect(r2.code).toBe(429);
    expect(r2.body).toMatchObject({
      reason: 'TooManyRequests',
      message: "Cannot evict pod as it would violate the pod's disruption budget.",
      details: { causes: [{ reason: 'DisruptionBudget', message: 'The disruption budget web needs 2 healthy pods and has 3 currently' }] },
    });
    await h.io.sleep(60_000);
    // The replacement is Ready and the evicted pod gone: the entry is cleared, one disruption allowed again.
    const after = getPdb(h).status;
    expect(after).toMatchObject({ currentHealthy: 3, desiredHealthy: 2, disruptionsAllowed: 1 });
    expect(after.disruptedPods).toBeUndefined();
    expect(evict(h, b!).code).toBe(201);
  });

  it('answers bad requests as the API server does', async () => {
    const h = await withPdb('minAvailable: 1');
    expect(evict(h, 'nope').body).toMatchObject({ code: 404, message: 'pods "nope" not found' });
    const [a] = podNames(h);
    const r = h.io.request({ verb: 'POST', path: `/api/v1/namespaces/default/pods/${a}/eviction`, body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'other' } } });
    expect(r.body).toMatchObject({ code: 400, message: 'name in URL does not match name in Eviction object' });
    h.files['pdb2.yaml'] = pdbYaml('minAvailable: 1', 'web2');
    await h.k('apply -f pdb2.yaml');
    expect(evict(h, a!).body).toMatchObject({ code: 500, message: 'Internal error occurred: This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.' });
  });

  it('validates the spec', async () => {
    const h = await withDeployment({ replicas: 1 });
    h.files['bad.yaml'] = pdbYaml('minAvailable: 1\n  maxUnavailable: 120%');
    const r = await h.k('apply -f bad.yaml');
    expect(r.stderr).toBe(
      'The PodDisruptionBudget "web" is invalid: \n* spec: Invalid value: {"minAvailable":1,"selector":{"matchLabels":{"app":"web"}},"maxUnavailable":"120%"}: minAvailable and maxUnavailable cannot be both set\n* spec.maxUnavailable: Invalid value: "120%": must not be greater than 100%\n',
    );
  });
});
