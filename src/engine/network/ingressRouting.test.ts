import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../types.ts';
import { buildServers, checkOverlap, describeServers, isNginxIngress, routeRequest, sortIngresses } from './ingressRouting.ts';

type P = { path?: string; pathType?: string; svc?: string; port?: number | string };
let seq = 0;
function ing(name: string, rules: { host?: string; paths: P[] }[], extra: { ns?: string; defaultBackend?: string; annotations?: Record<string, string>; ts?: string } = {}): KubeObject {
  seq++;
  const backend = (svc: string, port: number | string = 80) => ({ service: { name: svc, port: typeof port === 'number' ? { number: port } : { name: port } } });
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace: extra.ns ?? 'default', creationTimestamp: extra.ts ?? `2026-01-01T00:00:${String(seq).padStart(2, '0')}Z`, ...(extra.annotations ? { annotations: extra.annotations } : {}) },
    spec: {
      ingressClassName: 'nginx',
      ...(extra.defaultBackend ? { defaultBackend: backend(extra.defaultBackend) } : {}),
      rules: rules.map((r) => ({
        ...(r.host ? { host: r.host } : {}),
        http: { paths: r.paths.map((p) => ({ path: p.path, pathType: p.pathType ?? 'Prefix', backend: backend(p.svc ?? 'svc', p.port) })) },
      })),
    },
  } as KubeObject;
}

/** The docs' examples: one Ingress with the given paths (each to a Service named after its path). */
function matches(paths: { path: string; pathType: string }[], req: string): string | undefined {
  const servers = buildServers([ing('t', [{ paths: paths.map((p) => ({ ...p, svc: `${p.pathType}${p.path}` })) }])]);
  return routeRequest(servers, 'example.com', req)?.service;
}

describe('path matching: the Kubernetes docs examples table', () => {
  const P = (path: string) => ({ path, pathType: 'Prefix' });
  const E = (path: string) => ({ path, pathType: 'Exact' });
  it.each([
    [[P('/')], '/anything/at/all', 'Prefix/'],
    [[E('/foo')], '/foo', 'Exact/foo'],
    [[E('/foo')], '/bar', undefined],
    [[E('/foo')], '/foo/', undefined],
    [[E('/foo/')], '/foo', undefined],
    [[P('/foo')], '/foo', 'Prefix/foo'],
    [[P('/foo')], '/foo/', 'Prefix/foo'],
    [[P('/foo/')], '/foo', 'Prefix/foo/'],
    [[P('/foo/')], '/foo/', 'Prefix/foo/'],
    [[P('/aaa/bb')], '/aaa/bbb', undefined],
    [[P('/aaa/bbb')], '/aaa/bbb', 'Prefix/aaa/bbb'],
    [[P('/aaa/bbb/')], '/aaa/bbb', 'Prefix/aaa/bbb/'],
    [[P('/aaa/bbb')], '/aaa/bbb/', 'Prefix/aaa/bbb'],
    [[P('/aaa/bbb')], '/aaa/bbb/ccc', 'Prefix/aaa/bbb'],
    [[P('/aaa/bbb')], '/aaa/bbbxyz', undefined],
    [[P('/'), P('/aaa')], '/aaa/ccc', 'Prefix/aaa'],
    [[P('/'), P('/aaa'), P('/aaa/bbb')], '/aaa/bbb', 'Prefix/aaa/bbb'],
    [[P('/'), P('/aaa'), P('/aaa/bbb')], '/ccc', 'Prefix/'],
    [[P('/aaa')], '/ccc', undefined],
    [[P('/foo'), E('/foo')], '/foo', 'Exact/foo'],
    [[E('/foo'), P('/foo')], '/foo', 'Exact/foo'],
    [[E('/foo'), P('/foo')], '/foo/x', 'Prefix/foo'],
  ])('%j, request %s → %s', (paths, req, want) => {
    expect(matches(paths, req)).toBe(want);
  });

  it('treats ImplementationSpecific (and a missing pathType) as Prefix, as ingress-nginx does', () => {
    expect(matches([{ path: '/app', pathType: 'ImplementationSpecific' }], '/app/x')).toBe('ImplementationSpecific/app');
    expect(matches([{ path: '/app', pathType: 'ImplementationSpecific' }], '/application')).toBeUndefined();
  });

  it('ignores the query string', () => {
    expect(matches([E('/foo')], '/foo?x=1')).toBe('Exact/foo');
  });
});

describe('host matching', () => {
  const servers = buildServers([ing('w', [{ host: '*.foo.com', paths: [{ path: '/', svc: 'wild' }] }, { host: 'foo.com', paths: [{ path: '/', svc: 'bare' }] }])]);
  it.each([
    ['bar.foo.com', 'wild'],
    ['BAR.foo.com:8080', 'wild'],
    ['baz.bar.foo.com', undefined],
    ['foo.com', 'bare'],
    ['other.com', undefined],
  ])('%s → %s', (host, want) => {
    expect(routeRequest(servers, host, '/')?.service).toBe(want);
  });

  it('an exact host beats a wildcard', () => {
    const s = buildServers([ing('a', [{ host: '*.foo.com', paths: [{ path: '/', svc: 'wild' }] }, { host: 'www.foo.com', paths: [{ path: '/', svc: 'www' }] }])]);
    expect(routeRequest(s, 'www.foo.com', '/')?.service).toBe('www');
    expect(routeRequest(s, 'api.foo.com', '/')?.service).toBe('wild');
  });
});

describe('merging Ingresses as ingress-nginx does', () => {
  it('joins the paths of several Ingresses for one host; the oldest keeps a contested path', () => {
    const a = ing('a', [{ host: 'shop.example', paths: [{ path: '/', svc: 'web' }] }], { ts: '2026-01-01T00:00:01Z' });
    const b = ing('b', [{ host: 'shop.example', paths: [{ path: '/api', svc: 'api', port: 8080 }, { path: '/', svc: 'web2' }] }], { ts: '2026-01-01T00:00:02Z' });
    const servers = buildServers(sortIngresses([b, a]));
    expect(routeRequest(servers, 'shop.example', '/api/items')).toEqual({ namespace: 'default', ingress: 'b', service: 'api', port: 8080, rule: 'rule' });
    expect(routeRequest(servers, 'shop.example', '/')?.ingress).toBe('a');
    expect(describeServers(servers)).toEqual(['shop.example/api → Service api:8080', 'shop.example/ → Service web:80']);
  });

  it("a host's unmatched paths go to the defaultBackend of the Ingress that declared it", () => {
    const a = ing('a', [{ host: 'shop.example', paths: [{ path: '/api', svc: 'api' }] }], { defaultBackend: 'fallback' });
    const servers = buildServers([a]);
    expect(routeRequest(servers, 'shop.example', '/other')).toEqual({ namespace: 'default', ingress: 'a', service: 'fallback', port: 80, rule: 'defaultBackend' });
    // It is not the catch-all: the Ingress has rules.
    expect(routeRequest(servers, 'elsewhere.example', '/')).toBeUndefined();
  });

  it('an Ingress with only a defaultBackend becomes the catch-all server for every unknown host', () => {
    const catchAll = ing('all', [], { defaultBackend: 'everything' });
    const servers = buildServers([ing('a', [{ host: 'shop.example', paths: [{ path: '/api', svc: 'api' }] }]), catchAll]);
    expect(routeRequest(servers, 'unknown.example', '/x')?.service).toBe('everything');
    // A known host without a matching path uses that host's own fallback (nginx's 404 here).
    expect(routeRequest(servers, 'shop.example', '/x')).toBeUndefined();
  });

  it('ignores canary Ingresses for routing', () => {
    const main = ing('main', [{ host: 'a.example', paths: [{ path: '/', svc: 'v1' }] }]);
    const can = ing('can', [{ host: 'a.example', paths: [{ path: '/', svc: 'v2' }] }], { annotations: { 'nginx.ingress.kubernetes.io/canary': 'true' } });
    expect(routeRequest(buildServers([main, can]), 'a.example', '/')?.service).toBe('v1');
  });
});

describe('checkOverlap (validating webhook)', () => {
  const other = ing('other', [{ host: 'foo.bar', paths: [{ path: '/', svc: 'a' }] }]);
  it('refuses a second Ingress for the same host and path with the ingress-nginx message', () => {
    const dup = ing('dup', [{ host: 'foo.bar', paths: [{ path: '/', svc: 'b' }] }]);
    expect(checkOverlap(dup, [other])).toBe('host "foo.bar" and path "/" is already defined in ingress default/other');
  });
  it('names a missing host `_`', () => {
    const x = ing('x', [{ paths: [{ path: '/pay', svc: 'a' }] }]);
    const y = ing('y', [{ paths: [{ path: '/pay', svc: 'b' }] }]);
    expect(checkOverlap(y, [x])).toBe('host "_" and path "/pay" is already defined in ingress default/x');
  });
  it('allows other paths, other hosts, the same path with another pathType, updates of itself, and canaries', () => {
    expect(checkOverlap(ing('p', [{ host: 'foo.bar', paths: [{ path: '/api', svc: 'b' }] }]), [other])).toBeUndefined();
    expect(checkOverlap(ing('h', [{ host: 'x.bar', paths: [{ path: '/', svc: 'b' }] }]), [other])).toBeUndefined();
    expect(checkOverlap(ing('e', [{ host: 'foo.bar', paths: [{ path: '/', pathType: 'Exact', svc: 'b' }] }]), [other])).toBeUndefined();
    expect(checkOverlap({ ...other, spec: { ...(other.spec as object) } } as KubeObject, [other])).toBeUndefined();
    const can = ing('c', [{ host: 'foo.bar', paths: [{ path: '/', svc: 'b' }] }], { annotations: { 'nginx.ingress.kubernetes.io/canary': 'true' } });
    expect(checkOverlap(can, [other])).toBeUndefined();
  });
  it('like upstream, stops at the first path some Ingress already serves', () => {
    const mixed = ing('m', [{ host: 'foo.bar', paths: [{ path: '/new', svc: 'b' }, { path: '/', svc: 'b' }] }]);
    expect(checkOverlap(mixed, [other])).toBeUndefined();
  });
});

describe('isNginxIngress', () => {
  const classes = [
    { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx' } },
    { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'traefik' }, spec: { controller: 'traefik.io/ingress-controller' } },
  ] as KubeObject[];
  const with_ = (spec: object, annotations?: Record<string, string>) => ({ metadata: { name: 'x', ...(annotations ? { annotations } : {}) }, spec }) as unknown as KubeObject;
  it('follows ingressClassName to the class controller, or the legacy annotation', () => {
    expect(isNginxIngress(with_({ ingressClassName: 'nginx' }), classes)).toBe(true);
    expect(isNginxIngress(with_({ ingressClassName: 'traefik' }), classes)).toBe(false);
    expect(isNginxIngress(with_({ ingressClassName: 'missing' }), classes)).toBe(false);
    expect(isNginxIngress(with_({}), classes)).toBe(false);
    expect(isNginxIngress(with_({}, { 'kubernetes.io/ingress.class': 'nginx' }), classes)).toBe(true);
  });
});
