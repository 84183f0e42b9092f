import { describe, expect, it } from 'vitest';
import { FakeCluster } from './fakeContext.test-helper.ts';
import { createRegistry } from '../registry/registry.ts';
import { startScheduler } from '../scheduler/scheduler.ts';
import { configValues, expand, makeEnvironmentVariables, type ConfigSource } from './envInjection.ts';
import { startKubelet } from './kubelet.ts';
import { CONFIG_RETRY_MS } from './podWorker.ts';
import type { Container, V1Pod } from '../scheduler/types.ts';

const store: Record<string, Record<string, string>> = {
  'configmap/app': { MODE: 'prod', 'log.level': 'debug', '1st': 'x' },
  'secret/db': { password: 's3cret' },
};
const get: ConfigSource = (kind, _ns, name) => store[`${kind}/${name}`];
const pod = { metadata: { name: 'p', namespace: 'default', uid: 'u1' }, spec: { nodeName: 'worker-1' } } as V1Pod;
const ips = { hostIP: '172.18.0.3', podIP: '10.244.1.2' };
const run = (c: Partial<Container>) => makeEnvironmentVariables(pod, { name: 'c', ...c }, get, ips);

describe('expand ($(VAR), as expansion.Expand)', () => {
  const m = (n: string) => ({ A: 'a', B: 'b' })[n];
  it.each([
    ['$(A)-$(B)', 'a-b'], ['$(C)', '$(C)'], ['$$(A)', '$(A)'], ['$A', '$A'], ['x$(A', 'x$(A'], ['end$', 'end$'], ['$(A)$(A)', 'aa'], ['', ''],
  ])('%s → %s', (inp, want) => expect(expand(inp, m)).toBe(want));
});

describe('configValues', () => {
  it('decodes Secret data; ConfigMap binaryData only for volumes', () => {
    expect(configValues('secret', { data: { pw: 'aHVudGVyMg==' } })).toEqual({ pw: 'hunter2' });
    const cm = { data: { a: '1' }, binaryData: { b: 'AQI=' } };
    expect(configValues('configmap', cm)).toEqual({ a: '1' });
    expect(configValues('configmap', cm, true)).toEqual({ a: '1', b: '\u0001\u0002' });
  });
});

describe('makeEnvironmentVariables', () => {
  it('envFrom first with prefix, env overrides, valueFrom and $(VAR) over earlier values', () => {
    const r = run({
      envFrom: [{ configMapRef: { name: 'app' }, prefix: 'APP_' }, { secretRef: { name: 'db' } }],
      env: [
        { name: 'APP_MODE', value: 'dev' },
        { name: 'PW', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
        { name: 'URL', value: 'db://$(PW)@$(NODE)' },
        { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
        { name: 'IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
      ],
    });
    expect(r.error).toBeUndefined();
    expect(r.env).toEqual([
      ['APP_MODE', 'dev'], ['APP_log.level', 'debug'], ['APP_1st', 'x'], ['password', 's3cret'],
      ['PW', 's3cret'], ['URL', 'db://s3cret@$(NODE)'], ['NODE', 'worker-1'], ['IP', '10.244.1.2'],
    ]);
  });
  it('skips invalid names with the InvalidEnvironmentVariableNames text', () => {
    const r = run({ envFrom: [{ configMapRef: { name: 'app' }, prefix: 'A=' }] });
    expect(r.env).toEqual([]);
    expect(r.warnings).toEqual(['Keys [A=1st, A=MODE, A=log.level] from the EnvFrom configMap default/app were skipped since they are considered invalid environment variable names.']);
  });
  it.each([
    [{ envFrom: [{ configMapRef: { name: 'nope' } }] }, 'configmap "nope" not found'],
    [{ envFrom: [{ secretRef: { name: 'nope' } }] }, 'secret "nope" not found'],
    [{ env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'app', key: 'FOO' } } }] }, "couldn't find key FOO in ConfigMap default/app"],
    [{ env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 'db', key: 'user' } } }] }, "couldn't find key user in Secret default/db"],
    [{ env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 'x', key: 'user' } } }] }, 'secret "x" not found'],
  ])('error %#', (c, msg) => expect(run(c as Partial<Container>).error).toBe(msg));
  it('optional references are skipped silently', () => {
    const r = run({
      envFrom: [{ configMapRef: { name: 'nope', optional: true } }],
      env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'app', key: 'FOO', optional: true } } }, { name: 'Y', valueFrom: { secretKeyRef: { name: 'x', key: 'k', optional: true } } }],
    });
    expect(r).toEqual({ env: [], sources: [], warnings: [] });
  });
});

describe('kubelet: CreateContainerConfigError until the ConfigMap exists', () => {
  it('waits with the upstream message and event, retries every 10 s, then starts with the value', () => {
    const c = new FakeCluster();
    startKubelet(c.ctx('kubelet', 'worker-1'), { name: 'worker-1', cpu: '2', memory: '4Gi', pods: 110, labels: {}, taints: [], internalIP: '172.18.0.3', podCIDR: '10.244.1.0/24' }, createRegistry());
    startScheduler(c.ctx('scheduler'));
    c.createPod({ metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx:1.25', env: [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'MODE' } } }] }] } });
    c.runFor(10_000);
    const cs = () => ((c.pod('web')!.status as Record<string, any>).containerStatuses[0]);
    expect(cs().state).toEqual({ waiting: { reason: 'CreateContainerConfigError', message: 'configmap "cfg" not found' } });
    expect(c.events.filter((e) => e.reason === 'Failed').map((e) => `${e.type} ${e.message} ${e.fieldPath}`)).toContain('Warning Error: configmap "cfg" not found spec.containers{web}');
    c.putConfig('configmaps', 'cfg', { data: { OTHER: '1' } });
    c.runFor(CONFIG_RETRY_MS);
    expect(cs().state.waiting).toEqual({ reason: 'CreateContainerConfigError', message: "couldn't find key MODE in ConfigMap default/cfg" });
    c.putConfig('configmaps', 'cfg', { data: { MODE: 'blue' } });
    c.runFor(CONFIG_RETRY_MS + 2_000);
    expect(cs().state.running).toBeDefined();
    expect(c.events.map((e) => e.reason)).toContain('Started');
    // Env never changes in a running container.
    c.putConfig('configmaps', 'cfg', { data: { MODE: 'green' } });
    c.runFor(120_000);
    expect(cs().restartCount).toBe(0);
  });
  it('expands $(VAR) in command and args with the container env (the log shows the value)', () => {
    const c = new FakeCluster();
    const k = startKubelet(c.ctx('kubelet', 'worker-1'), { name: 'worker-1', cpu: '2', memory: '4Gi', pods: 110, labels: {}, taints: [], internalIP: '172.18.0.3', podCIDR: '10.244.1.0/24' }, createRegistry());
    startScheduler(c.ctx('scheduler'));
    c.putConfig('configmaps', 'cfg', { data: { MODE: 'blue' } });
    c.createPod({ metadata: { name: 'app' }, spec: { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'echo mode=$(MODE) $(NOPE) $$(MODE); sleep 3600'], envFrom: [{ configMapRef: { name: 'cfg' } }] }] } });
    c.runFor(10_000);
    const logs = k.logs('uid-app', 'app', false);
    expect('lines' in logs && logs.lines.map((l) => l.text)).toEqual(['mode=blue $(NOPE) $(MODE)']);
  });
});
