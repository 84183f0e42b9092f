import { describe, expect, it } from 'vitest';
import { createRegistry } from '../registry/registry.ts';
import { startScheduler } from '../scheduler/scheduler.ts';
import { FakeCluster } from './fakeContext.test-helper.ts';
import { goDuration } from './goDuration.ts';
import { startKubelet } from './kubelet.ts';
import type { MachineSpec } from './machine.ts';

const machine = (name: string, i: number): MachineSpec => ({
  name, cpu: '2', memory: '4Gi', pods: 110, labels: {}, taints: [], internalIP: `172.18.0.${i + 2}`, podCIDR: `10.244.${i}.0/24`,
});

function setup(workers = 1) {
  const c = new FakeCluster();
  const registry = createRegistry();
  const kubelets = [];
  for (let i = 1; i <= workers; i++) kubelets.push(startKubelet(c.ctx('kubelet', `worker-${i}`), machine(`worker-${i}`, i), registry));
  startScheduler(c.ctx('scheduler'));
  return { c, registry, kubelets };
}
const pod = (name: string, image: string, extra: Record<string, unknown> = {}, container: Record<string, unknown> = {}) => ({
  metadata: { name }, spec: { containers: [{ name: 'web', image, ...container }], ...extra },
});
type Obj = Record<string, any>;
const status = (c: FakeCluster, name: string) => c.pod(name)!.status as Obj;
const evs = (c: FakeCluster, from = 0) => c.events.filter((e) => e.at >= from).map((e) => `${e.type} ${e.reason} ${e.message}`);

describe('goDuration', () => {
  it.each([[0, '0s'], [254, '254ms'], [2005, '2.005s'], [2500, '2.5s'], [10000, '10s'], [80000, '1m20s'], [300000, '5m0s'], [3600000, '1h0m0s']])(
    '%d → %s', (ms, want) => expect(goDuration(ms)).toBe(want));
});

describe('kubelet registration', () => {
  it('registers the Node with capacity, conditions, addresses and nodeInfo', () => {
    const { c } = setup();
    const n = c.node('worker-1') as Obj;
    expect(n.status.capacity).toMatchObject({ cpu: '2', memory: '4Gi', pods: '110' });
    expect(n.status.allocatable).toMatchObject({ cpu: '2', memory: '4Gi', pods: '110' });
    expect(n.status.conditions.map((x: Obj) => [x.type, x.status, x.reason, x.message])).toEqual([
      ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
      ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
      ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
      ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
    ]);
    expect(n.status.addresses).toEqual([{ type: 'InternalIP', address: '172.18.0.3' }, { type: 'Hostname', address: 'worker-1' }]);
    expect(n.status.nodeInfo).toMatchObject({ kubeletVersion: 'v1.34.0', containerRuntimeVersion: 'containerd://2.1.4', operatingSystem: 'linux', architecture: 'amd64' });
    expect(n.spec.podCIDR).toBe('10.244.1.0/24');
    expect(n.status.images[0].names[1]).toBe('registry.k8s.io/pause:3.10');
  });
});

describe('pod lifecycle', () => {
  it('takes a pod to Running with the upstream event sequence and status', () => {
    const { c } = setup();
    c.createPod(pod('web', 'nginx:1.25'));
    c.runFor(10_000);
    expect(evs(c)).toEqual([
      'Normal Scheduled Successfully assigned default/web to worker-1',
      'Normal Pulling Pulling image "nginx:1.25"',
      'Normal Pulled Successfully pulled image "nginx:1.25" in 1.963s (1.963s including waiting). Image size: 70500000 bytes.',
      'Normal Created Created container: web',
      'Normal Started Started container web',
    ]);
    expect(c.events[1]!.fieldPath).toBe('spec.containers{web}');
    const s = status(c, 'web');
    expect(s.phase).toBe('Running');
    expect(s.podIP).toBe('10.244.1.2');
    expect(s.hostIP).toBe('172.18.0.3');
    expect(s.conditions.map((x: Obj) => `${x.type}=${x.status}`)).toEqual([
      'PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True',
    ]);
    const cs = s.containerStatuses[0];
    expect(cs).toMatchObject({ name: 'web', ready: true, started: true, restartCount: 0, image: 'docker.io/library/nginx:1.25' });
    expect(cs.state.running.startedAt).toMatch(/^2026-01-01T00:00:0\dZ$/);
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(cs.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    // Spans: watch → sandbox → pull request/serve → create → start, on this node.
    const kinds = c.spans.filter((x) => x.node === 'worker-1').map((x) => `${x.from}>${x.to}:${x.verb.split(' ')[0]}`);
    expect(kinds).toContain('apiserver>kubelet:ADDED');
    expect(kinds).toContain('kubelet>runtime:RunPodSandbox');
    expect(kinds).toContain('runtime>registry:PullImage');
    expect(kinds).toContain('registry>runtime:PullImage');
    expect(kinds).toContain('kubelet>apiserver:PATCH');
    expect(c.spans.find((x) => x.kind === 'registryServe')!.duration).toBe(1963);
  });

  it('first writes ContainerCreating, Pending, no pod IP', () => {
    const { c } = setup();
    c.createPod(pod('web', 'nginx:1.25'));
    c.runFor(5);
    const s = status(c, 'web');
    expect(s.phase).toBe('Pending');
    expect(s.podIP).toBeUndefined();
    expect(s.containerStatuses[0].state).toEqual({ waiting: { reason: 'ContainerCreating' } });
    expect(s.conditions.find((x: Obj) => x.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [web]' });
  });

  it('serializes pulls on a node and reuses the cached image (IfNotPresent)', () => {
    const { c } = setup();
    c.createPod(pod('a', 'nginx:1.25'));
    c.createPod(pod('b', 'nginx:1.25'));
    c.createPod(pod('c', 'redis:7'));
    c.runFor(20_000);
    const pulled = c.events.filter((e) => e.reason === 'Pulled').map((e) => `${e.object} ${e.message}`);
    expect(pulled).toEqual([
      'Pod/a Successfully pulled image "nginx:1.25" in 1.963s (1.963s including waiting). Image size: 70500000 bytes.',
      // b asked while a was pulling: it waited for the slot, then only resolved the manifest.
      'Pod/b Successfully pulled image "nginx:1.25" in 200ms (2.163s including waiting). Image size: 70500000 bytes.',
      'Pod/c Successfully pulled image "redis:7" in 1.203s (3.366s including waiting). Image size: 40100000 bytes.',
    ]);
    c.createPod(pod('d', 'nginx:1.25'));
    c.runFor(5_000);
    expect(c.events.filter((e) => e.object === 'Pod/d').map((e) => e.message)).toContain('Container image "nginx:1.25" already present on machine');
  });

  it('pulls every time with Always (nginx = nginx:latest) and fails with Never when absent', () => {
    const { c } = setup();
    c.createPod(pod('never', 'nginx:1.27', {}, { imagePullPolicy: 'Never' }));
    c.runFor(5_000);
    expect(evs(c).slice(1)).toEqual([
      'Warning ErrImageNeverPull Container image "nginx:1.27" is not present with pull policy of Never',
      'Warning Failed Error: ErrImageNeverPull',
    ]);
    expect(status(c, 'never').containerStatuses[0].state.waiting.reason).toBe('ErrImageNeverPull');
    c.createPod(pod('a1', 'nginx'));
    c.runFor(5_000);
    const t = c.t;
    c.createPod(pod('a2', 'nginx'));
    c.runFor(5_000);
    expect(evs(c, t).filter((e) => e.includes('Pull'))).toEqual([
      'Normal Pulling Pulling image "nginx"',
      'Normal Pulled Successfully pulled image "nginx" in 200ms (200ms including waiting). Image size: 72200000 bytes.',
    ]);
  });

  it('unknown tag: ErrImagePull, then ImagePullBackOff, retrying at 10 s, 20 s, 40 s … back-off', () => {
    const { c } = setup();
    c.createPod(pod('bad', 'nginx:doesnotexist'));
    c.runFor(1_000);
    const err =
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:doesnotexist": ' +
      'failed to resolve reference "docker.io/library/nginx:doesnotexist": docker.io/library/nginx:doesnotexist: not found';
    expect(evs(c).slice(1)).toEqual([
      'Normal Pulling Pulling image "nginx:doesnotexist"',
      `Warning Failed Failed to pull image "nginx:doesnotexist": ${err}`,
      'Warning Failed Error: ErrImagePull',
    ]);
    expect(status(c, 'bad').containerStatuses[0].state.waiting).toEqual({ reason: 'ErrImagePull', message: err });
    c.runFor(2_000);
    expect(evs(c).slice(4)).toEqual(['Normal BackOff Back-off pulling image "nginx:doesnotexist"', 'Warning Failed Error: ImagePullBackOff']);
    expect(status(c, 'bad').containerStatuses[0].state.waiting).toEqual({
      reason: 'ImagePullBackOff', message: `Back-off pulling image "nginx:doesnotexist": ErrImagePull: ${err}`,
    });
    c.runFor(700_000);
    const pulls = c.events.filter((e) => e.reason === 'Pulling').map((e) => e.at);
    const gaps = pulls.slice(1).map((t, i) => t - pulls[i]!);
    expect(gaps).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000].map((g) => g + 200));
    expect(status(c, 'bad').phase).toBe('Pending');
  });

  it('unknown repository: pull access denied', () => {
    const { c } = setup();
    c.createPod(pod('nope', 'acme/nope:1'));
    c.runFor(1_000);
    expect(c.events.find((e) => e.message.startsWith('Failed to pull'))!.message).toBe(
      'Failed to pull image "acme/nope:1": rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/acme/nope:1": ' +
        'failed to resolve reference "docker.io/acme/nope:1": pull access denied, repository does not exist or may require authorization: ' +
        'server message: insufficient_scope: authorization failed',
    );
  });

  it('busybox without a command completes and crash-loops under restartPolicy Always', () => {
    const { c } = setup();
    c.createPod(pod('bb', 'busybox:1.36'));
    c.runFor(3_000);
    let cs = status(c, 'bb').containerStatuses[0];
    // First exit restarts at once; second exit backs off 10 s.
    expect(cs.restartCount).toBe(1);
    expect(cs.state.waiting.reason).toBe('CrashLoopBackOff');
    expect(cs.state.waiting.message).toBe('back-off 10s restarting failed container=web pod=bb_default(uid-bb)');
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(status(c, 'bb').phase).toBe('Running');
    expect(c.events.some((e) => e.reason === 'BackOff' && e.message === 'Back-off restarting failed container web in pod bb_default(uid-bb)')).toBe(true);
    c.runFor(12_000);
    cs = status(c, 'bb').containerStatuses[0];
    expect(cs.restartCount).toBe(2);
    expect(cs.state.waiting.message).toBe('back-off 20s restarting failed container=web pod=bb_default(uid-bb)');
  });

  it('restartPolicy Never: busybox completes and the pod Succeeds', () => {
    const { c } = setup();
    c.createPod(pod('once', 'busybox:1.36', { restartPolicy: 'Never' }));
    c.runFor(5_000);
    const s = status(c, 'once');
    expect(s.phase).toBe('Succeeded');
    expect(s.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(s.conditions.find((x: Obj) => x.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
  });

  it('graceful deletion: Killing, stop within the grace period, then DELETE with grace 0', () => {
    const { c } = setup();
    c.createPod(pod('web', 'nginx:1.25'));
    c.runFor(5_000);
    c.handle('DELETE', '/api/v1/namespaces/default/pods/web', undefined, {});
    c.runFor(100);
    expect(c.events.at(-1)).toMatchObject({ reason: 'Killing', message: 'Stopping container web', type: 'Normal' });
    expect(c.pod('web')).toBeDefined();
    c.runFor(1_000);
    expect(c.pod('web')).toBeUndefined();
    const del = c.requests.filter((r) => r.verb === 'DELETE' && r.stage === 'kubelet');
    expect(del).toHaveLength(1);
    expect(del[0]!.body).toMatchObject({ gracePeriodSeconds: 0, preconditions: { uid: 'uid-web' } });
  });

  it('a shell running sleep ignores SIGTERM and is killed after the grace period', () => {
    const { c } = setup();
    c.createPod(pod('sleeper', 'busybox:1.36', { terminationGracePeriodSeconds: 5 }, { command: ['sleep', '3600'] }));
    c.runFor(5_000);
    expect(status(c, 'sleeper').phase).toBe('Running');
    c.handle('DELETE', '/api/v1/namespaces/default/pods/sleeper', undefined, {});
    c.runFor(4_900);
    expect(c.pod('sleeper')).toBeDefined();
    c.runFor(200);
    expect(c.pod('sleeper')).toBeUndefined();
  });

  it('runs init containers to completion first (PodInitializing, then Running)', () => {
    const { c } = setup();
    c.createPod({
      metadata: { name: 'init' },
      spec: {
        initContainers: [{ name: 'setup', image: 'busybox:1.36', command: ['sh', '-c', 'echo ready'] }],
        containers: [{ name: 'web', image: 'nginx:1.25' }],
      },
    });
    c.runFor(400);
    let s = status(c, 'init');
    expect(s.phase).toBe('Pending');
    expect(s.initContainerStatuses[0].state.waiting.reason).toBe('PodInitializing');
    expect(s.containerStatuses[0].state.waiting.reason).toBe('PodInitializing');
    expect(s.conditions.find((x: Obj) => x.type === 'Initialized')).toMatchObject({
      status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [setup]',
    });
    c.runFor(10_000);
    s = status(c, 'init');
    expect(s.phase).toBe('Running');
    expect(s.initContainerStatuses[0].state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(s.conditions.find((x: Obj) => x.type === 'Initialized').status).toBe('True');
    expect(c.events.filter((e) => e.reason === 'Started').map((e) => e.fieldPath)).toEqual(['spec.initContainers{setup}', 'spec.containers{web}']);
  });
});
