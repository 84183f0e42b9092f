import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster.ts';
import type { ContainerView } from '../types.ts';
import { fromServices } from './serviceLinks.ts';

const b64 = (s: string) => btoa(s);

function setup(extra = '') {
  const c = new TestCluster({ seed: 1, workers: 1 });
  c.apply(`
apiVersion: v1
kind: ConfigMap
metadata: { name: app-config }
data: { LOG_LEVEL: debug, MODE: prod, app.properties: "a=1" }
---
apiVersion: v1
kind: Secret
metadata: { name: db }
data: { password: ${b64('s3cret')}, user: ${b64('admin')} }
${extra}`);
  return c;
}

const POD = `
apiVersion: v1
kind: Pod
metadata: { name: web, labels: { app: web } }
spec:
  containers:
  - name: web
    image: nginx:1.25
    resources: { limits: { memory: 256Mi } }
    envFrom: [{ secretRef: { name: db }, prefix: DB_ }]
    env:
    - { name: GREETING, value: hello }
    - { name: LOG_LEVEL, valueFrom: { configMapKeyRef: { name: app-config, key: LOG_LEVEL } } }
    - { name: PASSWORD, valueFrom: { secretKeyRef: { name: db, key: password } } }
    - { name: POD_NAME, valueFrom: { fieldRef: { fieldPath: metadata.name } } }
    - { name: MEM, valueFrom: { resourceFieldRef: { resource: limits.memory, divisor: 1Mi } } }
    - { name: CPU, valueFrom: { resourceFieldRef: { resource: limits.cpu } } }
    volumeMounts:
    - { name: cfg, mountPath: /etc/app }
    - { name: cfg, mountPath: /etc/level, subPath: LOG_LEVEL }
    - { name: sec, mountPath: /etc/db }
  volumes:
  - { name: cfg, configMap: { name: app-config } }
  - { name: sec, secret: { secretName: db, items: [{ key: password, path: pw.txt }] } }
`;

const view = (c: TestCluster, pod = 'web') => c.cluster.containerView!('default', pod)!;
const envOf = (v: ContainerView, name: string) => v.env.find((e) => e.name === name);

describe('containerView: env with its sources', () => {
  it('names each source: literal, configMapKeyRef, secretKeyRef, envFrom, fieldRef, resourceFieldRef, runtime, service link', () => {
    const c = setup();
    c.apply(POD);
    c.runFor('20s');
    const v = view(c);
    expect(v).toMatchObject({ pod: 'web', namespace: 'default', container: 'web' });
    expect(v.startedAt).toBeGreaterThan(0);
    expect(envOf(v, 'GREETING')).toEqual({ name: 'GREETING', value: 'hello', source: { type: 'literal' } });
    expect(envOf(v, 'LOG_LEVEL')).toEqual({ name: 'LOG_LEVEL', value: 'debug', source: { type: 'configMap', name: 'app-config', key: 'LOG_LEVEL', via: 'env' } });
    expect(envOf(v, 'PASSWORD')).toEqual({ name: 'PASSWORD', value: 's3cret', source: { type: 'secret', name: 'db', key: 'password', via: 'env' } });
    expect(envOf(v, 'DB_user')).toEqual({ name: 'DB_user', value: 'admin', source: { type: 'secret', name: 'db', key: 'user', via: 'envFrom' } });
    expect(envOf(v, 'POD_NAME')).toEqual({ name: 'POD_NAME', value: 'web', source: { type: 'fieldRef', fieldPath: 'metadata.name' } });
    expect(envOf(v, 'MEM')).toEqual({ name: 'MEM', value: '256', source: { type: 'resourceFieldRef', resource: 'limits.memory' } });
    // No CPU limit: the node's allocatable (2 cores).
    expect(envOf(v, 'CPU')?.value).toBe('2');
    expect(envOf(v, 'PATH')?.source).toEqual({ type: 'runtime' });
    expect(envOf(v, 'HOSTNAME')).toEqual({ name: 'HOSTNAME', value: 'web', source: { type: 'runtime' } });
    expect(envOf(v, 'KUBERNETES_SERVICE_HOST')).toEqual({ name: 'KUBERNETES_SERVICE_HOST', value: '10.96.0.1', source: { type: 'serviceLink', service: 'kubernetes' } });
    // Order as the process sees it (exec `env`): runtime, the container's own, the services, HOME.
    expect(v.env.map((e) => e.name)).toEqual([
      'PATH', 'HOSTNAME', 'DB_password', 'DB_user', 'GREETING', 'LOG_LEVEL', 'PASSWORD', 'POD_NAME', 'MEM', 'CPU',
      'KUBERNETES_SERVICE_HOST', 'KUBERNETES_SERVICE_PORT', 'KUBERNETES_SERVICE_PORT_HTTPS', 'KUBERNETES_PORT', 'KUBERNETES_PORT_443_TCP',
      'KUBERNETES_PORT_443_TCP_PROTO', 'KUBERNETES_PORT_443_TCP_PORT', 'KUBERNETES_PORT_443_TCP_ADDR', 'HOME',
    ]);
  });

  it('lists mounted files with their source, items paths, subPath copies and the service-account token', () => {
    const c = setup();
    c.apply(POD);
    c.runFor('20s');
    const files = view(c).files;
    expect(files.filter((f) => f.source.type !== 'serviceAccount').map((f) => [f.path, f.value, f.source, f.subPath])).toEqual([
      ['/etc/app/LOG_LEVEL', 'debug', { type: 'configMap', name: 'app-config', key: 'LOG_LEVEL', via: 'volume' }, undefined],
      ['/etc/app/MODE', 'prod', { type: 'configMap', name: 'app-config', key: 'MODE', via: 'volume' }, undefined],
      ['/etc/app/app.properties', 'a=1', { type: 'configMap', name: 'app-config', key: 'app.properties', via: 'volume' }, undefined],
      ['/etc/level', 'debug', { type: 'configMap', name: 'app-config', key: 'LOG_LEVEL', via: 'volume' }, 'LOG_LEVEL'],
      ['/etc/db/pw.txt', 's3cret', { type: 'secret', name: 'db', key: 'password', via: 'volume' }, undefined],
    ]);
    expect(files.filter((f) => f.source.type === 'serviceAccount').map((f) => f.path)).toEqual([
      '/var/run/secrets/kubernetes.io/serviceaccount/ca.crt', '/var/run/secrets/kubernetes.io/serviceaccount/namespace', '/var/run/secrets/kubernetes.io/serviceaccount/token',
    ]);
  });

  it('after a ConfigMap update: env stays frozen, volume files follow after the 60 s sync, the subPath copy never does', () => {
    const c = setup();
    c.apply(POD);
    c.runFor('20s');
    c.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-config' }, data: { LOG_LEVEL: 'warn', MODE: 'prod', 'app.properties': 'a=1' } });
    c.runFor('61s');
    const v = view(c);
    expect(envOf(v, 'LOG_LEVEL')?.value).toBe('debug');
    expect(v.files.find((f) => f.path === '/etc/app/LOG_LEVEL')?.value).toBe('warn');
    expect(v.files.find((f) => f.path === '/etc/level')?.value).toBe('debug');
    // The sync that changed the files is drawn once; quiet syncs are not.
    expect(c.spansOf('kubeletSyncConfig').map((s) => s.args)).toEqual([{ node: 'worker-1', pod: 'web', kind: 'ConfigMap', name: 'app-config', volume: 'cfg' }]);
    expect(c.spansOf('kubeletSyncConfig')[0]!.summary).toBe(
      'The kubelet on worker-1 re-reads ConfigMap app-config in its periodic sync and rewrites the files of volume cfg in pod web (environment variables stay as they were).');
    c.runFor('120s');
    expect(c.spansOf('kubeletSyncConfig')).toHaveLength(1);
  });

  it('draws the kubelet reads as kubeletFetchConfig / kubeletFetchVolume hops, and a missing object as the API error', () => {
    const c = setup();
    c.apply(POD);
    c.runFor('20s');
    const env = c.spansOf('kubeletFetchConfig');
    expect(env.map((s) => s.summary)).toEqual([
      'The kubelet on worker-1 reads Secret db to build container web\'s environment.',
      'The kubelet on worker-1 reads ConfigMap app-config to build container web\'s environment.',
    ]);
    expect(env[0]).toMatchObject({ from: 'kubelet', to: 'apiserver', node: 'worker-1', object: 'Secret/default/db', args: { node: 'worker-1', pod: 'web', kind: 'Secret', name: 'db', container: 'web' } });
    expect(c.spansOf('kubeletFetchVolume').map((s) => s.summary)).toEqual([
      'The kubelet on worker-1 reads ConfigMap app-config to fill volume cfg of pod web.',
      'The kubelet on worker-1 reads Secret db to fill volume sec of pod web.',
    ]);
    expect(c.spansOf('apiGet').filter((s) => s.args.from === 'kubelet')).toEqual([]);
    c.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'lost' }, spec: { containers: [{ name: 'c', image: 'nginx:1.25', envFrom: [{ configMapRef: { name: 'nope' } }] }] } });
    c.runFor('5s');
    const err = c.spans.filter((s) => s.kind === 'apiError' && s.to === 'kubelet');
    expect(err[0]).toMatchObject({ from: 'apiserver', node: 'worker-1', args: { code: 404, reason: 'NotFound', message: 'configmaps "nope" not found' } });
    expect(err[0]!.causeId).toBe(c.spansOf('kubeletFetchConfig').at(-1)!.id);
  });

  it('is undefined for a container that is not running', () => {
    const c = setup();
    c.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'lost' }, spec: { containers: [{ name: 'c', image: 'nginx:1.25', envFrom: [{ configMapRef: { name: 'nope' } }] }] } });
    c.runFor('5s');
    expect(c.cluster.containerView!('default', 'lost')).toBeUndefined();
    expect(c.cluster.containerView!('default', 'nobody')).toBeUndefined();
  });
});

describe('service links (enableServiceLinks)', () => {
  it('FromServices: host, first port, named ports, docker link variables; headless skipped', () => {
    const { env } = fromServices([
      { metadata: { name: 'my-db' }, spec: { clusterIP: '10.96.100.7', ports: [{ name: 'sql', port: 5432 }, { name: 'metrics', port: 9187, protocol: 'UDP' }] } },
      { metadata: { name: 'headless' }, spec: { clusterIP: 'None', ports: [{ port: 80 }] } },
    ]);
    expect(env).toEqual([
      ['MY_DB_SERVICE_HOST', '10.96.100.7'], ['MY_DB_SERVICE_PORT', '5432'], ['MY_DB_SERVICE_PORT_SQL', '5432'], ['MY_DB_SERVICE_PORT_METRICS', '9187'],
      ['MY_DB_PORT', 'tcp://10.96.100.7:5432'],
      ['MY_DB_PORT_5432_TCP', 'tcp://10.96.100.7:5432'], ['MY_DB_PORT_5432_TCP_PROTO', 'tcp'], ['MY_DB_PORT_5432_TCP_PORT', '5432'], ['MY_DB_PORT_5432_TCP_ADDR', '10.96.100.7'],
      ['MY_DB_PORT_9187_UDP', 'udp://10.96.100.7:9187'], ['MY_DB_PORT_9187_UDP_PROTO', 'udp'], ['MY_DB_PORT_9187_UDP_PORT', '9187'], ['MY_DB_PORT_9187_UDP_ADDR', '10.96.100.7'],
    ]);
  });

  it('a container gets the variables of the Services in its namespace at start; later Services do not appear; opting out keeps only kubernetes', () => {
    const c = setup(`---
apiVersion: v1
kind: Service
metadata: { name: api }
spec: { clusterIP: 10.96.0.50, selector: { app: api }, ports: [{ name: http, port: 80, targetPort: 8080 }] }
---
apiVersion: v1
kind: Service
metadata: { name: api, namespace: kube-system }
spec: { selector: { app: api }, ports: [{ port: 81 }] }
`);
    c.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' }, spec: { containers: [{ name: 'c', image: 'nginx:1.25', env: [{ name: 'URL', value: 'http://$(API_SERVICE_HOST):$(API_SERVICE_PORT)' }] }] } });
    c.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'b' }, spec: { enableServiceLinks: false, containers: [{ name: 'c', image: 'nginx:1.25' }] } });
    c.runFor('20s');
    const a = view(c, 'a');
    expect(envOf(a, 'API_SERVICE_HOST')).toEqual({ name: 'API_SERVICE_HOST', value: '10.96.0.50', source: { type: 'serviceLink', service: 'api' } });
    expect(envOf(a, 'API_SERVICE_PORT_HTTP')?.value).toBe('80');
    expect(envOf(a, 'API_PORT_80_TCP_ADDR')?.value).toBe('10.96.0.50');
    // $(VAR) may name a service variable.
    expect(envOf(a, 'URL')?.value).toBe('http://10.96.0.50:80');
    const b = view(c, 'b');
    expect(b.env.some((e) => e.name.startsWith('API_'))).toBe(false);
    expect(envOf(b, 'KUBERNETES_SERVICE_HOST')?.value).toBe('10.96.0.1');
    // A Service made after the start: the running container never sees it.
    c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'late' }, spec: { clusterIP: '10.96.0.60', selector: { app: 'x' }, ports: [{ port: 80 }] } });
    c.runFor('5s');
    expect(envOf(view(c, 'a'), 'LATE_SERVICE_HOST')).toBeUndefined();
    // exec sees the same start-time environment, in the same order as the view.
    const r = c.cluster.handle({ verb: 'POST', path: '/api/v1/namespaces/default/pods/a/exec', query: { container: 'c' }, body: { command: ['env'] } });
    const out = (r.body as { stdout: string }).stdout;
    expect(out).toBe(view(c, 'a').env.map((e) => `${e.name}=${e.value}\n`).join(''));
    expect(out).toContain('API_PORT=tcp://10.96.0.50:80\n');
    expect(out).not.toContain('LATE_');
  });
});
