import { describe, expect, it } from 'vitest';
import type { Endpoints, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Ingress } from 'kubernetes-types/networking/v1';
import { tabwrite } from '../tabwriter.ts';
import { harness } from '../testing.ts';
import {
  endpointSliceRow,
  endpointsRow,
  formatEndpoints,
  ingressClassRow,
  ingressRow,
  SERVICE_COLUMNS,
  serviceRow,
} from './network.ts';

const NOW = Date.parse('2026-01-01T00:05:00Z');
const meta = (name: string) => ({ name, creationTimestamp: '2026-01-01T00:00:00Z' });
const svc = (name: string, spec: Service['spec'], status?: Service['status']): Service => ({ metadata: meta(name), spec, status });

describe('service printer (printService)', () => {
  it('prints ClusterIP, NodePort, LoadBalancer and ExternalName services as kubectl does', () => {
    const rows = [
      svc('kubernetes', { type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] }),
      svc('web', { type: 'NodePort', clusterIPs: ['10.100.7.12'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }], selector: { app: 'web' } }),
      svc('lb', { type: 'LoadBalancer', clusterIPs: ['10.100.7.13'], ports: [{ port: 80, nodePort: 31000, protocol: 'TCP' }, { port: 443, nodePort: 31001, protocol: 'TCP' }] }),
      svc('lb2', { type: 'LoadBalancer', clusterIPs: ['10.100.7.14'], ports: [{ port: 80, nodePort: 31002, protocol: 'TCP' }] }, { loadBalancer: { ingress: [{ ip: '172.18.255.201', ipMode: 'VIP' }] } }),
      svc('db', { type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], ports: [{ port: 5432, protocol: 'TCP' }] }),
      svc('ext', { type: 'ExternalName', externalName: 'db.example.com' }),
    ].map((s) => serviceRow(s, NOW, false));
    expect(tabwrite([SERVICE_COLUMNS, ...rows])).toBe(
      [
        'NAME         TYPE           CLUSTER-IP    EXTERNAL-IP      PORT(S)                      AGE',
        'kubernetes   ClusterIP      10.96.0.1     <none>           443/TCP                      5m',
        'web          NodePort       10.100.7.12   <none>           80:30080/TCP                 5m',
        'lb           LoadBalancer   10.100.7.13   <pending>        80:31000/TCP,443:31001/TCP   5m',
        'lb2          LoadBalancer   10.100.7.14   172.18.255.201   80:31002/TCP                 5m',
        'db           ClusterIP      None          <none>           5432/TCP                     5m',
        'ext          ExternalName   <none>        db.example.com   <none>                       5m',
        '',
      ].join('\n'),
    );
  });

  it('-o wide adds SELECTOR; long LB addresses are clipped to 16 chars unless wide; externalIPs are appended', () => {
    const s = svc('lb', { type: 'LoadBalancer', clusterIPs: ['10.100.0.9'], externalIPs: ['1.2.3.4'], ports: [{ port: 80, protocol: 'TCP' }], selector: { tier: 'fe', app: 'web' } }, {
      loadBalancer: { ingress: [{ ip: '172.18.255.202' }, { hostname: 'a.example.com' }] },
    });
    expect(serviceRow(s, NOW, false)[3]).toBe('172.18.255.20...,1.2.3.4');
    expect(serviceRow(s, NOW, true).slice(3)).toEqual(['172.18.255.202,a.example.com,1.2.3.4', '80/TCP', '5m', 'app=web,tier=fe']);
    expect(serviceRow(svc('x', { type: 'ClusterIP', clusterIPs: ['10.96.5.5'], ports: [{ port: 80, protocol: 'TCP' }] }), NOW, true)[6]).toBe('<none>');
  });
});

describe('endpoints printer (formatEndpoints)', () => {
  const ep = (subsets: Endpoints['subsets']): Endpoints => ({ metadata: meta('web'), subsets });
  it('prints up to three ip:port, then "+ N more...", and <none> without subsets', () => {
    const addrs = (n: number) => Array.from({ length: n }, (_, i) => ({ ip: `10.244.1.${i + 2}` }));
    expect(endpointsRow(ep(undefined), NOW)).toEqual(['web', '<none>', '5m']);
    expect(endpointsRow(ep([{ addresses: addrs(2), ports: [{ port: 80, protocol: 'TCP' }] }]), NOW)[1]).toBe('10.244.1.2:80,10.244.1.3:80');
    expect(formatEndpoints(ep([{ addresses: addrs(5), ports: [{ port: 80, protocol: 'TCP' }] }]))).toBe('10.244.1.2:80,10.244.1.3:80,10.244.1.4:80 + 2 more...');
    // Two ports: every address once per port, counted for "more".
    expect(formatEndpoints(ep([{ addresses: addrs(2), ports: [{ name: 'http', port: 80 }, { name: 'https', port: 443 }] }]))).toBe('10.244.1.2:80,10.244.1.3:80,10.244.1.2:443 + 1 more...');
    // Only not-ready addresses: an empty cell, as upstream.
    expect(formatEndpoints(ep([{ notReadyAddresses: addrs(1), ports: [{ port: 80 }] }]))).toBe('');
    // Headless without ports: bare IPs.
    expect(formatEndpoints(ep([{ addresses: addrs(1) }]))).toBe('10.244.1.2');
  });
});

describe('endpointslice printer', () => {
  it('prints ADDRESSTYPE, PORTS (<unset> when none) and up to three addresses', () => {
    const s: EndpointSlice = {
      metadata: meta('web-abcde'),
      addressType: 'IPv4',
      ports: [{ name: '', port: 80, protocol: 'TCP' }],
      endpoints: [1, 2, 3, 4].map((i) => ({ addresses: [`10.244.0.${i}`], conditions: { ready: i !== 4 } })),
    };
    expect(endpointSliceRow(s, NOW)).toEqual(['web-abcde', 'IPv4', '80', '10.244.0.1,10.244.0.2,10.244.0.3 + 1 more...', '5m']);
    expect(endpointSliceRow({ metadata: meta('empty'), addressType: 'IPv4', endpoints: [] }, NOW)).toEqual(['empty', 'IPv4', '<unset>', '<unset>', '5m']);
    expect(endpointSliceRow({ metadata: meta('p'), addressType: 'IPv4', ports: [{ port: 80 }, { port: 443 }], endpoints: [] }, NOW)[2]).toBe('80,443');
  });
});

describe('ingress and ingressclass printers', () => {
  const ing = (spec: Ingress['spec'], status?: Ingress['status']): Ingress => ({ metadata: meta('shop'), spec, status });
  const backend = { service: { name: 'web', port: { number: 80 } } };
  it('prints CLASS, HOSTS, ADDRESS and PORTS', () => {
    expect(ingressRow(ing({ ingressClassName: 'nginx', rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } }] }, { loadBalancer: { ingress: [{ ip: '172.18.255.200' }] } }), NOW, false)).toEqual([
      'shop', 'nginx', 'shop.example.com', '172.18.255.200', '80', '5m',
    ]);
    expect(ingressRow(ing({ defaultBackend: backend, tls: [{ hosts: ['a'] }] }), NOW, false)).toEqual(['shop', '<none>', '*', '', '80, 443', '5m']);
    const hosts = ['a.com', 'b.com', 'c.com', 'd.com', 'e.com'].map((host) => ({ host }));
    expect(ingressRow(ing({ rules: hosts }), NOW, false)[2]).toBe('a.com,b.com,c.com + 2 more...');
  });

  it('prints CONTROLLER and PARAMETERS', () => {
    expect(ingressClassRow({ metadata: meta('nginx'), spec: { controller: 'k8s.io/ingress-nginx' } }, NOW)).toEqual(['nginx', 'k8s.io/ingress-nginx', '<none>', '5m']);
    expect(ingressClassRow({ metadata: meta('x'), spec: { controller: 'c', parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'p' } } }, NOW)[2]).toBe(
      'IngressParameters.k8s.example.com/p',
    );
  });
});

describe('kubectl get for networking resources (through the API server)', () => {
  it('get svc / ing / ingressclass with -A, -l, -o wide|name', async () => {
    const h = harness();
    expect((await h.k('create service clusterip web --tcp=80:8080')).exitCode).toBe(0);
    expect((await h.k('create service externalname ext --external-name db.example.com -n kube-system')).exitCode).toBe(0);
    expect((await h.k('create ingress shop --class=nginx --rule=shop.example.com/*=web:80')).exitCode).toBe(0);
    const ip = JSON.parse((await h.k('get svc web -o json')).stdout).spec.clusterIPs[0];
    expect((await h.k('get svc -l app=web -o wide')).stdout).toBe(
      tabwrite([
        ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE', 'SELECTOR'],
        ['web', 'ClusterIP', ip, '<none>', '80/TCP', '0s', 'app=web'],
      ]),
    );
    const all = (await h.k('get services -A')).stdout.split('\n');
    expect(all[0]).toMatch(/^NAMESPACE +NAME +TYPE +CLUSTER-IP +EXTERNAL-IP +PORT\(S\) +AGE$/);
    expect(all.some((l) => /^kube-system +ext +ExternalName +<none> +db\.example\.com +<none> +0s$/.test(l))).toBe(true);
    expect((await h.k('get svc,ing -o name')).stdout).toBe('service/kubernetes\nservice/web\ningress.networking.k8s.io/shop\n');
    expect((await h.k('get ing shop')).stdout).toMatch(/^NAME +CLASS +HOSTS +ADDRESS +PORTS +AGE\nshop +nginx +shop\.example\.com +\S* +80 +0s\n$/);
    expect((await h.k('get ingressclasses')).stdout).toBe('NAME    CONTROLLER             PARAMETERS   AGE\nnginx   k8s.io/ingress-nginx   <none>       0s\n');
    const ep = await h.k('get ep -n nothing-here');
    expect(ep.stderr).toBe('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\nNo resources found in nothing-here namespace.\n');
  });
});
