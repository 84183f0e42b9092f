import { describe, expect, it } from 'vitest';
import { aggregate } from './field.ts';
import { isWildcardDNS1123Subdomain, parseIPSloppy, validateIngress, validateIngressClass, validateIngressStatus } from './ingressValidation.ts';

const svc = (name = 'web', port: Record<string, unknown> = { number: 80 }) => ({ service: { name, port } });
const withRules = (rules: unknown[], extra: Record<string, unknown> = {}) => ({ metadata: { name: 'x' }, spec: { rules, ...extra } });
const httpRule = (paths: unknown[], host?: string) => ({ ...(host !== undefined ? { host } : {}), http: { paths } });
const msgs = (o: Record<string, unknown>, old?: Record<string, unknown>) => {
  const errs = validateIngress(o, old);
  return errs.length ? aggregate(errs) : '';
};

describe('ValidateIngressSpec', () => {
  it('accepts a plain Ingress', () => {
    expect(msgs(withRules([httpRule([{ path: '/', pathType: 'Prefix', backend: svc() }], 'shop.example')]))).toBe('');
  });

  it('needs defaultBackend or rules', () => {
    expect(msgs({ metadata: { name: 'x' }, spec: {} })).toBe('spec: Invalid value: null: either `defaultBackend` or `rules` must be specified');
    expect(msgs({ metadata: { name: 'x' }, spec: { rules: [] } })).toBe('spec: Invalid value: []: either `defaultBackend` or `rules` must be specified');
    expect(msgs({ metadata: { name: 'x' }, spec: { defaultBackend: svc() } })).toBe('');
  });

  it('checks hosts: DNS subdomain, wildcard only as the first label, never an IP', () => {
    const r = (host: string) => msgs(withRules([httpRule([{ path: '/', pathType: 'Prefix', backend: svc() }], host)]));
    expect(r('*.foo.com')).toBe('');
    expect(r('10.0.0.1')).toBe('spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address');
    expect(r('foo.*.com')).toBe(
      'spec.rules[0].host: Invalid value: "foo.*.com": a wildcard DNS-1123 subdomain must start with \'*.\', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, \'-\' or \'.\' and end with an alphanumeric character (e.g. \'*.example.com\', regex used for validation is \'\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')',
    );
    expect(r('Shop.example')).toBe(
      "spec.rules[0].host: Invalid value: \"Shop.example\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    );
  });

  it('requires http.paths, a pathType, and absolute paths for Exact and Prefix', () => {
    expect(msgs(withRules([{ host: 'a.example', http: { paths: [] } }]))).toBe('spec.rules[0].http.paths: Required value');
    expect(msgs(withRules([{ host: 'a.example' }]))).toBe('');
    expect(msgs(withRules([httpRule([{ path: '/', backend: svc() }])]))).toBe('spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified');
    expect(msgs(withRules([httpRule([{ path: 'api', pathType: 'Prefix', backend: svc() }])]))).toBe(
      'spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path',
    );
    expect(msgs(withRules([httpRule([{ pathType: 'ImplementationSpecific', backend: svc() }])]))).toBe('');
    expect(msgs(withRules([httpRule([{ path: '/a//b', pathType: 'Exact', backend: svc() }])]))).toBe(
      'spec.rules[0].http.paths[0].path: Invalid value: "/a//b": must not contain \'//\'',
    );
    expect(msgs(withRules([httpRule([{ path: '/a/..', pathType: 'Prefix', backend: svc() }])]))).toBe(
      'spec.rules[0].http.paths[0].path: Invalid value: "/a/..": cannot end with \'/..\'',
    );
    expect(msgs(withRules([httpRule([{ path: '/', pathType: 'Regex', backend: svc() }])]))).toBe(
      'spec.rules[0].http.paths[0].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"',
    );
  });

  it('checks backends: service or resource, a name, a port name or number', () => {
    const b = (backend: unknown) => msgs(withRules([httpRule([{ path: '/', pathType: 'Prefix', backend }])]));
    const P = 'spec.rules[0].http.paths[0].backend';
    expect(b({})).toBe(`${P}: Invalid value: "": resource or service backend is required`);
    expect(b({ ...svc(), resource: { kind: 'Bucket', name: 'b' } })).toBe(`${P}: Invalid value: "": cannot set both resource and service backends`);
    expect(b({ resource: { apiGroup: 'k8s.example.com', kind: 'Bucket', name: 'b' } })).toBe('');
    expect(b({ resource: {} })).toBe(`[${P}.resource.kind: Required value, ${P}.resource.name: Required value]`);
    expect(b({ service: { port: { number: 80 } } })).toBe(`${P}.service.name: Required value`);
    expect(b(svc('web', {}))).toBe(`${P}: Required value: port name or number is required`);
    expect(b(svc('web', { name: 'http', number: 80 }))).toBe(`${P}: Invalid value: "": cannot set both port name & port number`);
    expect(b(svc('web', { number: 70000 }))).toBe(`${P}.service.port.number: Invalid value: 70000: must be between 1 and 65535, inclusive`);
    expect(b(svc('web', { name: 'http_x' }))).toBe(`${P}.service.port.name: Invalid value: "http_x": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)`);
    expect(b(svc('1web'))).toContain(`${P}.service.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character`);
  });

  it('checks ingressClassName, TLS hosts and secret names', () => {
    const base = [httpRule([{ path: '/', pathType: 'Prefix', backend: svc() }])];
    expect(msgs(withRules(base, { ingressClassName: 'Nginx' }))).toContain('spec.ingressClassName: Invalid value: "Nginx": a lowercase RFC 1123 subdomain');
    expect(msgs(withRules(base, { tls: [{ hosts: ['*.foo.com', 'shop.example'], secretName: 'tls-cert' }] }))).toBe('');
    expect(msgs(withRules(base, { tls: [{ hosts: ['a_b'], secretName: 'Bad' }] }))).toMatch(
      /^\[spec\.tls\[0\]\.hosts\[0\]: Invalid value: "a_b": a lowercase RFC 1123 subdomain.*, spec\.tls\[0\]\.secretName: Invalid value: "Bad": a lowercase RFC 1123 subdomain/,
    );
  });

  it('on create, the class annotation must agree with ingressClassName (upstream path without metadata.)', () => {
    const o = { metadata: { name: 'x', annotations: { 'kubernetes.io/ingress.class': 'traefik' } }, spec: { ingressClassName: 'nginx', defaultBackend: svc() } };
    expect(msgs(o)).toBe('annotations.kubernetes.io/ingress.class: Invalid value: "traefik": must match `ingressClassName` when both are specified');
    expect(msgs(o, o)).toBe('');
  });
});

describe('status and helpers', () => {
  it('ValidateIngressLoadBalancerStatus', () => {
    expect(validateIngressStatus({ status: { loadBalancer: { ingress: [{ ip: '172.18.255.200' }] } } })).toEqual([]);
    expect(aggregate(validateIngressStatus({ status: { loadBalancer: { ingress: [{ ip: '300.1.1.1' }, { hostname: '10.0.0.1' }] } } }))).toBe(
      '[status.loadBalancer.ingress[0].ip: Invalid value: "300.1.1.1": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff), status.loadBalancer.ingress[1].hostname: Invalid value: "10.0.0.1": must be a DNS name, not an IP address]',
    );
  });
  it('parseIPSloppy and IsWildcardDNS1123Subdomain', () => {
    for (const ip of ['10.0.0.1', '010.1.1.1', '::1', '2001:db8::ffff', '::ffff:1.2.3.4', '1:2:3:4:5:6:7:8']) expect(parseIPSloppy(ip)).toBe(true);
    for (const s of ['shop.example', '1.2.3', '1:2:3', '1::2::3', 'g::1']) expect(parseIPSloppy(s)).toBe(false);
    expect(isWildcardDNS1123Subdomain('*.bar.com')).toEqual([]);
    expect(isWildcardDNS1123Subdomain('*.*.bar.com')).toHaveLength(1);
    expect(isWildcardDNS1123Subdomain('*')).toHaveLength(1);
  });
});

describe('ValidateIngressClass', () => {
  const cls = (spec: Record<string, unknown>) => ({ metadata: { name: 'c' }, spec });
  it('requires a domain-prefixed controller, immutable on update', () => {
    expect(validateIngressClass(cls({ controller: 'k8s.io/ingress-nginx' }), undefined)).toEqual([]);
    expect(aggregate(validateIngressClass(cls({}), undefined))).toBe('spec.controller: Required value');
    expect(aggregate(validateIngressClass(cls({ controller: 'nginx' }), undefined))).toBe(
      'spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")',
    );
    expect(aggregate(validateIngressClass(cls({ controller: 'example.com/other' }), cls({ controller: 'k8s.io/ingress-nginx' })))).toBe(
      'spec.controller: Invalid value: "example.com/other": field is immutable',
    );
  });
  it('checks parameters', () => {
    expect(aggregate(validateIngressClass(cls({ controller: 'k8s.io/x', parameters: { kind: 'Cfg', name: 'c', scope: 'Namespace' } }), undefined))).toBe(
      "spec.parameters.namespace: Required value: `parameters.scope` is set to 'Namespace'",
    );
    expect(aggregate(validateIngressClass(cls({ controller: 'k8s.io/x', parameters: { kind: 'Cfg', name: 'c', scope: 'Cluster', namespace: 'x' } }), undefined))).toBe(
      "spec.parameters.namespace: Forbidden: `parameters.scope` is set to 'Cluster'",
    );
  });
});
