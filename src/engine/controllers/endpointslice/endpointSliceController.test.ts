import { describe, expect, it } from 'vitest';
import { TestCluster } from '../../testing/testCluster.ts';
import type { KubeObject } from '../../types.ts';
import type { V1EndpointSlice } from './utils.ts';

const DEPLOY = (replicas: number, extra = '') => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx:1.27, ports: [{name: http, containerPort: 8080}]}]${extra}
`;
const SVC = (spec = '') => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', labels: { tier: 'front' } },
  spec: { clusterIP: '10.96.100.10', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }], ...JSON.parse(spec || '{}') },
});
const slicesOf = (c: TestCluster, svc = 'web') =>
  (c.get('/apis/discovery.k8s.io/v1/namespaces/default/endpointslices').body as { items: V1EndpointSlice[] }).items.filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc);
const podNamed = (c: TestCluster, name: string) => c.pods().find((p) => p.metadata.name === name) as KubeObject;

describe('EndpointSlice controller', () => {
  it('lists ready pods with resolved named ports, labels, owner and trigger time', () => {
    const c = new TestCluster({ workers: 2 });
    c.apply(DEPLOY(2));
    c.runFor('30s');
    c.apply(SVC());
    c.runFor('2s');
    const [s, ...rest] = slicesOf(c);
    expect(rest).toEqual([]);
    expect(s.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(s.metadata.labels).toEqual({ tier: 'front', 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' });
    const svc = c.get('/api/v1/namespaces/default/services/web').body as KubeObject;
    expect(s.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    // The first sync counts every pod's Ready transition and the Service's creation: the earliest wins.
    const readyTimes = c.pods("app=web").map((p) => (p as unknown as { status: { conditions: { type: string; lastTransitionTime: string }[] } }).status.conditions.find((x) => x.type === 'Ready')!.lastTransitionTime).sort();
    expect(s.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toBe(readyTimes[0]);
    expect(s.addressType).toBe('IPv4');
    expect(s.ports).toEqual([{ name: '', port: 8080, protocol: 'TCP' }]);
    expect(s.endpoints).toHaveLength(2);
    const pods = c.pods('app=web');
    for (const ep of s.endpoints!) {
      const pod = pods.find((p) => p.metadata.name === ep.targetRef?.name) as KubeObject & { spec: { nodeName: string }; status: { podIP: string } };
      expect(ep).toEqual({
        addresses: [pod.status.podIP],
        conditions: { ready: true, serving: true, terminating: false },
        nodeName: pod.spec.nodeName,
        targetRef: { kind: 'Pod', namespace: 'default', name: pod.metadata.name, uid: pod.metadata.uid },
      });
    }
    expect(c.spansOf('endpointSliceSync').length).toBeGreaterThan(0);
  });

  it('a Service selecting nothing gets one placeholder slice, reused when pods appear', () => {
    const c = new TestCluster({ workers: 1 });
    c.apply(SVC());
    c.runFor('1s');
    const [p] = slicesOf(c);
    expect(p.endpoints).toEqual([]);
    expect(p.ports).toEqual([]);
    c.apply(DEPLOY(1));
    c.runFor('30s');
    const after = slicesOf(c);
    expect(after.map((s) => s.metadata.name)).toEqual([p.metadata.name]);
    expect(after[0].ports).toEqual([{ name: '', port: 8080, protocol: 'TCP' }]);
    expect(after[0].endpoints).toHaveLength(1);
  });

  it('a Service without a selector gets no managed slices; deleting the Service lets the GC delete them', () => {
    const c = new TestCluster({ workers: 1 });
    c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'ext' }, spec: { clusterIP: '10.96.100.11', ports: [{ port: 80 }] } });
    c.apply(SVC());
    c.runFor('1s');
    expect(slicesOf(c, 'ext')).toEqual([]);
    expect(slicesOf(c)).toHaveLength(1);
    c.delete('/api/v1/namespaces/default/services/web');
    c.runFor('5s');
    expect(slicesOf(c)).toEqual([]);
  });

  it('not-ready, terminating and publishNotReadyAddresses conditions follow podToEndpoint', () => {
    const c = new TestCluster({ workers: 1 });
    c.apply(DEPLOY(1, '\n      terminationGracePeriodSeconds: 30'));
    c.apply(SVC());
    c.runFor('30s');
    const name = c.pods('app=web')[0].metadata.name;
    c.delete(`/api/v1/namespaces/default/pods/${name}`);
    c.runFor('50ms');
    const eps = slicesOf(c).flatMap((s) => s.endpoints ?? []);
    const term = eps.find((e) => e.targetRef?.name === name);
    expect(term?.conditions).toEqual({ ready: false, serving: true, terminating: true });
    void podNamed;
  });

  it('publishNotReadyAddresses makes every endpoint ready', () => {
    const c = new TestCluster({ workers: 1 });
    c.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27', readinessProbe: { exec: { command: ['false'] } } }] } });
    c.apply(SVC('{"publishNotReadyAddresses": true, "ports": [{"port": 80, "targetPort": 8080}]}'));
    c.runFor('20s');
    const [ep] = slicesOf(c).flatMap((s) => s.endpoints ?? []);
    expect(ep.conditions).toEqual({ ready: true, serving: false, terminating: false });
  });

  it('follows selector changes and pod relabels', () => {
    const c = new TestCluster({ workers: 1 });
    c.apply(DEPLOY(2));
    c.apply(SVC());
    c.runFor('30s');
    expect(slicesOf(c).flatMap((s) => s.endpoints ?? [])).toHaveLength(2);
    const [p] = c.pods('app=web');
    c.cluster.handle({ verb: 'PATCH', path: `/api/v1/namespaces/default/pods/${p.metadata.name}`, patchType: 'application/merge-patch+json', body: { metadata: { labels: { app: 'other' } } } });
    c.runFor('1s');
    const names = slicesOf(c).flatMap((s) => s.endpoints ?? []).map((e) => e.targetRef?.name);
    expect(names).not.toContain(p.metadata.name);
    c.apply(SVC('{"selector": {"app": "other"}}'));
    c.runFor('1s');
    expect(slicesOf(c).flatMap((s) => s.endpoints ?? []).map((e) => e.targetRef?.name)).toEqual([p.metadata.name]);
  });

  it('puts back a managed slice someone else deleted or edited', () => {
    const c = new TestCluster({ workers: 1 });
    c.apply(DEPLOY(1));
    c.apply(SVC());
    c.runFor('30s');
    const [s] = slicesOf(c);
    c.delete(`/apis/discovery.k8s.io/v1/namespaces/default/endpointslices/${s.metadata.name}`);
    c.runFor('1s');
    const [again] = slicesOf(c);
    expect(again.metadata.name).not.toBe(s.metadata.name);
    expect(again.endpoints).toHaveLength(1);
    c.cluster.handle({ verb: 'PUT', path: `/apis/discovery.k8s.io/v1/namespaces/default/endpointslices/${again.metadata.name}`, body: { ...again, endpoints: [] } });
    c.runFor('1s');
    expect(slicesOf(c).flatMap((x) => x.endpoints ?? [])).toHaveLength(1);
  });

  it('pods whose named targetPort resolves differently go in different slices', () => {
    const c = new TestCluster({ workers: 1 });
    const pod = (name: string, port: number) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: port }] }] } });
    c.apply(pod('a', 8080));
    c.apply(pod('b', 9090));
    c.apply(pod('c', 9090));
    c.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'noport', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } });
    c.apply(SVC());
    c.runFor('20s');
    const byPort = Object.fromEntries(slicesOf(c).map((s) => [s.ports?.[0]?.port ?? 'none', (s.endpoints ?? []).map((e) => e.targetRef?.name).sort()]));
    // A pod the named port does not resolve on still gets an endpoint, in a slice without ports.
    expect(byPort).toEqual({ 8080: ['a'], 9090: ['b', 'c'], none: ['noport'] });
  });

  it('splits 250 pods into slices of at most 100', { timeout: 30_000 }, () => {
    const c = new TestCluster({ workers: 3 });
    c.apply(DEPLOY(250).replace('image: nginx:1.27', 'image: nginx:1.27, resources: {requests: {cpu: 1m, memory: 1Mi}}'));
    c.apply(SVC());
    c.runFor('120s');
    const running = c.pods('app=web').filter((p) => (p as { status?: { podIP?: string } }).status?.podIP).length;
    const sizes = slicesOf(c).map((s) => s.endpoints?.length ?? 0).sort((a, b) => b - a);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(running);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(100);
    expect(sizes.length).toBe(Math.ceil(running / 100));
  });
});
