/** End to end on the real engine: API server, informers, scheduler, kubelet, runtime, registry. */
import { describe, expect, it } from 'vitest';
import { machineFor } from '../cluster.ts';
import { TestCluster } from '../testing/testCluster.ts';
import { startKubelet } from './kubelet.ts';

type Obj = Record<string, any>;

function clusterWithWorker(): TestCluster {
  const c = new TestCluster({ workers: 0, seed: 7 });
  const sim = c.cluster;
  if (!sim.server.store.get('nodes', undefined, 'worker-1')) {
    startKubelet(sim.context('kubelet', 'worker-1'), machineFor('worker-1', 1, {}, false), sim.registry);
  }
  // Let the informers deliver the Node objects first (the real scheduler waits for cache sync).
  c.runFor('1s');
  return c;
}

const WEB = `
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.25
    resources:
      requests:
        cpu: 100m
`;

describe('apply a Pod → Running on a worker', () => {
  it('goes through scheduler, kubelet, runtime and registry with the upstream event sequence', () => {
    const c = clusterWithWorker();
    const [res] = c.apply(WEB);
    expect(res!.code).toBe(201);
    c.runFor('30s');
    const pod = c.pod('web') as Obj;
    expect(pod.spec.nodeName).toBe('worker-1');
    expect(pod.status.phase).toBe('Running');
    expect(pod.status.podIP).toBe('10.244.1.2');
    expect(pod.status.conditions.map((x: Obj) => `${x.type}=${x.status}`)).toEqual([
      'PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True',
    ]);
    expect(pod.status.containerStatuses[0]).toMatchObject({ name: 'web', ready: true, started: true, restartCount: 0 });
    const events = c.events('web').map((e) => `${e.type} ${e.reason} ${(e.source as Obj).component}: ${e.message}`);
    expect(events).toEqual([
      'Normal Scheduled default-scheduler: Successfully assigned default/web to worker-1',
      'Normal Pulling kubelet: Pulling image "nginx:1.25"',
      'Normal Pulled kubelet: Successfully pulled image "nginx:1.25" in 1.963s (1.963s including waiting). Image size: 70500000 bytes.',
      'Normal Created kubelet: Created container: web',
      'Normal Started kubelet: Started container web',
    ]);
    // The bind span names the watch that brought the pod and carries "why this node".
    const bind = c.spans.find((s) => s.kind === 'apiBind')!;
    expect(bind.from).toBe('scheduler');
    const why = (bind.payload as Obj).explanation;
    expect(why.selected).toBe('worker-1');
    expect(why.filtered[0]).toMatchObject({ node: 'control-plane', plugin: 'TaintToleration' });
    const cause = c.spans.find((s) => s.id === bind.causeId)!;
    expect([cause.from, cause.to]).toEqual(['apiserver', 'scheduler']);
    const nodeSpans = c.spans.filter((s) => s.node === 'worker-1').map((s) => `${s.from}>${s.to}`);
    for (const hop of ['apiserver>kubelet', 'kubelet>runtime', 'runtime>registry', 'registry>runtime', 'kubelet>apiserver']) {
      expect(nodeSpans).toContain(hop);
    }
  });

  it('deletes gracefully: Killing, then the kubelet confirms and the pod is gone', () => {
    const c = clusterWithWorker();
    c.apply(WEB);
    c.runFor('30s');
    const del = c.cluster.handle({ verb: 'DELETE', path: '/api/v1/namespaces/default/pods/web' });
    expect(del.code).toBe(200);
    c.runFor('100ms');
    expect((c.pod('web') as Obj).metadata.deletionTimestamp).toBeDefined();
    c.runFor('2s');
    expect(c.pod('web')).toBeUndefined();
    expect(c.events('web').map((e) => e.reason)).toContain('Killing');
  });
});

describe('probes, kills and logs through the real engine', () => {
  const PROBED = `
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.25
    readinessProbe:
      httpGet:
        path: /
        port: 80
      periodSeconds: 5
`;

  it('sim probe fail: Unhealthy de-duplicated into one Event with count 3, Ready=False, no restart', () => {
    const c = new TestCluster({ workers: 1, seed: 7 });
    c.apply(PROBED);
    c.runFor('30s');
    expect((c.pod('web') as Obj).status.containerStatuses[0].ready).toBe(true);
    expect(c.cluster.sim.probeFail('web', { probe: 'readiness', fail: true })).toMatchObject({ ok: true });
    expect(c.cluster.sim.probeFail('web', { probe: 'liveness', fail: true })).toEqual({ ok: false, message: 'container "web" has no liveness probe' });
    c.runFor('15s');
    const pod = c.pod('web') as Obj;
    expect(pod.status.conditions.find((x: Obj) => x.type === 'Ready')).toMatchObject({
      status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [web]',
    });
    expect(pod.status.containerStatuses[0].restartCount).toBe(0);
    const unhealthy = c.events('web').filter((e) => e.reason === 'Unhealthy');
    expect(unhealthy).toHaveLength(1);
    expect(unhealthy[0]).toMatchObject({ type: 'Warning', count: 3, message: 'Readiness probe failed: HTTP probe failed with statuscode: 500' });
  });

  it('sim container kill restarts the container; logs and --previous come from the kubelet', () => {
    const c = new TestCluster({ workers: 1, seed: 7 });
    c.apply(WEB);
    c.runFor('30s');
    expect(c.cluster.sim.containerKill('web')).toEqual({ ok: true, message: 'container "web" in pod "web" killed (exit code 137)' });
    c.runFor('1s');
    const cs = (c.pod('web') as Obj).status.containerStatuses[0];
    expect(cs).toMatchObject({ restartCount: 1, lastState: { terminated: { exitCode: 137, reason: 'Error' } } });
    const logs = c.get('/api/v1/namespaces/default/pods/web/log');
    expect(logs.code).toBe(200);
    expect(String(logs.body)).toContain('[notice] 1#1: start worker processes');
    const prev = c.get('/api/v1/namespaces/default/pods/web/log?previous=true');
    expect(prev.code).toBe(200);
    expect(String(prev.body)).toContain('/docker-entrypoint.sh: Configuration complete; ready for start up');
  });
});

describe('node heartbeats', () => {
  it('creates the Lease at registration and renews it every 10 s when enabled', () => {
    const c = new TestCluster({ workers: 0, seed: 7 });
    const sim = c.cluster;
    const k = startKubelet(sim.context('kubelet', 'worker-7'), machineFor('worker-7', 7, {}, false), sim.registry, { heartbeats: true });
    const lease = () => c.get('/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/worker-7').body as Obj;
    expect(lease().spec).toMatchObject({ holderIdentity: 'worker-7', leaseDurationSeconds: 40 });
    expect(lease().spec.renewTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    const first = lease().spec.renewTime;
    c.runFor('10s');
    const second = lease().spec.renewTime;
    expect(Date.parse(second) - Date.parse(first)).toBe(10_000);
    k.fail();
    c.runFor('30s');
    expect(lease().spec.renewTime).toBe(second);
    k.recover();
    expect(Date.parse(lease().spec.renewTime) - Date.parse(second)).toBe(30_000);
    k.stop();
  });
});
