import { describe, expect, it } from 'vitest';
import { TestCluster } from '../../testing/testCluster.ts';
import type { KubeObject } from '../../types.ts';
import { truncateEndpoints, type EndpointSubset } from './subsets.ts';
import type { V1Endpoints } from './endpointsController.ts';

const SVC = (spec: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', labels: { tier: 'front' } },
  spec: { clusterIP: '10.96.100.10', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }], ...spec },
});
const POD = (name: string, readiness: boolean) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels: { app: 'web' } },
  spec: { terminationGracePeriodSeconds: 30, containers: [{ name: 'c', image: 'nginx:1.27', ...(readiness ? {} : { readinessProbe: { exec: { command: ['false'] } } }) }] },
});
const ep = (c: TestCluster, name = 'web') => c.get(`/api/v1/namespaces/default/endpoints/${name}`).body as V1Endpoints;
type P = KubeObject & { spec: { nodeName: string }; status: { podIP: string } };

describe('Endpoints controller', () => {
  it('puts ready pods in addresses and not-ready pods in notReadyAddresses', () => {
    const c = new TestCluster({ workers: 1 });
    c.apply(POD('a', true));
    c.apply(POD('b', false));
    c.apply(SVC());
    c.runFor('20s');
    const a = c.pod('a') as P;
    const b = c.pod('b') as P;
    const e = ep(c);
    expect(e.metadata.labels).toEqual({ tier: 'front', 'endpoints.kubernetes.io/managed-by': 'endpoint-controller' });
    expect(e.subsets).toEqual([
      {
        addresses: [{ ip: a.status.podIP, nodeName: a.spec.nodeName, targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: a.metadata.uid } }],
        notReadyAddresses: [{ ip: b.status.podIP, nodeName: b.spec.nodeName, targetRef: { kind: 'Pod', namespace: 'default', name: 'b', uid: b.metadata.uid } }],
        ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      },
    ]);
    expect(c.spansOf('endpointsSync').length).toBeGreaterThan(0);
  });

  it('drops terminating pods unless publishNotReadyAddresses; deletes the Endpoints with the Service', () => {
    const c = new TestCluster({ workers: 1 });
    c.apply(POD('a', true));
    c.apply(SVC());
    c.runFor('20s');
    c.delete('/api/v1/namespaces/default/pods/a');
    c.runFor('100ms');
    expect(ep(c).subsets).toBeUndefined();
    c.delete('/api/v1/namespaces/default/services/web');
    c.runFor('100ms');
    expect(c.get('/api/v1/namespaces/default/endpoints/web').code).toBe(404);
  });

  it('publishNotReadyAddresses lists not-ready pods as addresses', () => {
    const c = new TestCluster({ workers: 1 });
    c.apply(POD('b', false));
    c.apply(SVC({ publishNotReadyAddresses: true }));
    c.runFor('20s');
    expect(ep(c).subsets?.[0].addresses?.map((a) => a.targetRef?.name)).toEqual(['b']);
    expect(ep(c).subsets?.[0].notReadyAddresses).toBeUndefined();
  });

  it('leaves selector-less Services alone; the kubernetes Service points at the API server', () => {
    const c = new TestCluster({ workers: 1 });
    c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'ext' }, spec: { clusterIP: '10.96.100.11', ports: [{ port: 80 }] } });
    c.runFor('1s');
    expect(c.get('/api/v1/namespaces/default/endpoints/ext').code).toBe(404);
    expect(ep(c, 'kubernetes')).toMatchObject({
      metadata: { labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
      subsets: [{ addresses: [{ ip: '192.168.49.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
    });
    const slice = c.get('/apis/discovery.k8s.io/v1/namespaces/default/endpointslices/kubernetes').body as Record<string, unknown>;
    expect(slice).toMatchObject({
      metadata: { name: 'kubernetes', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: ['192.168.49.2'], conditions: { ready: true } }],
      ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
    });
  });

  it('truncates past 1000 addresses, ready ones first', () => {
    const addrs = (n: number, p: string) => Array.from({ length: n }, (_, i) => ({ ip: `${p}.${i >> 8}.${i & 255}` }));
    const subsets: EndpointSubset[] = [{ addresses: addrs(900, '10.1'), notReadyAddresses: addrs(300, '10.2'), ports: [{ port: 80, protocol: 'TCP' }] }];
    expect(truncateEndpoints(subsets)).toBe(true);
    expect(subsets[0].addresses).toHaveLength(900);
    expect(subsets[0].notReadyAddresses).toHaveLength(100);
    const big: EndpointSubset[] = [{ addresses: addrs(1200, '10.1'), notReadyAddresses: addrs(5, '10.2') }];
    truncateEndpoints(big);
    expect(big[0].addresses).toHaveLength(1000);
    expect(big[0].notReadyAddresses).toBeUndefined();
  });
});
