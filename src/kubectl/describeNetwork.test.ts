import { describe, expect, it } from 'vitest';
import type { Endpoints, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { describeEndpoints, describeEndpointSlice, describeIngressClass, describeService, formatEndpointSlices } from './describeNetwork.ts';
import { withDeployment } from './testing.ts';

const NOW = Date.parse('2026-01-01T00:05:00Z');

const slice = (ready: boolean[], portName = ''): EndpointSlice => ({
  metadata: { name: 'web-abcde', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
  addressType: 'IPv4',
  ports: [{ name: portName, port: 8080, protocol: 'TCP' }],
  endpoints: ready.map((r, i) => ({ addresses: [`10.244.1.${i + 2}`], conditions: { ready: r, serving: r, terminating: false }, nodeName: 'worker-1', targetRef: { kind: 'Pod', name: `web-${i}`, namespace: 'default' } })),
});

describe('formatEndpointSlices (describe.go)', () => {
  it('lists ready endpoints of the named port, up to three, then "+ N more..."', () => {
    expect(formatEndpointSlices([])).toBe('<none>');
    expect(formatEndpointSlices([slice([true, false, true])], new Set(['']))).toBe('10.244.1.2:8080,10.244.1.4:8080');
    expect(formatEndpointSlices([slice([true, true, true, true, true])], new Set(['']))).toBe('10.244.1.2:8080,10.244.1.3:8080,10.244.1.4:8080 + 2 more...');
    expect(formatEndpointSlices([slice([true], 'http')], new Set(['']))).toBe('');
  });
});

describe('describe service (describeService)', () => {
  it('prints a LoadBalancer Service in upstream order with named ports and NodePorts', () => {
    const svc: Service = {
      metadata: { name: 'web', namespace: 'default', labels: { app: 'web' }, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}', team: 'shop' } },
      spec: {
        type: 'LoadBalancer',
        selector: { app: 'web' },
        clusterIP: '10.96.12.34',
        clusterIPs: ['10.96.12.34'],
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 31234, protocol: 'TCP' }],
        sessionAffinity: 'None',
        externalTrafficPolicy: 'Cluster',
        internalTrafficPolicy: 'Cluster',
        allocateLoadBalancerNodePorts: true,
      },
      status: { loadBalancer: { ingress: [{ ip: '172.18.255.201', ipMode: 'VIP' }] } },
    };
    expect(describeService(svc, [slice([true, true], 'http')], [], NOW)).toBe(
      [
        'Name:                     web',
        'Namespace:                default',
        'Labels:                   app=web',
        'Annotations:              team: shop',
        'Selector:                 app=web',
        'Type:                     LoadBalancer',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.96.12.34',
        'IPs:                      10.96.12.34',
        'LoadBalancer Ingress:     172.18.255.201 (VIP)',
        'Port:                     http  80/TCP',
        'TargetPort:               8080/TCP',
        'NodePort:                 http  31234/TCP',
        'Endpoints:                10.244.1.2:8080,10.244.1.3:8080',
        'Session Affinity:         None',
        'External Traffic Policy:  Cluster',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
        '',
      ].join('\n'),
    );
  });

  it('prints an ExternalName Service without IPs', () => {
    const out = describeService({ metadata: { name: 'ext', namespace: 'default' }, spec: { type: 'ExternalName', externalName: 'db.example.com', sessionAffinity: 'None' } }, [], undefined, NOW);
    expect(out).toBe(
      [
        'Name:              ext',
        'Namespace:         default',
        'Labels:            <none>',
        'Annotations:       <none>',
        'Selector:          <none>',
        'Type:              ExternalName',
        'IP Families:       <none>',
        'IP:                ',
        'IPs:               <none>',
        'External Name:     db.example.com',
        'Session Affinity:  None',
        '',
      ].join('\n'),
    );
  });
});

describe('describe endpoints / endpointslice / ingressclass', () => {
  it('describeEndpoints: Subsets with Addresses, NotReadyAddresses and a Ports table', () => {
    const ep: Endpoints = {
      metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
      subsets: [{ addresses: [{ ip: '10.244.1.2' }, { ip: '10.244.2.2' }], notReadyAddresses: [{ ip: '10.244.3.2' }], ports: [{ port: 8080, protocol: 'TCP' }] }],
    };
    expect(describeEndpoints(ep, [], NOW)).toBe(
      [
        'Name:         web',
        'Namespace:    default',
        'Labels:       app=web',
        'Annotations:  <none>',
        'Subsets:',
        '  Addresses:          10.244.1.2,10.244.2.2',
        '  NotReadyAddresses:  10.244.3.2',
        '  Ports:',
        '    Name     Port  Protocol',
        '    ----     ----  --------',
        '    <unset>  8080  TCP',
        '',
        'Events:  <none>',
        '',
      ].join('\n'),
    );
  });

  it('describeEndpointSlice: ports table and one block per endpoint', () => {
    expect(describeEndpointSlice(slice([true, false]), undefined, NOW)).toBe(
      [
        'Name:         web-abcde',
        'Namespace:    default',
        'Labels:       kubernetes.io/service-name=web',
        'Annotations:  <none>',
        'AddressType:  IPv4',
        'Ports:',
        '  Name     Port  Protocol',
        '  ----     ----  --------',
        '  <unset>  8080  TCP',
        'Endpoints:',
        '  - Addresses:  10.244.1.2',
        '    Conditions:',
        '      Ready:    true',
        '    Hostname:   <unset>',
        '    TargetRef:  Pod/web-0',
        '    NodeName:   worker-1',
        '    Zone:       <unset>',
        '  - Addresses:  10.244.1.3',
        '    Conditions:',
        '      Ready:    false',
        '    Hostname:   <unset>',
        '    TargetRef:  Pod/web-1',
        '    NodeName:   worker-1',
        '    Zone:       <unset>',
        '',
      ].join('\n'),
    );
  });

  it('describeIngressClass: Controller and Parameters', () => {
    expect(describeIngressClass({ metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx', parameters: { kind: 'IngressParameters', name: 'p', apiGroup: 'k8s.example.com' } } }, [], NOW)).toBe(
      [
        'Name:         nginx',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Controller:   k8s.io/ingress-nginx',
        'Parameters:',
        '  APIGroup:  k8s.example.com',
        '  Kind:      IngressParameters',
        '  Name:      p',
        'Events:      <none>',
        '',
      ].join('\n'),
    );
  });
});

describe('kubectl describe on a cluster', () => {
  it('describe ingress: the Rules table resolves each backend to its Service endpoints', async () => {
    const h = await withDeployment({ replicas: 2 });
    expect((await h.k('expose deployment web --port=80')).exitCode).toBe(0);
    expect((await h.run(['create', 'ingress', 'shop', '--class=nginx', '--rule=shop.example.com/*=web:80', '--rule=shop.example.com/api=api:http,tls=shop-tls'])).exitCode).toBe(0);
    await h.io.sleep(2000);
    const slices = JSON.parse((await h.k('get endpointslices -l kubernetes.io/service-name=web -o json')).stdout).items;
    const eps = slices.flatMap((sl: EndpointSlice) => (sl.endpoints ?? []).map((e) => `${e.addresses[0]}:80`)).join(',');
    expect(eps.split(',')).toHaveLength(2);
    const out = (await h.k('describe ingress shop')).stdout.split('\n');
    // Address and events come from the ingress controller once it has seen the Ingress.
    expect(out.filter((l) => !l.startsWith('Address:')).slice(0, 14)).toEqual([
      'Name:             shop',
      'Labels:           <none>',
      'Namespace:        default',
      'Ingress Class:    nginx',
      'Default backend:  <default>',
      'TLS:',
      '  shop-tls terminates shop.example.com',
      'Rules:',
      '  Host              Path  Backends',
      '  ----              ----  --------',
      '  shop.example.com  ',
      `                    /      web:80 (${eps})`,
      '                    /api   api:http (<error: services "api" not found>)',
      'Annotations:        <none>',
    ]);
  });

  it('describe svc prints Endpoints from EndpointSlices; describe endpoints warns that v1 Endpoints is deprecated', async () => {
    const h = await withDeployment({ replicas: 1 });
    await h.k('expose deployment web --port=80 --target-port=80');
    await h.io.sleep(2000);
    const ip = JSON.parse((await h.k('get pods -o json')).stdout).items[0].status.podIP;
    const out = (await h.k('describe svc web')).stdout;
    expect(out).toContain(`Port:                     <unset>  80/TCP\nTargetPort:               80/TCP\nEndpoints:                ${ip}:80\nSession Affinity:         None\n`);
    const ep = await h.k('get endpoints');
    expect(ep.stderr.startsWith('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n')).toBe(true);
    const d = await h.k('describe ep web');
    expect(d.stderr.startsWith('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n')).toBe(true);
  });
});
