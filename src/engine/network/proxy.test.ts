import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster.ts';
import type { KubeObject } from '../types.ts';

const SVC = (spec: Record<string, unknown> = {}, name = 'web') => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name },
  spec: { clusterIP: '10.96.100.10', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }], ...spec },
});
const DEPLOY = (replicas: number) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    replicas,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { terminationGracePeriodSeconds: 30, containers: [{ name: 'web', image: 'nginx:1.27' }] } },
  },
});
const POD = (name: string, ready: boolean) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels: { app: 'web' } },
  spec: { containers: [{ name: 'c', image: 'nginx:1.27', ...(ready ? {} : { readinessProbe: { exec: { command: ['false'] } } }) }] },
});
const podIP = (p: KubeObject) => (p as { status?: { podIP?: string } }).status?.podIP;

describe('kube-proxy', () => {
  it('spreads connections uniformly over ready endpoints and never picks a not-ready one', () => {
    const c = new TestCluster({ workers: 2, seed: 7 });
    c.apply(DEPLOY(3));
    c.apply(POD('slow', false));
    c.apply(SVC());
    c.runFor('30s');
    const counts: Record<string, number> = {};
    for (let i = 0; i < 3000; i++) {
      const r = c.cluster.proxy.route('default', 'web');
      if (!r.ok) throw new Error(r.reason);
      expect(r.targetPort).toBe(8080);
      expect(r.endpoints).toBe(3);
      counts[r.pod] = (counts[r.pod] ?? 0) + 1;
    }
    expect(Object.keys(counts).sort()).toEqual(c.pods('app=web').map((p) => p.metadata.name).filter((n) => n !== 'slow').sort());
    for (const n of Object.values(counts)) expect(Math.abs(n - 1000)).toBeLessThan(120);
    expect(c.cluster.proxy.route('default', 'web', 'http').ok).toBe(true);
    expect(c.cluster.proxy.route('default', 'web', 80).ok).toBe(true);
    expect(c.cluster.proxy.route('default', 'web', 81)).toEqual({ ok: false, reason: 'no-port', service: 'default/web' });
    expect(c.cluster.proxy.route('default', 'nope')).toEqual({ ok: false, reason: 'no-service', service: 'default/nope' });
    expect(c.spansOf('proxySync').length).toBeGreaterThan(0);
    const hop = c.spans.find((s) => s.from === 'apiserver' && s.to === 'service' && s.kind.startsWith('watchEndpointSlice'));
    expect(hop).toBeDefined();
  });

  it('says no-endpoints when nothing is ready, and falls back to serving terminating endpoints', () => {
    const c = new TestCluster({ workers: 1 });
    c.apply(POD('slow', false));
    c.apply(SVC());
    c.runFor('20s');
    expect(c.cluster.proxy.route('default', 'web')).toEqual({ ok: false, reason: 'no-endpoints', service: 'default/web' });
    expect(c.spansOf('proxySyncNone').length).toBeGreaterThan(0);
    c.apply({ ...POD('fast', true), spec: { terminationGracePeriodSeconds: 30, containers: [{ name: 'c', image: 'nginx:1.27' }] } });
    c.runFor('20s');
    const pod = c.pod('fast')!;
    c.delete(`/api/v1/namespaces/default/pods/${pod.metadata.name}`);
    c.runFor('100ms');
    // The pod is terminating but still serving (it keeps Ready until its containers stop).
    const r = c.cluster.proxy.route('default', 'web');
    expect(r.ok && r.pod).toBe(pod.metadata.name);
    expect(c.spansOf('proxySyncTerminating').length).toBe(1);
    c.runFor('2s');
    expect(c.cluster.proxy.route('default', 'web')).toEqual({ ok: false, reason: 'no-endpoints', service: 'default/web' });
  });

  it('pins a client with sessionAffinity ClientIP until the timeout passes', () => {
    const c = new TestCluster({ workers: 2, seed: 3 });
    c.apply(DEPLOY(3));
    c.apply(SVC({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 10 } } }));
    c.runFor('30s');
    const first = c.cluster.proxy.route('default', 'web', undefined, '192.168.49.1');
    for (let i = 0; i < 50; i++) expect(c.cluster.proxy.route('default', 'web', undefined, '192.168.49.1')).toEqual(first);
    const others = new Set<string>();
    for (let i = 0; i < 50; i++) {
      c.runFor('11s');
      const r = c.cluster.proxy.route('default', 'web', undefined, '192.168.49.1');
      if (r.ok) others.add(r.pod);
    }
    expect(others.size).toBeGreaterThan(1);
  });

  it('routes ClusterIP, NodePort (any node IP) and LoadBalancer IP; headless Services are not proxied', () => {
    const c = new TestCluster({ workers: 2 });
    c.apply(DEPLOY(2));
    c.apply(SVC({ type: 'LoadBalancer', ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080 }] }));
    c.apply(SVC({ clusterIP: 'None' }, 'headless'));
    c.runFor('30s');
    const svc = c.get('/api/v1/namespaces/default/services/web').body as KubeObject;
    if (!(svc as { status?: { loadBalancer?: { ingress?: unknown[] } } }).status?.loadBalancer?.ingress?.length) {
      c.cluster.handle({ verb: 'PUT', path: '/api/v1/namespaces/default/services/web/status', body: { ...svc, status: { loadBalancer: { ingress: [{ ip: '172.18.255.201', ipMode: 'VIP' }] } } } });
      c.runFor('2s');
    }
    const ips = c.pods('app=web').map(podIP);
    for (const [ip, port] of [['10.96.100.10', 80], ['192.168.49.2', 30080], ['192.168.49.4', 30080], ['172.18.255.201', 80]] as const) {
      const r = c.cluster.proxy.routeIP(ip, port, '10.0.0.1');
      expect(r.ok, `${ip}:${port}`).toBe(true);
      if (r.ok) expect(ips).toContain(r.ip);
    }
    expect(c.cluster.proxy.routeIP('10.96.100.10', 81)).toEqual({ ok: false, reason: 'no-port', service: 'default/web' });
    expect(c.cluster.proxy.routeIP('192.168.49.2', 30081)).toEqual({ ok: false, reason: 'no-service', service: '192.168.49.2:30081' });
    expect(c.cluster.proxy.route('default', 'headless')).toEqual({ ok: false, reason: 'no-service', service: 'default/headless' });
  });

  it('externalTrafficPolicy Local: a NodePort answers only from pods on the node it arrived at', () => {
    const c = new TestCluster({ workers: 2 });
    c.apply(DEPLOY(1));
    c.apply(SVC({ type: 'NodePort', externalTrafficPolicy: 'Local', ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080 }] }));
    c.runFor('30s');
    const pod = c.pods('app=web')[0] as KubeObject & { spec: { nodeName: string } };
    const nodeIP = (n: string) => `192.168.49.${2 + ['control-plane', 'worker-1', 'worker-2'].indexOf(n)}`;
    const other = pod.spec.nodeName === 'worker-1' ? 'worker-2' : 'worker-1';
    expect(c.cluster.proxy.routeIP(nodeIP(pod.spec.nodeName), 30080)).toMatchObject({ ok: true, pod: pod.metadata.name });
    expect(c.cluster.proxy.routeIP(nodeIP(other), 30080)).toEqual({ ok: false, reason: 'no-endpoints', service: 'default/web' });
  });

  it('the kubernetes Service routes to the API server', () => {
    const c = new TestCluster({ workers: 1 });
    expect(c.cluster.proxy.routeIP('10.96.0.1', 443)).toMatchObject({ ok: true, ip: '192.168.49.2', targetPort: 6443, pod: '' });
  });

  it('programs rules at most once per minSyncPeriod after a burst of two', () => {
    const c = new TestCluster({ workers: 1 });
    c.apply(DEPLOY(1));
    c.apply(SVC());
    c.runFor('30s');
    const at = c.spansOf('proxySync').map((s) => s.at);
    for (let i = 2; i < at.length; i++) expect(at[i] - at[i - 2]).toBeGreaterThanOrEqual(1000);
  });
});

describe('kube-proxy and hand-written Endpoints', () => {
  it('routes a selector-less Service through the slice mirrored from its Endpoints', () => {
    const c = new TestCluster({ workers: 1 });
    c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'db' }, spec: { clusterIP: '10.96.100.20', ports: [{ name: 'pg', port: 5432 }] } });
    c.apply({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'db', labels: { team: 'data' } }, subsets: [{ addresses: [{ ip: '10.0.0.5' }], notReadyAddresses: [{ ip: '10.0.0.6' }], ports: [{ name: 'pg', port: 5432 }] }] });
    c.runFor('1s');
    const slices = (c.get('/apis/discovery.k8s.io/v1/namespaces/default/endpointslices').body as { items: KubeObject[] }).items.filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'db');
    expect(slices).toHaveLength(1);
    const ep = c.get('/api/v1/namespaces/default/endpoints/db').body as KubeObject;
    expect(slices[0]).toMatchObject({
      metadata: {
        generateName: 'db-',
        labels: { team: 'data', 'kubernetes.io/service-name': 'db', 'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io' },
        ownerReferences: [{ apiVersion: 'v1', kind: 'Endpoints', name: 'db', uid: ep.metadata.uid, controller: true, blockOwnerDeletion: true }],
      },
      addressType: 'IPv4',
      endpoints: [{ addresses: ['10.0.0.5'], conditions: { ready: true } }, { addresses: ['10.0.0.6'], conditions: { ready: false } }],
      ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }],
    });
    expect(c.cluster.proxy.routeIP('10.96.100.20', 5432)).toMatchObject({ ok: true, ip: '10.0.0.5', targetPort: 5432, pod: '' });
    c.delete('/api/v1/namespaces/default/endpoints/db');
    c.runFor('2s');
    expect((c.get('/apis/discovery.k8s.io/v1/namespaces/default/endpointslices').body as { items: KubeObject[] }).items.filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'db')).toEqual([]);
    expect(c.cluster.proxy.route('default', 'db')).toEqual({ ok: false, reason: 'no-endpoints', service: 'default/db' });
  });
});
