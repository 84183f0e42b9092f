import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../protocol/types.ts';
import { endpointRows, externalIPOf, ingressSummary, portString, serviceSummaries, trafficLine, trafficTargets } from './networkModel.ts';

const svc = (name: string, spec: Record<string, unknown>, status?: Record<string, unknown>, ns = 'default'): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec, ...(status ? { status } : {}) }) as KubeObject;

const slice = (name: string, svcName: string, endpoints: unknown[], ports = [{ port: 80 }]): KubeObject =>
  ({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name, namespace: 'default', labels: { 'kubernetes.io/service-name': svcName } }, addressType: 'IPv4', endpoints, ports }) as unknown as KubeObject;

const ep = (pod: string, ip: string, conditions: Record<string, boolean>, node = 'worker-1') => ({ addresses: [ip], conditions, nodeName: node, targetRef: { kind: 'Pod', name: pod, namespace: 'default' } });

const objects = {
  services: {
    'services/default/kubernetes': svc('kubernetes', { type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ port: 443, targetPort: 6443 }] }),
    'services/default/web': svc('web', { type: 'NodePort', clusterIP: '10.96.12.7', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080, nodePort: 30080, protocol: 'TCP' }] }),
    'services/default/api': svc('api', { type: 'ClusterIP', clusterIP: '10.96.40.2', selector: { app: 'api' }, ports: [{ port: 8080 }] }),
  },
  'endpointslices.discovery.k8s.io': {
    'endpointslices.discovery.k8s.io/default/web-abcde': slice('web-abcde', 'web', [
      ep('web-2', '10.244.2.5', { ready: true, serving: true, terminating: false }),
      ep('web-1', '10.244.1.4', { ready: false, serving: true, terminating: true }, 'worker-2'),
      ep('web-10', '10.244.1.9', {}),
    ], [{ port: 8080 }]),
  },
};

describe('networkModel', () => {
  it('formats PORT(S) and EXTERNAL-IP as kubectl does', () => {
    expect(portString([{ port: 80, nodePort: 30080 }, { port: 53, protocol: 'UDP' }])).toBe('80:30080/TCP,53/UDP');
    expect(portString([])).toBe('<none>');
    expect(externalIPOf(svc('lb', { type: 'LoadBalancer' }))).toBe('<pending>');
    expect(externalIPOf(svc('lb', { type: 'LoadBalancer' }, { loadBalancer: { ingress: [{ ip: '172.18.255.201' }] } }))).toBe('172.18.255.201');
    expect(externalIPOf(svc('x', { type: 'ExternalName', externalName: 'db.example.com' }))).toBe('db.example.com');
    expect(externalIPOf(svc('c', { type: 'ClusterIP' }))).toBe('<none>');
  });

  it('counts endpoints from the slices: nil ready is ready, terminating is not', () => {
    const [api, web, k8s] = serviceSummaries(objects);
    expect([api!.name, web!.name, k8s!.name]).toEqual(['api', 'web', 'kubernetes']);
    expect(web).toMatchObject({ type: 'NodePort', clusterIP: '10.96.12.7', ports: '80:30080/TCP', ready: 2, total: 3, selectorless: false });
    expect(api).toMatchObject({ ready: 0, total: 0 });
    expect(k8s).toMatchObject({ builtin: true, selectorless: true });
  });

  it('lists endpoint rows by pod name with ip:port and conditions', () => {
    const rows = endpointRows(objects, 'default', 'web');
    expect(rows.map((r) => r.pod)).toEqual(['web-1', 'web-2', 'web-10']);
    expect(rows[0]).toMatchObject({ targets: ['10.244.1.4:8080'], node: 'worker-2', ready: false, serving: true, terminating: true });
    expect(rows[2]).toMatchObject({ ready: true, serving: true, terminating: false });
  });

  it('summarises an Ingress: rules, address, default backend, ports', () => {
    const ing = {
      apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'shop', namespace: 'default' },
      spec: { ingressClassName: 'nginx', defaultBackend: { service: { name: 'web', port: { number: 80 } } }, rules: [{ host: 'shop.example', http: { paths: [{ path: '/cart', pathType: 'Prefix', backend: { service: { name: 'cart', port: { name: 'http' } } } }] } }] },
      status: { loadBalancer: { ingress: [{ ip: '172.18.255.200' }] } },
    } as unknown as KubeObject;
    expect(ingressSummary('k', ing)).toMatchObject({ className: 'nginx', address: '172.18.255.200', defaultBackend: 'web:80', ports: '80', rules: [{ host: 'shop.example', path: '/cart', pathType: 'Prefix', service: 'cart', port: 'http' }] });
    const targets = trafficTargets({ ...objects, 'ingresses.networking.k8s.io': { k: ing } });
    expect(targets.map((x) => x.target)).toEqual(['service/api', 'service/web', 'http://shop.example/cart']);
  });

  it('writes the sim traffic line a person would type', () => {
    expect(trafficLine({ target: 'service/web' }, 5, 60)).toBe('sim traffic service/web --rps 5 --for 60s');
    expect(trafficLine({ target: 'service/db', namespace: 'prod' }, 2, 30)).toBe('sim traffic service/db --rps 2 --for 30s -n prod');
  });
});
