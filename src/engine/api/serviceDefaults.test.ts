import { describe, expect, it } from 'vitest';
import { defaultService, dropTypeDependentFields, normalizeClusterIPs } from './serviceDefaults.ts';

type Obj = Record<string, unknown>;
const svc = (spec: Obj, status?: Obj): Obj => ({ metadata: { name: 's' }, spec, ...(status ? { status } : {}) });
const defaulted = (spec: Obj, status?: Obj) => {
  const o = svc(spec, status);
  defaultService(o);
  return o;
};

describe('SetDefaults_Service', () => {
  it('defaults a bare ClusterIP service', () => {
    expect(defaulted({ ports: [{ port: 80 }] }).spec).toEqual({
      type: 'ClusterIP',
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
    });
  });

  it('keeps a named or numeric targetPort, replaces 0 and "" with port', () => {
    const s = defaulted({ ports: [{ name: 'a', port: 80, targetPort: 'http' }, { name: 'b', port: 81, targetPort: 0 }, { name: 'c', port: 82, targetPort: '' }, { name: 'd', port: 83, targetPort: 8080 }] }).spec as Obj;
    expect((s.ports as Obj[]).map((p) => p.targetPort)).toEqual(['http', 81, 82, 8080]);
  });

  it('defaults ClientIP affinity timeout to 10800 and drops sessionAffinityConfig for None', () => {
    expect((defaulted({ sessionAffinity: 'ClientIP' }).spec as Obj).sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } });
    expect((defaulted({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } }).spec as Obj).sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 60 } });
    expect((defaulted({ sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } }).spec as Obj).sessionAffinityConfig).toBeUndefined();
  });

  it('NodePort and LoadBalancer get externalTrafficPolicy Cluster; LoadBalancer allocateLoadBalancerNodePorts true', () => {
    const np = defaulted({ type: 'NodePort' }).spec as Obj;
    expect(np.externalTrafficPolicy).toBe('Cluster');
    expect(np.allocateLoadBalancerNodePorts).toBeUndefined();
    const lb = defaulted({ type: 'LoadBalancer' }).spec as Obj;
    expect(lb).toMatchObject({ externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true });
  });

  it('ExternalName gets no traffic policies', () => {
    expect(defaulted({ type: 'ExternalName', externalName: 'example.com' }).spec).toEqual({ type: 'ExternalName', externalName: 'example.com', sessionAffinity: 'None' });
  });

  it('LoadBalancer ingress IPs without ipMode become VIP', () => {
    const o = defaulted({ type: 'LoadBalancer' }, { loadBalancer: { ingress: [{ ip: '172.18.255.201' }, { hostname: 'lb.example.com' }] } });
    expect(o.status).toEqual({ loadBalancer: { ingress: [{ ip: '172.18.255.201', ipMode: 'VIP' }, { hostname: 'lb.example.com' }] } });
  });

  it('does not mutate a frozen spec', () => {
    const spec = Object.freeze({ ports: Object.freeze([Object.freeze({ port: 80 })]) });
    const o: Obj = { metadata: {}, spec };
    expect(() => defaultService(o)).not.toThrow();
    expect(o.spec).not.toBe(spec);
  });
});

describe('NormalizeClusterIPs', () => {
  it('create: clusterIP alone fills clusterIPs', () => {
    const s: Obj = { clusterIP: '10.96.0.5' };
    normalizeClusterIPs(s, undefined);
    expect(s.clusterIPs).toEqual(['10.96.0.5']);
  });
  it('update: an old client that omits clusterIPs keeps them', () => {
    const s: Obj = { clusterIP: '10.96.0.5' };
    normalizeClusterIPs(s, { clusterIP: '10.96.0.5', clusterIPs: ['10.96.0.5'] });
    expect(s.clusterIPs).toEqual(['10.96.0.5']);
  });
  it('update: changing clusterIP alone changes clusterIPs too (and validation refuses it)', () => {
    const s: Obj = { clusterIP: '10.96.0.6', clusterIPs: ['10.96.0.5'] };
    normalizeClusterIPs(s, { clusterIP: '10.96.0.5', clusterIPs: ['10.96.0.5'] });
    expect(s.clusterIPs).toEqual(['10.96.0.6']);
  });
});

describe('dropTypeDependentFields', () => {
  it('LoadBalancer → ClusterIP drops node ports, policies, allocateLoadBalancerNodePorts and the LB status', () => {
    const oldSpec = { type: 'LoadBalancer', externalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true, ports: [{ port: 80, nodePort: 31000 }] };
    const o: Obj = { spec: { ...oldSpec, type: 'ClusterIP', ports: [{ port: 80, nodePort: 31000 }] }, status: { loadBalancer: { ingress: [{ ip: '172.18.255.201', ipMode: 'VIP' }] } } };
    dropTypeDependentFields(o, { spec: oldSpec });
    expect(o.spec).toEqual({ type: 'ClusterIP', ports: [{ port: 80 }] });
    expect(o.status).toEqual({ loadBalancer: {} });
  });
  it('→ ExternalName drops the cluster IPs and families', () => {
    const oldSpec = { type: 'ClusterIP', clusterIP: '10.96.3.4', clusterIPs: ['10.96.3.4'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' };
    const o: Obj = { spec: { ...oldSpec, type: 'ExternalName', externalName: 'example.com' } };
    dropTypeDependentFields(o, { spec: oldSpec });
    expect(o.spec).toEqual({ type: 'ExternalName', externalName: 'example.com' });
  });
});
