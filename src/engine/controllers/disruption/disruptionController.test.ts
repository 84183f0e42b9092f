import { describe, expect, it } from 'vitest';
import { TestCluster } from '../../testing/testCluster.ts';

const DEPLOY = (replicas: number) => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx:1.27}]
`;
const PDB = (spec: string) => `
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web}
spec:
  ${spec}
  selector: {matchLabels: {app: web}}
`;
const status = (c: TestCluster) => (c.get('/apis/policy/v1/namespaces/default/poddisruptionbudgets/web').body as { status: Record<string, unknown> }).status;

describe('disruption controller', () => {
  it('uses the Deployment scale for percentages, rounding up', () => {
    const c = new TestCluster({ workers: 2 });
    c.apply(DEPLOY(3));
    c.apply(PDB('maxUnavailable: 50%'));
    c.runFor('30s');
    expect(status(c)).toMatchObject({ expectedPods: 3, desiredHealthy: 1, currentHealthy: 3, disruptionsAllowed: 2, observedGeneration: 1 });
    // Scaling up moves expectedPods before the new pods are Ready.
    c.scale('deployments', 'web', 5);
    c.runFor('100ms');
    expect(status(c)).toMatchObject({ expectedPods: 5, desiredHealthy: 2 });
    c.runFor('30s');
    expect(status(c)).toMatchObject({ expectedPods: 5, desiredHealthy: 2, currentHealthy: 5, disruptionsAllowed: 3 });
  });

  it('says so when a percentage budget selects pods without a controller', () => {
    const c = new TestCluster({ workers: 1 });
    c.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bare', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } });
    c.apply(PDB('minAvailable: 50%'));
    c.runFor('30s');
    expect(status(c)).toMatchObject({ expectedPods: 0, desiredHealthy: 0, currentHealthy: 1, disruptionsAllowed: 0 });
    const ev = c.events('web').find((e) => (e as { reason?: string }).reason === 'UnmanagedPods') as { type: string; message: string } | undefined;
    expect(ev?.type).toBe('Warning');
    expect(ev?.message).toMatch(/^Pods selected by this PodDisruptionBudget \(selector: app=web\) were found to be unmanaged\./);
  });

  it('reports NoPods for a budget that selects nothing', () => {
    const c = new TestCluster({ workers: 1 });
    c.apply(PDB('minAvailable: 1'));
    c.runFor('1s');
    expect(status(c)).toMatchObject({ expectedPods: 0, desiredHealthy: 1, currentHealthy: 0, disruptionsAllowed: 0 });
    expect((status(c).conditions as unknown[])[0]).toMatchObject({ type: 'DisruptionAllowed', status: 'False', reason: 'InsufficientPods' });
    expect(c.events('web').map((e) => (e as { reason?: string }).reason)).toContain('NoPods');
  });
});
