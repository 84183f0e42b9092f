import { describe, expect, it } from 'vitest';
import { createRegistry } from '../registry/registry.ts';
import { startScheduler } from '../scheduler/scheduler.ts';
import type { V1Pod } from '../scheduler/types.ts';
import { execCommand, type ExecView } from './exec.ts';
import { FakeCluster } from './fakeContext.test-helper.ts';
import { startKubelet } from './kubelet.ts';
import { setUpVolume, VOLUME_SYNC_MS } from './volumes.ts';
import type { ConfigSource } from './envInjection.ts';

const podWith = (volumes: unknown[]) => ({ metadata: { name: 'p', namespace: 'default' }, spec: { volumes } }) as unknown as V1Pod;
const store: Record<string, Record<string, string>> = { 'configmap/cfg': { a: '1', b: '2' }, 'secret/db': { pw: 'x' } };
const get: ConfigSource = (kind, _ns, name) => store[`${kind}/${name}`];

describe('setUpVolume (configmap.go / secret.go MakePayload)', () => {
  it('one file per key with defaultMode 0644, or only items at their paths', () => {
    const all = setUpVolume(podWith([{ name: 'v', configMap: { name: 'cfg' } }]), 'v', get);
    expect(all).toEqual({ files: new Map([['a', { content: '1', mode: 0o644 }], ['b', { content: '2', mode: 0o644 }]]) });
    const some = setUpVolume(podWith([{ name: 'v', secret: { secretName: 'db', defaultMode: 0o400, items: [{ key: 'pw', path: 'conf/password' }] } }]), 'v', get);
    expect(some).toEqual({ files: new Map([['conf/password', { content: 'x', mode: 0o400 }]]) });
  });
  it.each([
    [{ configMap: { name: 'nope' } }, { error: 'configmap "nope" not found' }],
    [{ secret: { secretName: 'nope' } }, { error: 'secret "nope" not found' }],
    [{ configMap: { name: 'cfg', items: [{ key: 'zz', path: 'z' }] } }, { error: 'configmap references non-existent config key: zz' }],
    [{ secret: { secretName: 'db', items: [{ key: 'zz', path: 'z' }] } }, { error: 'references non-existent secret key: zz' }],
    [{ configMap: { name: 'nope', optional: true } }, { files: new Map() }],
  ])('%j', (v, want) => expect(setUpVolume(podWith([{ name: 'v', ...v }]), 'v', get)).toEqual(want));
});

describe('execCommand', () => {
  const files = new Map([['app.conf', { content: 'port=80\n', mode: 0o644 }], ['sub/x', { content: 'x', mode: 0o644 }]]);
  const v: ExecView = { hostname: 'web-1', env: [['MODE', 'blue']], mounts: [{ mountPath: '/etc/app', files }], execID: () => 'f'.repeat(64) };
  it.each([
    [['printenv', 'MODE'], { stdout: 'blue\n', stderr: '', exitCode: 0 }],
    [['printenv', 'NOPE'], { stdout: '', stderr: '', exitCode: 1 }],
    [['cat', '/etc/app/app.conf'], { stdout: 'port=80\n', stderr: '', exitCode: 0 }],
    [['cat', '/etc/app/none'], { stdout: '', stderr: 'cat: /etc/app/none: No such file or directory\n', exitCode: 1 }],
    [['cat', '/etc/app'], { stdout: '', stderr: 'cat: /etc/app: Is a directory\n', exitCode: 1 }],
    [['ls', '/etc/app'], { stdout: 'app.conf\nsub\n', stderr: '', exitCode: 0 }],
    [['ls', '/etc'], { stdout: 'app\n', stderr: '', exitCode: 0 }],
    [['ls', '/nope'], { stdout: '', stderr: "ls: cannot access '/nope': No such file or directory\n", exitCode: 2 }],
    [['echo', 'a', 'b'], { stdout: 'a b\n', stderr: '', exitCode: 0 }],
    [['hostname'], { stdout: 'web-1\n', stderr: '', exitCode: 0 }],
    [['sh', '-c', 'cat /etc/app/sub/x'], { stdout: 'x', stderr: '', exitCode: 0 }],
    [['sh', '-c', 'echo "mode is $MODE" ${MODE} \'$MODE\''], { stdout: 'mode is blue blue $MODE\n', stderr: '', exitCode: 0 }],
    [['sh', '-c', 'env | grep -i mode; printenv NOPE && echo no'], { stdout: 'MODE=blue\n', stderr: '', exitCode: 1 }],
    [['sh', '-c', 'env | sort | head -n 2'], { stdout: 'HOME=/root\nHOSTNAME=web-1\n', stderr: '', exitCode: 0 }],
    [['sh', '-c', 'ls /etc/app | wc -l'], { stdout: '2\n', stderr: '', exitCode: 0 }],
    [['sh', '-c', 'curl x'], { stdout: '', stderr: 'sh: 1: curl: not found\n', exitCode: 127 }],
    [['ps', 'aux'], { error: `error executing command in container: failed to exec in container: failed to start exec "${'f'.repeat(64)}": OCI runtime exec failed: exec failed: unable to start container process: exec: "ps": executable file not found in $PATH: unknown` }],
  ])('%j', (argv, want) => expect(execCommand(v, argv)).toEqual(want));
  it('env: PATH, HOSTNAME, the kubelet variables, the kubernetes Service, HOME', () => {
    const out = (execCommand(v, ['env']) as { stdout: string }).stdout.split('\n');
    expect(out.slice(0, 4)).toEqual(['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'HOSTNAME=web-1', 'MODE=blue', 'KUBERNETES_SERVICE_HOST=10.96.0.1']);
    expect(out.at(-2)).toBe('HOME=/root');
  });
});

describe('kubelet: configMap volumes', () => {
  it('FailedMount until the ConfigMap exists, then files that follow updates after the sync; subPath never changes', () => {
    const c = new FakeCluster();
    const k = startKubelet(c.ctx('kubelet', 'worker-1'), { name: 'worker-1', cpu: '2', memory: '4Gi', pods: 110, labels: {}, taints: [], internalIP: '172.18.0.3', podCIDR: '10.244.1.0/24' }, createRegistry());
    startScheduler(c.ctx('scheduler'));
    c.createPod({
      metadata: { name: 'web' },
      spec: {
        volumes: [{ name: 'conf', configMap: { name: 'cfg' } }],
        containers: [{ name: 'web', image: 'nginx:1.25', volumeMounts: [{ name: 'conf', mountPath: '/etc/conf' }, { name: 'conf', mountPath: '/etc/one.conf', subPath: 'one' }] }],
      },
    });
    c.runFor(5_000);
    const cs = () => ((c.pod('web')!.status as Record<string, any>).containerStatuses[0]);
    expect(cs().state).toEqual({ waiting: { reason: 'ContainerCreating' } });
    const failed = c.events.filter((e) => e.reason === 'FailedMount');
    expect(failed[0]).toMatchObject({ type: 'Warning', message: 'MountVolume.SetUp failed for volume "conf" : configmap "cfg" not found' });
    // 0, 0.5, 1.5, 3.5 s: the operation back-off doubles.
    expect(failed.map((e) => e.at)).toEqual([1, 501, 1501, 3501].map((t) => t + failed[0]!.at - 1));
    c.putConfig('configmaps', 'cfg', { data: { one: 'v1' } });
    c.runFor(15_000);
    expect(cs().state.running).toBeDefined();
    const exec = (argv: string[]) => k.exec('uid-web', 'web', argv);
    expect(exec(['cat', '/etc/conf/one'])).toEqual({ stdout: 'v1', stderr: '', exitCode: 0 });
    c.putConfig('configmaps', 'cfg', { data: { one: 'v2', two: 't' } });
    c.runFor(VOLUME_SYNC_MS);
    expect(exec(['ls', '/etc/conf'])).toEqual({ stdout: 'one\ntwo\n', stderr: '', exitCode: 0 });
    expect(exec(['cat', '/etc/conf/one'])).toEqual({ stdout: 'v2', stderr: '', exitCode: 0 });
    expect(exec(['cat', '/etc/one.conf'])).toEqual({ stdout: 'v1', stderr: '', exitCode: 0 });
    expect(k.exec('uid-web', 'nope', ['env'])).toEqual({ error: 'container nope is not valid for pod web' });
  });
  it('exec into a waiting container: container not found', () => {
    const c = new FakeCluster();
    const k = startKubelet(c.ctx('kubelet', 'worker-1'), { name: 'worker-1', cpu: '2', memory: '4Gi', pods: 110, labels: {}, taints: [], internalIP: '172.18.0.3', podCIDR: '10.244.1.0/24' }, createRegistry());
    startScheduler(c.ctx('scheduler'));
    c.createPod({ metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx:1.25', envFrom: [{ secretRef: { name: 's' } }] }] } });
    c.runFor(10_000);
    expect(k.exec('uid-web', 'web', ['env'])).toEqual({ notRunning: 'container not found ("web")' });
    c.putConfig('secrets', 's', { data: { PW: btoa('hunter2') } });
    c.runFor(12_000);
    expect(k.exec('uid-web', 'web', ['printenv', 'PW'])).toEqual({ stdout: 'hunter2\n', stderr: '', exitCode: 0 });
  });
});
