import { describe, expect, it } from 'vitest';
import { createCluster } from '../index.ts';
import type { Span } from '../trace/span.ts';
import type { KubeObject } from '../types.ts';
import { INGRESS_NGINX_ADDRESS, STATUS_UPDATE_INTERVAL_MS } from './ingressController.ts';

const INGS = '/apis/networking.k8s.io/v1/namespaces/default/ingresses';
const ingress = (name: string, host: string, svc: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name },
  spec: { rules: [{ host, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: svc, port: { number: 80 } } } }] } }], ...extra },
});

function setup() {
  const c = createCluster({ workers: 1 });
  const spans: Span[] = [];
  c.onSpan((s) => spans.push(s));
  return { c, spans };
}

const events = (c: ReturnType<typeof createCluster>, name: string) =>
  ((c.handle({ verb: 'GET', path: '/api/v1/namespaces/default/events' }).body as { items: KubeObject[] }).items as Record<string, any>[]).filter(
    (e) => e.involvedObject?.name === name && e.involvedObject?.kind === 'Ingress',
  );

describe('ingress-nginx controller', () => {
  it('reloads nginx, routes, records Sync events and publishes its address on the status poll', () => {
    const { c, spans } = setup();
    expect(c.ingress.address).toBe(INGRESS_NGINX_ADDRESS);
    expect(c.ingress.route('shop.example', '/')).toEqual({ ok: false, reason: 'no-rule' });
    expect(c.handle({ verb: 'POST', path: INGS, body: ingress('shop', 'shop.example', 'web') }).code).toBe(201);
    c.runFor(5_000);

    const reload = spans.filter((s) => s.kind === 'ingressSync');
    expect(reload).toHaveLength(1);
    expect(reload[0]).toMatchObject({ from: 'ingress', to: 'ingress', summary: 'ingress-nginx rebuilt its nginx.conf: shop.example/ → Service web:80.' });
    expect(c.ingress.route('shop.example', '/cart')).toEqual({ ok: true, ingress: 'shop', namespace: 'default', service: 'web', port: 80, rule: 'rule' });
    expect(c.ingress.route('other.example', '/')).toEqual({ ok: false, reason: 'no-rule' });

    const ev = events(c, 'shop');
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ type: 'Normal', reason: 'Sync', message: 'Scheduled for sync', source: { component: 'nginx-ingress-controller' } });

    // No address until the status syncer's next 60 s poll.
    expect((c.handle({ verb: 'GET', path: `${INGS}/shop` }).body as KubeObject).status).toEqual({ loadBalancer: {} });
    c.runFor(STATUS_UPDATE_INTERVAL_MS);
    const got = c.handle({ verb: 'GET', path: `${INGS}/shop` }).body as KubeObject;
    expect(got.status).toEqual({ loadBalancer: { ingress: [{ ip: '172.18.255.200' }] } });
    c.runFor(1_000);
    // The status update is a change too: "Scheduled for sync" again (count 2), and no reload.
    expect(events(c, 'shop')[0]).toMatchObject({ reason: 'Sync', count: 2 });
    expect(spans.filter((s) => s.kind === 'ingressSync')).toHaveLength(1);
    // Later polls leave it alone.
    const rv = got.metadata.resourceVersion;
    c.runFor(STATUS_UPDATE_INTERVAL_MS);
    expect((c.handle({ verb: 'GET', path: `${INGS}/shop` }).body as KubeObject).metadata.resourceVersion).toBe(rv);
  });

  it('ignores Ingresses of other classes: no events, no status, no routes', () => {
    const { c, spans } = setup();
    c.handle({ verb: 'POST', path: INGS, body: ingress('t', 'shop.example', 'web', { ingressClassName: 'traefik' }) });
    c.runFor(STATUS_UPDATE_INTERVAL_MS + 5_000);
    expect(events(c, 't')).toHaveLength(0);
    expect((c.handle({ verb: 'GET', path: `${INGS}/t` }).body as KubeObject).status).toEqual({ loadBalancer: {} });
    expect(spans.filter((s) => s.kind === 'ingressSync')).toHaveLength(0);
    expect(c.ingress.route('shop.example', '/')).toEqual({ ok: false, reason: 'no-rule' });
  });

  it('rate-limits reloads and follows deletes', () => {
    const { c, spans } = setup();
    c.runFor(5_000); // past the initial sync
    c.handle({ verb: 'POST', path: INGS, body: ingress('a', 'a.example', 'web-a') });
    c.runFor(1_000);
    expect(c.ingress.route('a.example', '/')).toMatchObject({ ok: true, service: 'web-a' });
    c.handle({ verb: 'POST', path: INGS, body: ingress('b', 'b.example', 'web-b') });
    c.runFor(500);
    // The second change waits for the rate limiter (0.3 syncs/s).
    expect(c.ingress.route('b.example', '/')).toEqual({ ok: false, reason: 'no-rule' });
    c.runFor(3_000);
    expect(c.ingress.route('b.example', '/')).toMatchObject({ ok: true, service: 'web-b' });
    expect(spans.filter((s) => s.kind === 'ingressSync').map((s) => s.args.routes)).toEqual([
      'a.example/ → Service web-a:80',
      'a.example/ → Service web-a:80; b.example/ → Service web-b:80',
    ]);
    c.handle({ verb: 'DELETE', path: `${INGS}/a` });
    c.runFor(5_000);
    expect(c.ingress.route('a.example', '/')).toEqual({ ok: false, reason: 'no-rule' });
    c.handle({ verb: 'DELETE', path: `${INGS}/b` });
    c.runFor(5_000);
    expect(spans.filter((s) => s.kind.startsWith('ingressSync')).at(-1)).toMatchObject({ kind: 'ingressSyncEmpty', args: { count: 0, removed: 1 } });
  });
});
