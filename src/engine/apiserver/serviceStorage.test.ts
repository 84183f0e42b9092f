import { describe, expect, it } from 'vitest';
import { createCluster, restoreCluster } from '../index.ts';
import type { KubeObject } from '../types.ts';
import { parseIPv4 } from '../network/ipallocator.ts';

type Obj = Record<string, unknown>;
const PATH = '/api/v1/namespaces/default/services';

function cluster(seed = 1) {
  const c = createCluster({ seed, workers: 1 });
  const post = (spec: Obj, name = 'web', query?: Record<string, string>) =>
    c.handle({ verb: 'POST', path: PATH, body: { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec }, ...(query ? { query } : {}) });
  const get = (name: string) => c.handle({ verb: 'GET', path: `${PATH}/${name}` }).body as KubeObject & { spec: Obj };
  const patch = (name: string, body: Obj, query?: Record<string, string>) =>
    c.handle({ verb: 'PATCH', path: `${PATH}/${name}`, body, patchType: 'application/merge-patch+json', ...(query ? { query } : {}) });
  const del = (name: string) => c.handle({ verb: 'DELETE', path: `${PATH}/${name}` });
  return { c, post, get, patch, del };
}
const msg = (r: { body: unknown }) => (r.body as { message: string }).message;
const spec80 = (extra: Obj = {}) => ({ selector: { app: 'web' }, ports: [{ port: 80 }], ...extra });

describe('Service allocation through the REST handler', () => {
  it('the bootstrap kubernetes Service keeps 10.96.0.1 and gets no generation', () => {
    const { get } = cluster();
    const k = get('kubernetes');
    expect(k.spec.clusterIP).toBe('10.96.0.1');
    expect(k.spec.clusterIPs).toEqual(['10.96.0.1']);
    expect(k.metadata.generation).toBeUndefined();
  });

  it('gives a new Service a dynamic ClusterIP, families and status', () => {
    const { post } = cluster();
    const r = post(spec80());
    expect(r.code).toBe(201);
    const s = r.body as KubeObject & { spec: Obj; status: Obj };
    const ip = s.spec.clusterIP as string;
    expect(parseIPv4(ip)! >= parseIPv4('10.96.1.1')!).toBe(true);
    expect(s.spec.clusterIPs).toEqual([ip]);
    expect(s.spec.ipFamilies).toEqual(['IPv4']);
    expect(s.spec.ipFamilyPolicy).toBe('SingleStack');
    expect(s.status).toEqual({ loadBalancer: {} });
  });

  it('is deterministic per seed', () => {
    const ips = (seed: number) => {
      const { post } = cluster(seed);
      return [1, 2, 3].map((i) => ((post(spec80(), `s${i}`).body as { spec: Obj }).spec.clusterIP));
    };
    expect(ips(4)).toEqual(ips(4));
  });

  it('allocates a requested ClusterIP exactly, or rejects it when taken or out of range', () => {
    const { post } = cluster();
    expect((post(spec80({ clusterIP: '10.96.0.5' }), 'a').body as { spec: Obj }).spec.clusterIPs).toEqual(['10.96.0.5']);
    const taken = post(spec80({ clusterIP: '10.96.0.5' }), 'b');
    expect(taken.code).toBe(422);
    expect(msg(taken)).toBe('Service "b" is invalid: spec.clusterIPs: Invalid value: ["10.96.0.5"]: failed to allocate IP 10.96.0.5: provided IP is already allocated');
    const out = post(spec80({ clusterIP: '10.200.0.1' }), 'c');
    expect(msg(out)).toBe(
      'Service "c" is invalid: spec.clusterIPs: Invalid value: ["10.200.0.1"]: failed to allocate IP 10.200.0.1: the provided IP (10.200.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    );
    expect(msg(post(spec80({ clusterIP: '10.96.0.10' }), 'd'))).toContain('failed to allocate IP 10.96.0.10: provided IP is already allocated');
  });

  it('headless and ExternalName services allocate nothing', () => {
    const { post } = cluster();
    const h = (post({ clusterIP: 'None', selector: { app: 'db' } }, 'db').body as { spec: Obj }).spec;
    expect(h).toMatchObject({ clusterIP: 'None', clusterIPs: ['None'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' });
    const hs = (post({ clusterIP: 'None' }, 'ext').body as { spec: Obj }).spec;
    expect(hs).toMatchObject({ ipFamilies: ['IPv4', 'IPv6'], ipFamilyPolicy: 'RequireDualStack' });
    const en = (post({ type: 'ExternalName', externalName: 'db.example.com' }, 'en').body as { spec: Obj }).spec;
    expect(en.clusterIP).toBeUndefined();
    expect(en.ipFamilies).toBeUndefined();
  });

  it('rejects dual-stack requests on this single-stack cluster', () => {
    const { post } = cluster();
    expect(msg(post(spec80({ ipFamilyPolicy: 'RequireDualStack' })))).toBe(
      'Service "web" is invalid: spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services',
    );
  });

  it('NodePort: allocates a random free port, takes a requested one, refuses taken or out-of-range ports', () => {
    const { post } = cluster();
    const a = (post({ type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80 }] }, 'a').body as { spec: { ports: Obj[] } }).spec.ports[0]!;
    expect(a.nodePort as number).toBeGreaterThanOrEqual(30086);
    expect(a.nodePort as number).toBeLessThanOrEqual(32767);
    expect(post({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }, 'b').code).toBe(201);
    const taken = post({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }, 'c');
    expect(taken.code).toBe(422);
    expect(msg(taken)).toBe('Service "c" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated');
    expect(msg(post({ type: 'NodePort', ports: [{ port: 80, nodePort: 8080 }] }, 'd'))).toBe(
      'Service "d" is invalid: spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
    // The failed create gave back the ClusterIP it had taken: the same IP is free again.
    const e = post({ type: 'NodePort', clusterIP: '10.96.0.77', ports: [{ port: 80, nodePort: 30080 }] }, 'e');
    expect(e.code).toBe(422);
    expect(post(spec80({ clusterIP: '10.96.0.77' }), 'f').code).toBe(201);
  });

  it('LoadBalancer gets node ports unless allocateLoadBalancerNodePorts is false', () => {
    const { post } = cluster();
    const lb = (post({ type: 'LoadBalancer', ports: [{ port: 80 }] }, 'lb').body as { spec: { ports: Obj[] } }).spec;
    expect(lb.ports[0]!.nodePort).toBeTypeOf('number');
    const no = (post({ type: 'LoadBalancer', allocateLoadBalancerNodePorts: false, ports: [{ port: 80 }] }, 'lb2').body as { spec: { ports: Obj[] } }).spec;
    expect(no.ports[0]!.nodePort).toBeUndefined();
  });

  it('dry run shows an IP and a port but keeps nothing', () => {
    const { post } = cluster();
    const dry = post({ type: 'NodePort', clusterIP: '10.96.0.50', ports: [{ port: 80, nodePort: 30050 }] }, 'web', { dryRun: 'All' });
    expect(dry.code).toBe(201);
    expect((dry.body as { spec: Obj }).spec.clusterIPs).toEqual(['10.96.0.50']);
    const real = post({ type: 'NodePort', clusterIP: '10.96.0.50', ports: [{ port: 80, nodePort: 30050 }] }, 'web');
    expect(real.code).toBe(201);
  });

  it('dry run does not shift the IPs later creates get', () => {
    const first = (withDry: boolean) => {
      const { post } = cluster(9);
      if (withDry) post(spec80(), 'x', { dryRun: 'All' });
      return (post(spec80(), 'y').body as { spec: Obj }).spec.clusterIP;
    };
    expect(first(true)).toBe(first(false));
  });

  it('clusterIP is immutable on update', () => {
    const { post, patch } = cluster();
    post(spec80({ clusterIP: '10.96.0.5' }));
    const r = patch('web', { spec: { clusterIP: '10.96.0.6', clusterIPs: ['10.96.0.6'] } });
    expect(r.code).toBe(422);
    expect(msg(r)).toBe('Service "web" is invalid: spec.clusterIPs[0]: Invalid value: ["10.96.0.6"]: may not change once set');
  });

  it('NodePort → ClusterIP releases the node port; delete releases IP and ports', () => {
    const { post, patch, get, del } = cluster();
    post({ type: 'NodePort', clusterIP: '10.96.0.5', ports: [{ port: 80, nodePort: 30080 }] });
    const r = patch('web', { spec: { type: 'ClusterIP' } });
    expect(r.code).toBe(200);
    expect(get('web').spec).toMatchObject({ type: 'ClusterIP', ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] });
    expect(get('web').spec.externalTrafficPolicy).toBeUndefined();
    expect(post({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }, 'other').code).toBe(201);
    del('other');
    del('web');
    expect(post({ type: 'NodePort', clusterIP: '10.96.0.5', ports: [{ port: 80, nodePort: 30080 }] }, 'again').code).toBe(201);
  });

  it('ClusterIP → NodePort allocates node ports on update', () => {
    const { post, patch } = cluster();
    post(spec80());
    const r = patch('web', { spec: { type: 'NodePort' } });
    expect(r.code).toBe(200);
    expect(((r.body as { spec: { ports: Obj[] } }).spec.ports[0]!.nodePort as number) >= 30000).toBe(true);
  });

  it('ClusterIP → ExternalName releases the ClusterIP', () => {
    const { post, patch } = cluster();
    post(spec80({ clusterIP: '10.96.0.9' }));
    const r = patch('web', { spec: { type: 'ExternalName', externalName: 'example.com', selector: null, ports: null } });
    expect(r.code).toBe(200);
    expect((r.body as { spec: Obj }).spec.clusterIP).toBeUndefined();
    expect(post(spec80({ clusterIP: '10.96.0.9' }), 'b').code).toBe(201);
  });

  it('LoadBalancer with externalTrafficPolicy Local gets a healthCheckNodePort', () => {
    const { post } = cluster();
    const s = (post({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', ports: [{ port: 80 }] }).body as { spec: Obj }).spec;
    expect(s.healthCheckNodePort).toBeTypeOf('number');
  });
});

describe('Service, Endpoints and EndpointSlice strict decoding', () => {
  it('rejects unknown fields and accepts a named targetPort', () => {
    const { c, post } = cluster();
    const bad = post({ selector: { app: 'web' }, ports: [{ port: 80, tragetPort: 8080 }] });
    expect(bad.code).toBe(400);
    expect(msg(bad)).toBe('Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.ports[0].tragetPort"');
    expect(post({ selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] }).code).toBe(201);
    const ep = c.handle({
      verb: 'POST',
      path: '/api/v1/namespaces/default/endpoints',
      body: { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'x' }, subsets: [{ addresses: [{ ip: '10.244.1.5', bogus: 1 }] }] },
    });
    expect(ep.code).toBe(400);
    expect(msg(ep)).toContain('unknown field "subsets[0].addresses[0].bogus"');
    const slice = c.handle({
      verb: 'POST',
      path: '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices',
      body: { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'x' }, addressType: 'IPv4', endpoints: [{ addresses: ['10.244.1.5'], condition: {} }] },
    });
    expect(slice.code).toBe(400);
    expect(msg(slice)).toContain('unknown field "endpoints[0].condition"');
  });
});

describe('Service replace without clusterIP', () => {
  it('refuses to unset the primary clusterIP, as kubectl replace finds out', () => {
    const { c, post, get } = cluster();
    post(spec80());
    const cur = get('web');
    const r = c.handle({ verb: 'PUT', path: `${PATH}/web`, body: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', resourceVersion: cur.metadata.resourceVersion }, spec: spec80() } });
    expect(r.code).toBe(422);
    expect(msg(r)).toBe('Service "web" is invalid: spec.clusterIPs[0]: Invalid value: null: primary clusterIP can not be unset');
  });
});

describe('the cluster DNS address', () => {
  it('is never handed out, but kube-system/kube-dns may claim 10.96.0.10', () => {
    const { c } = cluster();
    const dns = c.handle({
      verb: 'POST',
      path: '/api/v1/namespaces/kube-system/services',
      body: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'kube-dns' }, spec: { clusterIP: '10.96.0.10', selector: { 'k8s-app': 'kube-dns' }, ports: [{ name: 'dns', port: 53, protocol: 'UDP' }] } },
    });
    expect(dns.code).toBe(201);
    expect((dns.body as { spec: Obj }).spec.clusterIPs).toEqual(['10.96.0.10']);
  });
});

describe('snapshot restore', () => {
  it('rebuilds the allocators: a restored cluster refuses taken IPs and ports and continues the same sequence', () => {
    const { c, post } = cluster(3);
    post({ type: 'NodePort', clusterIP: '10.96.0.5', ports: [{ port: 80, nodePort: 30080 }] }, 'a');
    post(spec80(), 'b');
    const restored = restoreCluster(JSON.parse(JSON.stringify(c.snapshot())));
    const body = (name: string, spec: Obj) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec });
    for (const cl of [restored, c]) {
      const again = cl.handle({ verb: 'POST', path: PATH, body: body('c', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }) });
      expect(msg(again)).toContain('provided port is already allocated');
    }
    const next = (cl: typeof c) => (cl.handle({ verb: 'POST', path: PATH, body: body('d', spec80()) }).body as { spec: Obj }).spec.clusterIP;
    expect(next(restored)).toBe(next(c));
  });
});

describe('ExternalName → ClusterIP', () => {
  it('allocates a ClusterIP and families on the way back', () => {
    const { post, patch } = cluster();
    post({ type: 'ExternalName', externalName: 'db.example.com' }, 'db');
    const r = patch('db', { spec: { type: 'ClusterIP', externalName: null, selector: { app: 'db' }, ports: [{ port: 5432 }] } });
    expect(r.code).toBe(200);
    const s = (r.body as { spec: Obj }).spec;
    expect(s).toMatchObject({ type: 'ClusterIP', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', internalTrafficPolicy: 'Cluster' });
    expect(s.clusterIPs).toEqual([s.clusterIP]);
  });
});
