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
    const sel = (fieldSelector: string) => (c.cluster.handle({ verb: 'GET', path: RSS, query: { fieldSelector } }).body as any).items.length;
    // An unset status.replicas selects as its Go zero value.
    expect(sel('status.replicas=0')).toBe(1);
    expect(sel('status.replicas!=0')).toBe(0);
  });
});

describe('apps/v1 validation (upstream messages)', () => {
  const create = (c: TestCluster, mutate: (d: any) => void, kind = 'Deployment') => {
    const d: any = {
      apiVersion: 'apps/v1',
      kind,
      metadata: { name: 'web' },
      spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
    };
    mutate(d);
    return c.cluster.handle({ verb: 'POST', path: kind === 'Deployment' ? DEPLOYS : RSS, body: d });
  };
  const c = new TestCluster({ workers: 1 });
  const cases: [string, (d: any) => void, string][] = [
    [
      'selector does not match template labels',
      (d) => (d.spec.template.metadata.labels = { tier: 'fe', app: 'x' }),
      'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"x","tier":"fe"}: `selector` does not match template `labels`',
    ],
    [
      'missing selector',
      (d) => delete d.spec.selector,
      'Deployment.apps "web" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`]',
    ],
    ['empty selector', (d) => (d.spec.selector = {}), 'Deployment.apps "web" is invalid: spec.selector: Invalid value: {}: empty selector is invalid for deployment'],
    ['negative replicas', (d) => (d.spec.replicas = -1), 'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    [
      'maxSurge 0 and maxUnavailable 0',
      (d) => (d.spec.strategy = { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } }),
      'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0',
    ],
    [
      'maxSurge "0%" and maxUnavailable "0%"',
      (d) => (d.spec.strategy = { rollingUpdate: { maxSurge: '0%', maxUnavailable: '0%' } }),
      'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0',
    ],
    [
      'maxUnavailable over 100%',
      (d) => (d.spec.strategy = { rollingUpdate: { maxUnavailable: '150%' } }),
      'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "150%": must not be greater than 100%',
    ],
    [
      'a bad percent string',
      (d) => (d.spec.strategy = { rollingUpdate: { maxSurge: 'half' } }),
      `Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxSurge: Invalid value: "half": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`,
    ],
    [
      'a negative int maxSurge',
      (d) => (d.spec.strategy = { rollingUpdate: { maxSurge: -2 } }),
      'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxSurge: Invalid value: -2: must be greater than or equal to 0',
    ],
    [
      'rollingUpdate with Recreate',
      (d) => (d.spec.strategy = { type: 'Recreate', rollingUpdate: { maxSurge: 1 } }),
      "Deployment.apps \"web\" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
    ],
    [
      'an unknown strategy type',
      (d) => (d.spec.strategy = { type: 'BlueGreen' }),
      'Deployment.apps "web" is invalid: spec.strategy: Unsupported value: {"type":"BlueGreen"}: supported values: "Recreate", "RollingUpdate"',
    ],
    [
      'restartPolicy Never',
      (d) => (d.spec.template.spec.restartPolicy = 'Never'),
      'Deployment.apps "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ],
    [
      'activeDeadlineSeconds',
      (d) => (d.spec.template.spec.activeDeadlineSeconds = 30),
      'Deployment.apps "web" is invalid: spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported',
    ],
    [
      'negative minReadySeconds and revisionHistoryLimit',
      (d) => Object.assign(d.spec, { minReadySeconds: -1, revisionHistoryLimit: -1 }),
      'Deployment.apps "web" is invalid: [spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0, spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0]',
    ],
    [
      'progressDeadlineSeconds not above minReadySeconds',
      (d) => Object.assign(d.spec, { minReadySeconds: 30, progressDeadlineSeconds: 30 }),
      'Deployment.apps "web" is invalid: spec.progressDeadlineSeconds: Invalid value: 30: must be greater than minReadySeconds',
    ],
    [
      'the pod template spec (paths under spec.template.spec)',
      (d) => (d.spec.template.spec.containers = [{ name: 'Web' }]),
      `Deployment.apps "web" is invalid: [spec.template.spec.containers[0].name: Invalid value: "Web": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?'), spec.template.spec.containers[0].image: Required value]`,
    ],
    [
      'a bad selector operator',
      (d) => (d.spec.selector = { matchExpressions: [{ key: 'app', operator: 'Is', values: ['web'] }] }),
      'Deployment.apps "web" is invalid: [spec.selector.matchExpressions[0].operator: Invalid value: "Is": not a valid selector operator, spec.selector: Invalid value: {"matchExpressions":[{"key":"app","operator":"Is","values":["web"]}]}: invalid label selector]',
    ],
  ];
  for (const [name, mutate, message] of cases) {
    it(`rejects ${name}`, () => {
      const r = create(c, mutate);
      expect(r.code).toBe(422);
      expect(msg(r)).toBe(message);
    });
  }

  it('accepts matchExpressions that match the template', () => {
    const r = create(c, (d) => (d.spec.selector = { matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'api'] }] }), 'ReplicaSet');
    expect(r.code).toBe(201);
  });

  it('validates ReplicaSets with the same template rules', () => {
    const c2 = new TestCluster({ workers: 1 });
    const r = create(c2, (d) => {
      d.spec.replicas = -1;
      d.spec.selector = {};
    }, 'ReplicaSet');
    expect(msg(r)).toBe('ReplicaSet.apps "web" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.selector: Invalid value: {}: empty selector is invalid for deployment]');
  });

  it('keeps the selector immutable on update', () => {
    const c2 = new TestCluster({ workers: 1 });
    expect(create(c2, () => {}).code).toBe(201);
    const r = c2.cluster.handle({
      verb: 'PATCH',
      path: `${DEPLOYS}/web`,
      body: { spec: { selector: { matchLabels: { app: 'web2' } }, template: { metadata: { labels: { app: 'web2' } } } } },
      patchType: 'application/strategic-merge-patch+json',
    });
    expect(r.code).toBe(422);
    expect(msg(r)).toBe('Deployment.apps "web" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"web2"}}: field is immutable');
    expect(((r.body as Status).details as any).causes).toEqual([{ reason: 'FieldValueInvalid', message: 'Invalid value: {"matchLabels":{"app":"web2"}}: field is immutable', field: 'spec.selector' }]);
  });

  it('validates status writes', () => {
    const c2 = new TestCluster({ workers: 1 });
    create(c2, () => {});
    const r = c2.cluster.handle({ verb: 'PUT', path: `${DEPLOYS}/web/status`, body: { ...(c2.get(`${DEPLOYS}/web`).body as any), status: { replicas: 1, readyReplicas: 2 } } });
    expect(msg(r)).toBe('Deployment.apps "web" is invalid: status.readyReplicas: Invalid value: 2: cannot be greater than status.replicas');
  });
});

describe('TestCluster helpers for apps/v1', () => {
  it('re-applying the same Deployment changes nothing; scale and delete read like kubectl', () => {
    const c = new TestCluster({ workers: 1 });
    c.apply(DEPLOY);
    const rv = c.deployment('web')!.metadata.resourceVersion;
    c.apply(DEPLOY);
    expect(c.deployment('web')!.metadata.resourceVersion).toBe(rv);
    expect(c.deployment('web')!.metadata.generation).toBe(1);
    expect(c.scale('deployments', 'web', 4).code).toBe(200);
    expect(c.deployments().map((d) => (d.spec as any).replicas)).toEqual([4]);
    expect(c.spansOf('apiScale')[0].summary).toBe('kubectl asked the API server to scale Deployment/default/web to 4 replicas.');
    expect(c.delete(`${DEPLOYS}/web`, 'Orphan').code).toBe(200);
    c.runFor('1s');
    expect(c.deployment('web')).toBeUndefined();
  });
});

describe('strategic merge patch $retainKeys', () => {
  it('switching a Deployment to Recreate drops the defaulted rollingUpdate', () => {
    const c = new TestCluster({ workers: 1 });
    c.apply(DEPLOY);
    const r = c.cluster.handle({
      verb: 'PATCH',
      path: `${DEPLOYS}/web`,
      body: { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } },
      patchType: 'application/strategic-merge-patch+json',
    });
    expect(r.code).toBe(200);
    expect((r.body as any).spec.strategy).toEqual({ type: 'Recreate' });
  });
});

describe('ownerReferences validation', () => {
  it('rejects missing parts and two controllers', () => {
    const c = new TestCluster({ workers: 1 });
    const pod = (refs: unknown[]) =>
      c.cluster.handle({ verb: 'POST', path: '/api/v1/namespaces/default/pods', body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', ownerReferences: refs }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } });
    expect(msg(pod([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'a', uid: '' }]))).toBe('Pod "p" is invalid: metadata.ownerReferences.uid: Invalid value: "": must not be empty');
    const two = [
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'a', uid: '1', controller: true },
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'b', uid: '2', controller: true },
    ];
    expect(msg(pod(two))).toBe(
      'Pod "p" is invalid: metadata.ownerReferences: Invalid value: [{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"a","uid":"1","controller":true},{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"b","uid":"2","controller":true}]: Only one reference can have Controller set to true. Found "true" in references for ReplicaSet/a and ReplicaSet/b',
    );
  });
});
