import { describe, expect, it } from 'vitest';
import { createCluster, restoreCluster } from '../index.ts';
import { TestCluster } from './testCluster.ts';
import type { Span } from '../trace/span.ts';

const WEB = `
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: {app: web}
spec:
  containers:
  - name: web
    image: nginx:1.25
---
apiVersion: v1
kind: Pod
metadata:
  generateName: batch-
  labels: {app: web}
spec:
  containers:
  - name: main
    image: busybox
`;

function run(seed: number) {
  const c = new TestCluster({ seed, workers: 3 });
  c.apply(WEB);
  c.runFor('30s');
  return { spans: JSON.stringify(c.spans), pods: JSON.stringify(c.pods()), events: JSON.stringify(c.events()) };
}

describe('default cluster', () => {
  it('boots the DESIGN.md cluster', () => {
    const c = new TestCluster({ workers: 3 });
    expect(c.spans).toEqual([]);
    expect(c.cluster.now()).toBe(0);
    const nodes = c.nodes();
    expect(nodes.map((n) => n.metadata.name)).toEqual(['control-plane', 'worker-1', 'worker-2', 'worker-3']);
    const cp = nodes[0] as any;
    expect(cp.metadata.labels['node-role.kubernetes.io/control-plane']).toBe('');
    expect(cp.spec.taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
    const w1 = nodes[1] as any;
    expect(w1.metadata.labels).toMatchObject({ 'kubernetes.io/hostname': 'worker-1', 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64' });
    expect(w1.status.allocatable).toMatchObject({ cpu: '2', memory: '4Gi', pods: '110' });
    const ns = (c.get('/api/v1/namespaces').body as any).items;
    expect(ns.map((n: any) => [n.metadata.name, n.metadata.labels['kubernetes.io/metadata.name'], n.status.phase])).toEqual([
      ['default', 'default', 'Active'],
      ['kube-node-lease', 'kube-node-lease', 'Active'],
      ['kube-public', 'kube-public', 'Active'],
      ['kube-system', 'kube-system', 'Active'],
    ]);
    const svc = c.get('/api/v1/namespaces/default/services/kubernetes').body as any;
    expect(svc.spec.clusterIP).toBe('10.96.0.1');
    expect(svc.spec.ports).toEqual([{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }]);
    const ic = c.get('/apis/networking.k8s.io/v1/ingressclasses/nginx').body as any;
    expect(ic.spec.controller).toBe('k8s.io/ingress-nginx');
    expect(ic.metadata.annotations['ingressclass.kubernetes.io/is-default-class']).toBe('true');
  });

  it('runs pods to Running and records events with upstream naming', () => {
    const c = new TestCluster({ seed: 3 });
    c.apply(WEB);
    c.runFor('30s');
    const pods = c.pods('app=web');
    expect(pods).toHaveLength(2);
    expect(pods.every((p: any) => p.status.phase === 'Running')).toBe(true);
    const ev = c.events('web') as any[];
    expect(ev[0]).toMatchObject({ reason: 'Scheduled', type: 'Normal', source: { component: 'default-scheduler' }, count: 1 });
    expect(ev[0].metadata.name).toMatch(/^web\.[0-9a-f]+$/);
    expect(ev[0].involvedObject).toMatchObject({ kind: 'Pod', namespace: 'default', name: 'web', apiVersion: 'v1' });
  });

  it('records a request span and an etcd span per write, linked by causeId', () => {
    const c = new TestCluster({ seed: 3 });
    c.apply(WEB);
    const [req, etcd] = c.spans;
    expect(req).toMatchObject({ id: 1, from: 'kubectl', to: 'apiserver', verb: 'POST /api/v1/namespaces/default/pods', kind: 'apiCreate' });
    expect(etcd).toMatchObject({ id: 2, from: 'apiserver', to: 'etcd', causeId: 1, kind: 'etcdWrite' });
    expect(etcd.summary).toMatch(/^The API server stored Pod\/default\/web in etcd at resourceVersion \d+\.$/);
  });

  it('is deterministic: same seed and inputs give identical spans, objects and events', () => {
    const a = run(11);
    expect(run(11)).toEqual(a);
    expect(run(12).pods).not.toEqual(a.pods);
  });

  it('restore-then-continue equals a straight run', () => {
    const straight = createCluster({ seed: 5 });
    const spansA: Span[] = [];
    straight.onSpan((s) => spansA.push(s));
    const yamlPod = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    straight.handle({ verb: 'POST', path: '/api/v1/namespaces/default/pods', body: yamlPod('a') });
    straight.runUntil(1500, { stopOnSpan: true });
    straight.runFor(1234);
    straight.sim.imagePush('example.com/app:v1', { size: '10Mi' });
    const snap = JSON.parse(JSON.stringify(straight.snapshot()));
    const restored = restoreCluster(snap);
    expect(restored.now()).toBe(straight.now());
    const spansB: Span[] = [];
    restored.onSpan((s) => spansB.push(s));
    const cut = spansA.length;
    for (const c of [straight, restored]) {
      c.handle({ verb: 'POST', path: '/api/v1/namespaces/default/pods', body: yamlPod('b') });
      c.sim.nodeAdd('worker-9');
      c.runFor(5_000);
      c.sim.nodeFail('worker-1');
      c.runFor(5_000);
      c.sim.nodeRecover('worker-1');
      c.runFor(20_000);
    }
    expect(JSON.stringify(spansB)).toEqual(JSON.stringify(spansA.slice(cut)));
    const dump = (c: typeof straight) => JSON.stringify([c.handle({ verb: 'GET', path: '/api/v1/pods' }).body, c.handle({ verb: 'GET', path: '/api/v1/nodes' }).body]);
    expect(dump(restored)).toEqual(dump(straight));
    expect(JSON.stringify(restored.snapshot())).toEqual(JSON.stringify(straight.snapshot()));
  });
});
