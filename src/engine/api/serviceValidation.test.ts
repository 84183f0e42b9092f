import { describe, expect, it } from 'vitest';
import { errorString } from './field.ts';
import { defaultService } from './serviceDefaults.ts';
import { validateService } from './serviceValidation.ts';

type Obj = Record<string, unknown>;
/** A defaulted Service as the validator sees it (after NormalizeClusterIPs). */
function svc(spec: Obj): Obj {
  const o: Obj = { metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ...spec } };
  defaultService(o);
  const s = o.spec as Obj;
  if (typeof s.clusterIP === 'string' && !s.clusterIPs) s.clusterIPs = [s.clusterIP];
  return o;
}
const errs = (spec: Obj) => validateService(svc(spec), undefined).map(errorString);

describe('ValidateService', () => {
  it('accepts a plain service', () => {
    expect(errs({ ports: [{ port: 80 }] })).toEqual([]);
  });

  it('requires ports unless headless or ExternalName', () => {
    expect(errs({})).toEqual(['spec.ports: Required value']);
    expect(errs({ clusterIP: 'None' })).toEqual([]);
    expect(errs({ type: 'ExternalName', externalName: 'db.example.com', selector: undefined })).toEqual([]);
  });

  it('requires port names when there are several, as DNS-1123 labels, unique', () => {
    expect(errs({ ports: [{ name: 'http', port: 80 }, { port: 443 }] })).toEqual(['spec.ports[1].name: Required value']);
    expect(errs({ ports: [{ name: 'a', port: 80 }, { name: 'a', port: 81 }] })).toEqual(['spec.ports[1].name: Duplicate value: "a"']);
    expect(errs({ ports: [{ name: 'Http', port: 80 }] })[0]).toMatch(/^spec\.ports\[0\]\.name: Invalid value: "Http": a lowercase RFC 1123 label must consist of/);
  });

  it('checks port range and protocol', () => {
    expect(errs({ ports: [{ port: 70000, targetPort: 80 }] })).toEqual(['spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive']);
    expect(errs({ ports: [{ port: 80, protocol: 'HTTP' }] })).toEqual(['spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"']);
  });

  it('checks targetPort as a number or an IANA_SVC_NAME', () => {
    expect(errs({ ports: [{ port: 80, targetPort: 0x10000 }] })).toEqual(['spec.ports[0].targetPort: Invalid value: 65536: must be between 1 and 65535, inclusive']);
    expect(errs({ ports: [{ port: 80, targetPort: 'web--http' }] })).toEqual(['spec.ports[0].targetPort: Invalid value: "web--http": must not contain consecutive hyphens']);
  });

  it('rejects duplicate port/protocol pairs', () => {
    expect(errs({ ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80 }] })).toEqual([
      'spec.ports[1]: Duplicate value: {"Name":"","Protocol":"TCP","AppProtocol":null,"Port":80,"TargetPort":0,"NodePort":0}',
    ]);
  });

  it('checks the type enum', () => {
    expect(errs({ type: 'Foo', ports: [{ port: 80 }] })).toEqual(['spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"']);
  });

  it('checks selector labels', () => {
    expect(errs({ selector: { app: 'bad value' }, ports: [{ port: 80 }] })[0]).toMatch(/^spec\.selector: Invalid value: "bad value": a valid label must be/);
  });

  it('checks clusterIP', () => {
    expect(errs({ clusterIP: '10.96.0.300', ports: [{ port: 80 }] })).toEqual(['spec.clusterIPs[0]: Invalid value: "10.96.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']);
  });

  it('forbids nodePort on ClusterIP services', () => {
    expect(errs({ ports: [{ port: 80, nodePort: 30080 }] })).toEqual(["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]);
  });

  it('forbids headless NodePort and LoadBalancer services', () => {
    expect(errs({ type: 'NodePort', clusterIP: 'None', ports: [{ port: 80 }] })).toEqual(['spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for NodePort services']);
    expect(errs({ type: 'LoadBalancer', clusterIP: 'None', ports: [{ port: 80 }] })).toEqual(['spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for LoadBalancer services']);
  });

  it('checks sessionAffinityConfig', () => {
    expect(errs({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 90000 } }, ports: [{ port: 80 }] })).toEqual([
      'spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 90000: must be greater than 0 and less than 86400',
    ]);
    expect(errs({ sessionAffinity: 'Sticky', ports: [{ port: 80 }] })).toEqual(['spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"']);
  });

  it('ExternalName requires externalName', () => {
    expect(errs({ type: 'ExternalName', selector: undefined })).toEqual(['spec.externalName: Required value']);
  });

  it('externalTrafficPolicy only for externally-accessible services', () => {
    expect(errs({ externalTrafficPolicy: 'Local', ports: [{ port: 80 }] })).toEqual(['spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services']);
  });

  it('allocateLoadBalancerNodePorts only for LoadBalancer', () => {
    expect(errs({ type: 'NodePort', allocateLoadBalancerNodePorts: false, ports: [{ port: 80 }] })).toEqual(["spec.allocateLoadBalancerNodePorts: Forbidden: may only be used when `type` is 'LoadBalancer'"]);
  });
});

describe('ValidateServiceUpdate', () => {
  const stored = () => {
    const o = svc({ ports: [{ port: 80 }], clusterIP: '10.96.12.34' });
    (o.spec as Obj).ipFamilies = ['IPv4'];
    (o.spec as Obj).ipFamilyPolicy = 'SingleStack';
    return o;
  };
  it('clusterIPs may not change once set', () => {
    const next = stored();
    (next.spec as Obj).clusterIP = '10.96.12.35';
    (next.spec as Obj).clusterIPs = ['10.96.12.35'];
    expect(validateService(next, stored()).map(errorString)).toEqual(['spec.clusterIPs[0]: Invalid value: ["10.96.12.35"]: may not change once set']);
  });
  it('allows a type change to NodePort', () => {
    const next = stored();
    Object.assign(next.spec as Obj, { type: 'NodePort', externalTrafficPolicy: 'Cluster' });
    expect(validateService(next, stored())).toEqual([]);
  });
});

describe('ValidateServiceStatusUpdate', () => {
  it('checks ingress IPs and ipMode', () => {
    const o = svc({ type: 'LoadBalancer', ports: [{ port: 80 }] });
    o.status = { loadBalancer: { ingress: [{ ip: 'nope', ipMode: 'VIP' }, { ip: '1.2.3.4', ipMode: 'Magic' }] } };
    expect(validateService(o, o, 'status').map(errorString)).toEqual([
      'status.loadBalancer.ingress[0].ip: Invalid value: "nope": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      'status.loadBalancer.ingress[1].ipMode: Unsupported value: "Magic": supported values: "Proxy", "VIP"',
    ]);
  });
  it('forbids ingress on a non-LoadBalancer service', () => {
    const o = svc({ ports: [{ port: 80 }] });
    o.status = { loadBalancer: { ingress: [{ ip: '1.2.3.4', ipMode: 'VIP' }] } };
    expect(validateService(o, o, 'status').map(errorString)).toEqual(["status.loadBalancer.ingress: Forbidden: may only be used when `spec.type` is 'LoadBalancer'"]);
  });
});
