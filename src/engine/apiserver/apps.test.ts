import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster.ts';
import type { Status } from './types.ts';

const DEPLOY = `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports: [{containerPort: 80}]
        resources: {limits: {cpu: 500m}}
`;
const DEPLOYS = '/apis/apps/v1/namespaces/default/deployments';
const RSS = '/apis/apps/v1/namespaces/default/replicasets';
const msg = (r: { body: unknown }) => (r.body as Status).message;

describe('apps/v1 deployments and replicasets: registration and defaulting', () => {
  it('stores a defaulted Deployment applied from YAML', () => {
    const c = new TestCluster({ workers: 1 });
    const [r] = c.apply(DEPLOY);
    expect(r.code).toBe(201);
    const d = c.get(`${DEPLOYS}/web`).body as any;
    expect(d.apiVersion).toBe('apps/v1');
    expect(d.kind).toBe('Deployment');
    expect(d.metadata.generation).toBe(1);
    expect(d.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(d.spec).toMatchObject({
      replicas: 1,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    });
    expect(d.spec.minReadySeconds).toBeUndefined();
    const t = d.spec.template.spec;
    expect(t).toEqual({
      containers: [
        {
          name: 'web',
          image: 'nginx:1.27',
          imagePullPolicy: 'IfNotPresent',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          // SetDefaults_Pod's limits → requests does not apply to templates.
          resources: { limits: { cpu: '500m' } },
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
      schedulerName: 'default-scheduler',
    });
    expect(d.status).toEqual({});
    expect((c.get(DEPLOYS).body as any).kind).toBe('DeploymentList');
  });

  it('keeps a Recreate strategy without rollingUpdate and defaults a ReplicaSet', () => {
    const c = new TestCluster({ workers: 1 });
    const doc = DEPLOY.replace('spec:\n  selector', 'spec:\n  strategy: {type: Recreate}\n  selector');
    expect(c.apply(doc)[0].code).toBe(201);
    expect((c.get(`${DEPLOYS}/web`).body as any).spec.strategy).toEqual({ type: 'Recreate' });
    const rs = DEPLOY.replace('kind: Deployment', 'kind: ReplicaSet');
    expect(c.apply(rs)[0].code).toBe(201);
    const got = c.get(`${RSS}/web`).body as any;
    expect(got.spec.replicas).toBe(1);
    expect(got.spec.strategy).toBeUndefined();
    expect(got.spec.revisionHistoryLimit).toBeUndefined();
    expect(got.status).toEqual({});
    expect(got.metadata.generation).toBe(1);
  });

  it('decodes strictly against the apps/v1 schema', () => {
    const c = new TestCluster({ workers: 1 });
    const r = c.apply(DEPLOY.replace('  selector:', '  replica: 3\n  selector:'))[0];
    expect(r.code).toBe(400);
    expect(msg(r)).toBe('Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"');
    const r2 = c.apply(DEPLOY.replace('  selector:', '  replicas: "3"\n  selector:'))[0];
    expect(msg(r2)).toBe('Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32');
  });

  it('bumps a Deployment generation on spec or annotation changes, never on status writes', () => {
    const c = new TestCluster({ workers: 1 });
    c.apply(DEPLOY);
    const h = c.cluster;
    const path = `${DEPLOYS}/web`;
    const patch = (body: unknown, sub = '') => h.handle({ verb: 'PATCH', path: path + sub, body, patchType: 'application/merge-patch+json' });
    expect((patch({ spec: { replicas: 3 } }).body as any).metadata.generation).toBe(2);
    expect((patch({ metadata: { annotations: { a: 'b' } } }).body as any).metadata.generation).toBe(3);
    expect((patch({ metadata: { labels: { x: 'y' } } }).body as any).metadata.generation).toBe(3);
    // A main-resource write cannot change status.
    expect((patch({ status: { replicas: 7 } }).body as any).status).toEqual({});
    // A status write cannot change spec or labels, and keeps the generation.
    const s = patch({ spec: { replicas: 9 }, metadata: { labels: { z: 'z' } }, status: { replicas: 3, observedGeneration: 3 } }, '/status').body as any;
    expect(s.spec.replicas).toBe(3);
    expect(s.metadata.labels).toEqual({ x: 'y' });
    expect(s.status).toEqual({ replicas: 3, observedGeneration: 3 });
    expect(s.metadata.generation).toBe(3);
  });

  it('bumps a ReplicaSet generation on spec changes only', () => {
    const c = new TestCluster({ workers: 1 });
    c.apply(DEPLOY.replace('kind: Deployment', 'kind: ReplicaSet'));
    const path = `${RSS}/web`;
    const patch = (body: unknown) => c.cluster.handle({ verb: 'PATCH', path, body, patchType: 'application/merge-patch+json' }).body as any;
    expect(patch({ metadata: { annotations: { a: 'b' } } }).metadata.generation).toBe(1);
    expect(patch({ spec: { replicas: 2 } }).metadata.generation).toBe(2);
  });

  it('serves the short field selector status.replicas for replicasets', () => {
    const c = new TestCluster({ workers: 1 });
    c.apply(DEPLOY.replace('kind: Deployment', 'kind: ReplicaSet'));
    expect(c.cluster.handle({ verb: 'GET', path: RSS, query: { fieldSelector: 'status.replicas=0' } }).code).toBe(200);
  });
});
