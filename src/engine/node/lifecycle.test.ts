/** Probes, kills, OOM, restart back-off, preStop and logs on the fake context, with exact texts and virtual times. */
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../registry/registry.ts';
import { startScheduler } from '../scheduler/scheduler.ts';
import { FakeCluster } from './fakeContext.test-helper.ts';
import { startKubelet } from './kubelet.ts';
import type { MachineSpec } from './machine.ts';

type Obj = Record<string, any>;
const machine: MachineSpec = { name: 'worker-1', cpu: '2', memory: '4Gi', pods: 110, labels: {}, taints: [], internalIP: '172.18.0.3', podCIDR: '10.244.1.0/24' };

function setup() {
  const c = new FakeCluster();
  const kubelet = startKubelet(c.ctx('kubelet', 'worker-1'), machine, createRegistry());
  startScheduler(c.ctx('scheduler'));
  return { c, kubelet };
}
const pod = (name: string, container: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  metadata: { name }, spec: { containers: [{ name: 'web', ...container }], ...extra },
});
const st = (c: FakeCluster, name: string) => c.pod(name)!.status as Obj;
const cs = (c: FakeCluster, name: string) => st(c, name).containerStatuses[0] as Obj;
const cond = (c: FakeCluster, name: string, type: string) => (st(c, name).conditions as Obj[]).find((x) => x.type === type)!;
/** Virtual time of each event with this reason (and message prefix). */
const at = (c: FakeCluster, reason: string, prefix = '') => c.events.filter((e) => e.reason === reason && e.message.startsWith(prefix)).map((e) => e.at);
const msgs = (c: FakeCluster, reason: string) => c.events.filter((e) => e.reason === reason).map((e) => e.message);

/** nginx:1.25 is pulled (1,963 ms) after the sandbox: the first `Started` lands here. */
function startedAt(c: FakeCluster): number {
  return at(c, 'Started')[0]!;
}

describe('liveness probe', () => {
  it('fails failureThreshold × periodSeconds after start, Killing, restart with the same probe', () => {
    const { c } = setup();
    c.createPod(pod('live', { image: 'nginx:1.25', livenessProbe: { httpGet: { path: '/healthz', port: 8080 } } }));
    c.runFor(5_000);
    const t0 = startedAt(c);
    expect(cs(c, 'live')).toMatchObject({ ready: true, started: true, restartCount: 0 });
    c.runFor(t0 + 30_000 - c.t);
    expect(at(c, 'Unhealthy')).toEqual([t0 + 10_000, t0 + 20_000, t0 + 30_000]);
    expect(msgs(c, 'Unhealthy')[0]).toBe('Liveness probe failed: Get "http://10.244.1.2:8080/healthz": dial tcp 10.244.1.2:8080: connect: connection refused');
    expect(c.events.at(-1)).toMatchObject({ reason: 'Killing', type: 'Normal', message: 'Container web failed liveness probe, will be restarted', at: t0 + 30_000 });
    // nginx exits on its stop signal (SIGQUIT) in 200 ms with 0; the restart is immediate the first time.
    c.runFor(1_000);
    const s = cs(c, 'live');
    expect(s.restartCount).toBe(1);
    expect(s.lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(s.state.running).toBeDefined();
    expect(at(c, 'Started')[1]).toBe(t0 + 30_000 + 200 + 100);
    expect(c.spans.filter((x) => x.kind === 'probeFailed').map((x) => x.args)).toEqual([
      { pod: 'live', node: 'worker-1', container: 'web', probe: 'liveness', message: 'Get "http://10.244.1.2:8080/healthz": dial tcp 10.244.1.2:8080: connect: connection refused' },
    ]);
  });

  it('the exec example from the docs: healthy for 30 s, Killing at 45 s, SIGKILL after the 30 s grace (137)', () => {
    const { c } = setup();
    c.createPod(pod('liveness-exec', {
      image: 'busybox:1.36', args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
      livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
    }));
    c.runFor(5_000);
    const t0 = startedAt(c);
    c.runFor(t0 + 46_000 - c.t);
    expect(at(c, 'Unhealthy')).toEqual([t0 + 35_000, t0 + 40_000, t0 + 45_000]);
    expect(msgs(c, 'Unhealthy')[0]).toBe("Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory");
    expect(at(c, 'Killing', 'Container liveness')).toEqual([]);
    expect(c.events.find((e) => e.reason === 'Killing')).toMatchObject({ at: t0 + 45_000, message: 'Container web failed liveness probe, will be restarted' });
    expect(cs(c, 'liveness-exec').state.running).toBeDefined();
    c.runFor(t0 + 75_500 - c.t);
    const s = cs(c, 'liveness-exec');
    expect(s.restartCount).toBe(1);
    expect(s.lastState.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(at(c, 'Started')[1]).toBe(t0 + 75_000 + 100);
  });
});

describe('readiness probe', () => {
  it('Ready at once (UpdatePodStatus triggers the first run); forced failures: Ready=False after 3 periods, never restart', () => {
    const { c, kubelet } = setup();
    c.createPod(pod('ready', { image: 'nginx:1.25', readinessProbe: { httpGet: { path: '/', port: 80 } } }));
    c.runFor(2_000);
    expect(cs(c, 'ready')).toMatchObject({ ready: false });
    expect(cond(c, 'ready', 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [web]' });
    c.runFor(3_000);
    const t0 = startedAt(c);
    expect(cs(c, 'ready').ready).toBe(true);
    expect(cond(c, 'ready', 'Ready')).toMatchObject({ status: 'True', lastTransitionTime: new Date(Date.UTC(2026, 0, 1) + t0).toISOString().replace(/\.\d+Z$/, 'Z') });
    c.runFor(t0 + 5_000 - c.t);
    expect(kubelet.setProbeFailure('uid-ready', 'web', 'readiness', true)).toEqual({ ok: true, message: 'readiness probe of container "web" in pod "ready" now fails' });
    c.runFor(20_000);
    expect(cs(c, 'ready').ready).toBe(true);
    c.runFor(10_000);
    expect(at(c, 'Unhealthy')).toEqual([t0 + 10_000, t0 + 20_000, t0 + 30_000]);
    expect(msgs(c, 'Unhealthy')[0]).toBe('Readiness probe failed: HTTP probe failed with statuscode: 500');
    expect(cs(c, 'ready')).toMatchObject({ ready: false, restartCount: 0 });
    expect(cs(c, 'ready').state.running).toBeDefined();
    expect(st(c, 'ready').phase).toBe('Running');
    expect(cond(c, 'ready', 'ContainersReady')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [web]' });
    expect(msgs(c, 'Killing')).toEqual([]);
    kubelet.setProbeFailure('uid-ready', 'web', 'readiness', false);
    c.runFor(10_000);
    expect(cs(c, 'ready').ready).toBe(true);
  });

  it('initialDelaySeconds holds the first readiness run back', () => {
    const { c } = setup();
    c.createPod(pod('late', { image: 'nginx:1.25', readinessProbe: { httpGet: { port: 80 }, initialDelaySeconds: 15, periodSeconds: 10 } }));
    c.runFor(3_000);
    const t0 = startedAt(c);
    c.runFor(t0 + 19_999 - c.t);
    expect(cs(c, 'late').ready).toBe(false);
    c.runFor(1);
    expect(cs(c, 'late').ready).toBe(true);
  });

  it('tcpSocket to a port nothing listens on stays unready with the dial error', () => {
    const { c } = setup();
    c.createPod(pod('tcp', { image: 'redis:7', readinessProbe: { tcpSocket: { port: 6380 }, periodSeconds: 5 } }));
    c.runFor(20_000);
    expect(msgs(c, 'Unhealthy')[0]).toBe('Readiness probe failed: dial tcp 10.244.1.2:6380: connect: connection refused');
    expect(cs(c, 'tcp').ready).toBe(false);
  });
});

describe('startup probe', () => {
  it('gates liveness and readiness until it succeeds; started flips then', () => {
    const { c } = setup();
    c.createPod(pod('slow', {
      image: 'busybox:1.36', command: ['sh', '-c', 'sleep 20; touch /tmp/started; sleep 3600'],
      startupProbe: { exec: { command: ['cat', '/tmp/started'] }, periodSeconds: 5, failureThreshold: 10 },
      livenessProbe: { exec: { command: ['cat', '/tmp/started'] }, periodSeconds: 5 },
      readinessProbe: { exec: { command: ['true'] }, periodSeconds: 5 },
    }));
    c.runFor(3_000);
    const t0 = startedAt(c);
    expect(cs(c, 'slow')).toMatchObject({ started: false, ready: false });
    c.runFor(t0 + 24_000 - c.t);
    // The file appears just after 20 s: the tick at 20 s still fails, the one at 25 s succeeds.
    expect(at(c, 'Unhealthy')).toEqual([t0 + 5_000, t0 + 10_000, t0 + 15_000, t0 + 20_000]);
    expect(msgs(c, 'Unhealthy')).toEqual(Array(4).fill("Startup probe failed: cat: can't open '/tmp/started': No such file or directory"));
    expect(cs(c, 'slow').started).toBe(false);
    c.runFor(1_000);
    // Started at 25 s; the readiness run it triggers succeeds at once.
    expect(cs(c, 'slow')).toMatchObject({ started: true, ready: true });
    c.runFor(5_000);
    expect(msgs(c, 'Unhealthy')).toHaveLength(4);
  });

  it('failing past failureThreshold kills with the startup message', () => {
    const { c } = setup();
    c.createPod(pod('never', {
      image: 'busybox:1.36', command: ['sleep', '3600'],
      startupProbe: { exec: { command: ['cat', '/tmp/nope'] }, periodSeconds: 5, failureThreshold: 2 },
    }, { terminationGracePeriodSeconds: 3 }));
    c.runFor(3_000);
    const t0 = startedAt(c);
    c.runFor(t0 + 14_000 - c.t);
    expect(c.events.find((e) => e.reason === 'Killing')).toMatchObject({ at: t0 + 10_000, message: 'Container web failed startup probe, will be restarted' });
    expect(cs(c, 'never').lastState.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
  });

  it('with restartPolicy Never a failed liveness probe kills without restarting', () => {
    const { c } = setup();
    c.createPod(pod('once', { image: 'nginx:1.25', livenessProbe: { tcpSocket: { port: 81 }, periodSeconds: 1, failureThreshold: 1 } }, { restartPolicy: 'Never' }));
    c.runFor(6_000);
    expect(msgs(c, 'Killing')).toEqual(['Container web failed liveness probe']);
    expect(st(c, 'once').phase).toBe('Succeeded');
    expect(cs(c, 'once').state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });
});

describe('exits, OOM and restart back-off', () => {
  it('a limit below the working set: OOMKilled (137) shortly after start, then back-off', () => {
    const { c } = setup();
    c.createPod(pod('oom', { image: 'nginx:1.25', resources: { limits: { memory: '5Mi' } } }));
    c.runFor(5_000);
    const t0 = startedAt(c);
    const s = cs(c, 'oom');
    expect(s.lastState.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    expect(at(c, 'Started')[1]).toBe(t0 + 500 + 100);
    expect(s.state.waiting).toEqual({ reason: 'CrashLoopBackOff', message: 'back-off 10s restarting failed container=web pod=oom_default(uid-oom)' });
    expect(c.spans.find((x) => x.kind === 'containerOOMKilled')!.args).toMatchObject({ pod: 'oom', container: 'web', limitBytes: 5 * 1024 * 1024, workingSetBytes: 10 * 1024 * 1024 });
  });

  it('sh -c "exit 3" with restartPolicy Never: Failed, Error 3, PodFailed conditions in kubelet order', () => {
    const { c } = setup();
    c.createPod(pod('fail', { image: 'busybox:1.36', command: ['sh', '-c', 'exit 3'] }, { restartPolicy: 'Never' }));
    c.runFor(5_000);
    const s = st(c, 'fail');
    expect(s.phase).toBe('Failed');
    expect(s.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    expect(s.conditions.map((x: Obj) => [x.type, x.status, x.reason])).toEqual([
      ['PodReadyToStartContainers', 'False', undefined], ['Initialized', 'True', undefined], ['Ready', 'False', 'PodFailed'],
      ['ContainersReady', 'False', 'PodFailed'], ['PodScheduled', 'True', undefined],
    ]);
    expect(c.spans.find((x) => x.kind === 'containerExited')!.args).toEqual({ pod: 'fail', node: 'worker-1', container: 'web', exitCode: 3, reason: 'Error' });
  });

  it('OnFailure: exit 0 completes the pod (Succeeded, PodCompleted)', () => {
    const { c } = setup();
    c.createPod(pod('ok', { image: 'busybox:1.36', command: ['sh', '-c', 'echo done'] }, { restartPolicy: 'OnFailure' }));
    c.runFor(5_000);
    expect(st(c, 'ok').phase).toBe('Succeeded');
    expect(cond(c, 'ok', 'Ready').reason).toBe('PodCompleted');
    expect(cond(c, 'ok', 'Initialized').reason).toBe('PodCompleted');
  });

  it('sh -c "exit 3" with Always: CrashLoopBackOff 10 s, 20 s, 40 s … 300 s', () => {
    const { c } = setup();
    c.createPod(pod('crash', { image: 'busybox:1.36', command: ['sh', '-c', 'exit 3'] }));
    c.runFor(1_200_000);
    const starts = at(c, 'Started');
    const gaps = starts.slice(1, 9).map((t, i) => t - starts[i]!);
    // exit 10 ms after start; create + start 100 ms; the back-off in between.
    expect(gaps).toEqual([0, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000].map((g) => g + 110));
    expect(new Set(msgs(c, 'BackOff'))).toEqual(new Set(['Back-off restarting failed container web in pod crash_default(uid-crash)']));
    const waits = c.requests.filter((r) => r.path.endsWith('/crash/status'))
      .map((r) => ((r.body as Obj).status.containerStatuses[0].state.waiting?.message as string | undefined) ?? '')
      .filter((m) => m.startsWith('back-off'))
      .map((m) => m.split(' ')[1]);
    expect([...new Set(waits)]).toEqual(['10s', '20s', '40s', '1m20s', '2m40s', '5m0s']);
    expect(cs(c, 'crash').lastState.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    expect(st(c, 'crash').phase).toBe('Running');
  });

  it('sim kill: exit code and reason, back-off, and the reset after 10 minutes of running', () => {
    const { c, kubelet } = setup();
    c.createPod(pod('web', { image: 'nginx:1.25' }));
    c.runFor(5_000);
    expect(kubelet.killContainer('uid-web', 'web', 137)).toEqual({ ok: true, message: 'container "web" in pod "web" killed (exit code 137)' });
    expect(cs(c, 'web').state.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(kubelet.killContainer('uid-web', 'web', 1)).toEqual({ ok: false, message: 'container "web" is not running' });
    c.runFor(1_000);
    expect(cs(c, 'web').restartCount).toBe(1);
    kubelet.killContainer('uid-web', 'web', 0);
    expect(cs(c, 'web').state.waiting.message).toBe('back-off 10s restarting failed container=web pod=web_default(uid-web)');
    expect(cs(c, 'web').lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    c.runFor(11_000);
    kubelet.killContainer('uid-web', 'web', 2);
    expect(cs(c, 'web').state.waiting.message).toBe('back-off 20s restarting failed container=web pod=web_default(uid-web)');
    c.runFor(21_000);
    expect(cs(c, 'web').restartCount).toBe(3);
    // Running for more than 2 × 300 s since the last back-off update: the entry has expired.
    c.runFor(601_000);
    kubelet.killContainer('uid-web', 'web', 137);
    expect(cs(c, 'web').state.running).toBeUndefined();
    c.runFor(200);
    expect(cs(c, 'web')).toMatchObject({ restartCount: 4 });
    expect(cs(c, 'web').state.running).toBeDefined();
    kubelet.killContainer('uid-web', 'web', 137);
    expect(cs(c, 'web').state.waiting.message).toBe('back-off 10s restarting failed container=web pod=web_default(uid-web)');
    expect(c.spans.filter((x) => x.kind === 'containerKilled')[0]!.args).toEqual({ pod: 'web', node: 'worker-1', container: 'web', exitCode: 137, reason: 'Error' });
    expect(kubelet.killContainer('nope', 'web', 1)).toEqual({ ok: false, message: 'pod with UID "nope" is not running on node "worker-1"' });
    expect(kubelet.setProbeFailure('uid-web', 'web', 'liveness', true)).toEqual({ ok: false, message: 'container "web" has no liveness probe' });
  });
});

describe('graceful termination', () => {
  it('preStop exec sleep spends part of the grace period; SIGKILL after the rest', () => {
    const { c } = setup();
    c.createPod(pod('pre', { image: 'busybox:1.36', command: ['sleep', '3600'], lifecycle: { preStop: { exec: { command: ['sh', '-c', 'sleep 5'] } } } },
      { terminationGracePeriodSeconds: 12 }));
    c.runFor(5_000);
    const t = c.t;
    c.handle('DELETE', '/api/v1/namespaces/default/pods/pre', undefined, {});
    c.runFor(11_900);
    expect(c.pod('pre')).toBeDefined();
    expect(c.spans.find((x) => x.kind === 'preStopHook')!.args).toMatchObject({ container: 'web', hook: 'exec', seconds: 5 });
    expect(c.spans.find((x) => x.kind === 'runtimeStop')).toMatchObject({ at: t + 1 + 5_000, duration: 7_000 });
    c.runFor(200);
    expect(c.pod('pre')).toBeUndefined();
  });

  it('a preStop longer than the grace period is cut off, then 2 s minimum; nginx answers SIGQUIT in 200 ms', () => {
    const { c } = setup();
    c.createPod(pod('long', { image: 'nginx:1.25', lifecycle: { preStop: { sleep: { seconds: 10 } } } }, { terminationGracePeriodSeconds: 3 }));
    c.runFor(5_000);
    const t = c.t;
    c.handle('DELETE', '/api/v1/namespaces/default/pods/long', undefined, {});
    c.runFor(3_150);
    expect(c.pod('long')).toBeDefined();
    c.runFor(100);
    expect(c.pod('long')).toBeUndefined();
    expect(c.spans.find((x) => x.kind === 'runtimeStop')).toMatchObject({ at: t + 1 + 3_000, duration: 200, args: { gracePeriod: 2 } });
  });

  it('a failing preStop httpGet: FailedPreStopHook, the stop goes on', () => {
    const { c } = setup();
    c.createPod(pod('hook', { image: 'nginx:1.25', lifecycle: { preStop: { httpGet: { path: '/quit', port: 9999 } } } }));
    c.runFor(5_000);
    c.handle('DELETE', '/api/v1/namespaces/default/pods/hook', undefined, {});
    c.runFor(100);
    expect(c.events.slice(-2).map((e) => `${e.type} ${e.reason} ${e.message}`)).toEqual([
      'Normal Killing Stopping container web', 'Warning FailedPreStopHook PreStopHook failed',
    ]);
    c.runFor(1_000);
    expect(c.pod('hook')).toBeUndefined();
  });
});

describe('logs', () => {
  it('waiting, current and previous, with the upstream errors', () => {
    const { c, kubelet } = setup();
    c.createPod(pod('echo', { image: 'busybox:1.36', command: ['sh', '-c', 'echo hello; sleep 1; echo world; exit 1'] }));
    c.runFor(5);
    expect(kubelet.logs('uid-echo', 'web', false)).toEqual({ error: 'container "web" in pod "echo" is waiting to start: ContainerCreating' });
    expect(kubelet.logs('uid-echo', 'web', true)).toEqual({ error: 'previous terminated container "web" in pod "echo" not found' });
    c.runFor(1_000);
    const t0 = startedAt(c);
    const cur = kubelet.logs('uid-echo', 'web', false);
    expect(cur).toEqual({ lines: [{ time: new Date(Date.UTC(2026, 0, 1) + t0).toISOString().replace('Z', '000000Z'), text: 'hello' }] });
    c.runFor(1_000);
    // In CrashLoopBackOff both read the container that just died.
    expect(cs(c, 'echo').state.waiting?.reason ?? cs(c, 'echo').state.running).toBeDefined();
    const prev = kubelet.logs('uid-echo', 'web', true);
    expect('lines' in prev && prev.lines.map((l) => l.text)).toEqual(['hello', 'world']);
    expect(kubelet.logs('uid-echo', 'web', false)).not.toHaveProperty('error');
    expect(kubelet.logs('uid-echo', 'nope', false)).toEqual({ error: 'container nope is not valid for pod echo' });
  });

  it('nginx writes its start-up lines; loops are bounded to the last 1,000 lines', () => {
    const { c, kubelet } = setup();
    c.createPod(pod('web', { image: 'nginx:1.25' }));
    c.createPod(pod('tick', { image: 'busybox:1.36', command: ['sh', '-c', 'while true; do echo tick; sleep 1; done'] }));
    c.runFor(5_000);
    const l = kubelet.logs('uid-web', 'web', false) as { lines: { text: string }[] };
    expect(l.lines[0]!.text).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    expect(l.lines.map((x) => x.text)).toContain('2026/01/01 00:00:02 [notice] 1#1: start worker processes');
    expect(l.lines.map((x) => x.text)).toContain('2026/01/01 00:00:02 [notice] 1#1: nginx/1.25.5');
    c.runFor(2_000_000);
    const t = kubelet.logs('uid-tick', 'web', false) as { lines: { text: string }[] };
    expect(t.lines).toHaveLength(1000);
    expect(t.lines.every((x) => x.text === 'tick')).toBe(true);
  });
});

describe('sidecars', () => {
  it('a sidecar with a startup probe holds the main container until it has started', () => {
    const { c } = setup();
    c.createPod({
      metadata: { name: 'side' },
      spec: {
        initContainers: [{
          name: 'proxy', image: 'nginx:1.25', restartPolicy: 'Always',
          startupProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 3 },
        }],
        containers: [{ name: 'web', image: 'busybox:1.36', command: ['sleep', '3600'] }],
      },
    });
    c.runFor(4_000);
    const t0 = startedAt(c);
    expect(c.events.filter((e) => e.reason === 'Started').map((e) => e.fieldPath)).toEqual(['spec.initContainers{proxy}']);
    c.runFor(t0 + 3_000 - c.t);
    expect(c.events.filter((e) => e.reason === 'Pulling').map((e) => [e.fieldPath, e.at])).toEqual([
      ['spec.initContainers{proxy}', expect.any(Number)], ['spec.containers{web}', t0 + 3_000],
    ]);
    c.runFor(5_000);
    expect(st(c, 'side').phase).toBe('Running');
    expect(st(c, 'side').initContainerStatuses[0]).toMatchObject({ started: true, ready: true });
  });
});

describe('a failed machine', () => {
  it('keeps its pods\' status to itself until it recovers, then writes what changed', () => {
    const { c, kubelet } = setup();
    c.createPod(pod('crash', { image: 'busybox:1.36', command: ['sh', '-c', 'sleep 5; exit 1'] }));
    c.runFor(3_000);
    expect(cs(c, 'crash').state.running).toBeDefined();
    kubelet.fail();
    const writes = c.requests.length;
    c.runFor(10_000);
    expect(c.requests.length).toBe(writes);
    expect(cs(c, 'crash').state.running).toBeDefined();
    expect(kubelet.killContainer('uid-crash', 'web', 1)).toEqual({ ok: false, message: 'pod with UID "uid-crash" is not running on node "worker-1"' });
    kubelet.recover();
    expect(cs(c, 'crash').restartCount).toBeGreaterThanOrEqual(1);
  });
});
