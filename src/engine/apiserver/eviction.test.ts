import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster.ts';

const DEPLOY = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
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
const PDBS = '/apis/policy/v1/namespaces/default/poddisruptionbudgets';

function setup(spec: string): TestCluster {
  const c = new TestCluster({ workers: 2 });
  c.apply(DEPLOY);
  c.runFor('30s');
  c.apply(PDB(spec));
  c.runFor('1s');
  return c;
}
const evict = (c: TestCluster, name: string, deleteOptions?: Record<string, unknown>) =>
  c.cluster.handle({ verb: 'POST', path: `/api/v1/namespaces/default/pods/${name}/eviction`, body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name }, ...(deleteOptions ? { deleteOptions } : {}) } });

describe('Eviction API', () => {
  it('traces the request as an eviction', () => {
    const c = setup('maxUnavailable: 1');
    const name = c.pods()[0]!.metadata.name;
    expect(evict(c, name).code).toBe(201);
    expect(c.spansOf('apiEvict')[0]!).toMatchObject({ summary: `kubectl asked the API server to evict Pod default/${name}.`, args: { who: 'kubectl', pod: `default/${name}` } });
    expect(c.pod(name)!.metadata.deletionTimestamp).toBeDefined();
  });

  it('changes nothing on a dry run', () => {
    const c = setup('maxUnavailable: 1');
    const name = c.pods()[0]!.metadata.name;
    expect(evict(c, name, { dryRun: ['All'] }).code).toBe(201);
    expect(c.pod(name)!.metadata.deletionTimestamp).toBeUndefined();
    expect((c.get(`${PDBS}/web`).body as { status: { disruptionsAllowed: number } }).status.disruptionsAllowed).toBe(1);
  });

  it('honours deleteOptions.gracePeriodSeconds and skips the budget for terminating pods', () => {
    const c = setup('minAvailable: 2');
    const name = c.pods()[0]!.metadata.name;
    expect(evict(c, name).code).toBe(429);
    c.cluster.handle({ verb: 'DELETE', path: `/api/v1/namespaces/default/pods/${name}`, body: { gracePeriodSeconds: 30 } });
    // Already terminating: canIgnorePDB, so the eviction goes through and may shorten the grace period.
    expect(evict(c, name, { gracePeriodSeconds: 0 }).code).toBe(201);
  });

  it('refuses with 429 while the budget has not been observed at its generation', () => {
    const c = setup('maxUnavailable: 1');
    const pdb = c.get(`${PDBS}/web`).body as Record<string, any>;
    pdb.spec.maxUnavailable = 0;
    c.cluster.handle({ verb: 'PUT', path: `${PDBS}/web`, body: pdb });
    const r = evict(c, c.pods()[0]!.metadata.name);
    expect(r.code).toBe(429);
    expect((r.body as any).details).toEqual({ causes: [{ reason: 'DisruptionBudget', message: 'The disruption budget web is still being processed by the server.' }], retryAfterSeconds: 10 });
  });
});
