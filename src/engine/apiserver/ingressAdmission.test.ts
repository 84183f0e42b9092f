import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster.ts';
import type { Status } from './types.ts';
import type { KubeObject } from '../types.ts';
import { defaultIngressClass } from './ingressAdmission.ts';

const INGS = '/apis/networking.k8s.io/v1/namespaces/default/ingresses';
const CLASSES = '/apis/networking.k8s.io/v1/ingressclasses';
const ingress = (name: string, host: string, path = '/', extra: Record<string, unknown> = {}, meta: Record<string, unknown> = {}) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name, ...meta },
  spec: { rules: [{ host, http: { paths: [{ path, pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }], ...extra },
});

describe('Ingress through the API server', () => {
  it('DefaultIngressClass sets the default class on create; status starts empty', () => {
    const c = new TestCluster({ workers: 1 });
    const r = c.cluster.handle({ verb: 'POST', path: INGS, body: ingress('shop', 'shop.example') });
    expect(r.code).toBe(201);
    const got = r.body as KubeObject;
    expect(got.spec).toMatchObject({ ingressClassName: 'nginx' });
    expect(got.status).toEqual({ loadBalancer: {} });
    expect(got.metadata.generation).toBe(1);
  });

  it('leaves an explicit class or the legacy annotation alone, and does not default on update', () => {
    const c = new TestCluster({ workers: 1 });
    const a = c.cluster.handle({ verb: 'POST', path: INGS, body: ingress('a', 'a.example', '/', {}, { annotations: { 'kubernetes.io/ingress.class': 'other' } }) });
    expect((a.body as KubeObject).spec).not.toHaveProperty('ingressClassName');
    const b = c.cluster.handle({ verb: 'POST', path: INGS, body: ingress('b', 'b.example', '/', { ingressClassName: 'traefik' }) });
    expect((b.body as KubeObject).spec).toMatchObject({ ingressClassName: 'traefik' });
    const got = a.body as KubeObject;
    const meta = { ...got.metadata, annotations: {} };
    const put = c.cluster.handle({ verb: 'PUT', path: `${INGS}/a`, body: { ...got, metadata: meta } });
    expect(put.code).toBe(200);
    expect((put.body as KubeObject).spec).not.toHaveProperty('ingressClassName');
  });

  it('with several default classes the newest wins, ties by name', () => {
    const mk = (name: string, ts: string) => ({ metadata: { name, creationTimestamp: ts, annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } } }) as unknown as KubeObject;
    expect(defaultIngressClass([mk('old', '2026-01-01T00:00:00Z'), mk('new', '2026-01-01T00:00:05Z')])?.metadata.name).toBe('new');
    expect(defaultIngressClass([mk('b', '2026-01-01T00:00:00Z'), mk('a', '2026-01-01T00:00:00Z')])?.metadata.name).toBe('a');
    expect(defaultIngressClass([{ metadata: { name: 'x' } } as KubeObject])).toBeUndefined();
  });

  it('refuses invalid specs with the upstream messages', () => {
    const c = new TestCluster({ workers: 1 });
    const body = ingress('bad', 'shop.example');
    delete (body.spec.rules[0].http.paths[0] as Record<string, unknown>).pathType;
    const r = c.cluster.handle({ verb: 'POST', path: INGS, body });
    expect(r.code).toBe(422);
    expect((r.body as Status).message).toBe('Ingress.networking.k8s.io "bad" is invalid: spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified');
    const empty = c.cluster.handle({ verb: 'POST', path: INGS, body: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'empty' }, spec: {} } });
    expect((empty.body as Status).message).toBe('Ingress.networking.k8s.io "empty" is invalid: spec: Invalid value: null: either `defaultBackend` or `rules` must be specified');
  });

  it('the ingress-nginx webhook refuses a second Ingress for the same host and path, storing nothing', () => {
    const c = new TestCluster({ workers: 1 });
    expect(c.cluster.handle({ verb: 'POST', path: INGS, body: ingress('other', 'foo.bar') }).code).toBe(201);
    const r = c.cluster.handle({ verb: 'POST', path: INGS, body: ingress('dup', 'foo.bar') });
    expect(r.code).toBe(400);
    expect(r.body).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'BadRequest',
      code: 400,
      message: 'admission webhook "validate.nginx.ingress.kubernetes.io" denied the request: host "foo.bar" and path "/" is already defined in ingress default/other',
    });
    expect(c.get(`${INGS}/dup`).code).toBe(404);
    // Dry runs are checked too; another path, another class, or an update of itself pass.
    expect(c.cluster.handle({ verb: 'POST', path: INGS, query: { dryRun: 'All' }, body: ingress('dup', 'foo.bar') }).code).toBe(400);
    expect(c.cluster.handle({ verb: 'POST', path: INGS, body: ingress('api', 'foo.bar', '/api') }).code).toBe(201);
    expect(c.cluster.handle({ verb: 'POST', path: INGS, body: ingress('t', 'foo.bar', '/', { ingressClassName: 'traefik' }) }).code).toBe(201);
    const other = c.get(`${INGS}/other`).body as KubeObject;
    expect(c.cluster.handle({ verb: 'PUT', path: `${INGS}/other`, body: { ...other, metadata: { ...other.metadata, labels: { a: 'b' } } } }).code).toBe(200);
    // Another namespace does not help: the webhook checks across namespaces.
    c.cluster.handle({ verb: 'POST', path: '/api/v1/namespaces', body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } } });
    const t = c.cluster.handle({ verb: 'POST', path: '/apis/networking.k8s.io/v1/namespaces/team/ingresses', body: ingress('dup', 'foo.bar') });
    expect((t.body as Status).message).toContain('is already defined in ingress default/other');
  });

  it('decodes strictly against the Ingress schema', () => {
    const c = new TestCluster({ workers: 1 });
    const body = ingress('typo', 'shop.example');
    (body.spec.rules[0].http.paths[0] as Record<string, unknown>).pathtype = 'Prefix';
    const r = c.cluster.handle({ verb: 'POST', path: INGS, body });
    expect(r.code).toBe(400);
    expect((r.body as Status).message).toContain('strict decoding error: unknown field "spec.rules[0].http.paths[0].pathtype"');
  });

  it('IngressClass: controller required and immutable; parameters.scope defaults to Cluster', () => {
    const c = new TestCluster({ workers: 1 });
    const none = c.cluster.handle({ verb: 'POST', path: CLASSES, body: { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'x' }, spec: {} } });
    expect((none.body as Status).message).toBe('IngressClass.networking.k8s.io "x" is invalid: spec.controller: Required value');
    const ok = c.cluster.handle({
      verb: 'POST', path: CLASSES,
      body: { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'y' }, spec: { controller: 'example.com/y', parameters: { kind: 'Cfg', name: 'c' } } },
    });
    expect(ok.code).toBe(201);
    expect((ok.body as KubeObject).spec).toMatchObject({ parameters: { scope: 'Cluster' } });
    const nginx = c.get(`${CLASSES}/nginx`).body as KubeObject;
    const put = c.cluster.handle({ verb: 'PUT', path: `${CLASSES}/nginx`, body: { ...nginx, spec: { controller: 'example.com/other' } } });
    expect((put.body as Status).message).toBe('IngressClass.networking.k8s.io "nginx" is invalid: spec.controller: Invalid value: "example.com/other": field is immutable');
  });
});
