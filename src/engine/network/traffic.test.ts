import { describe, expect, it } from 'vitest';
import { Store } from '../apiserver/store.ts';
import { FakeCluster } from '../node/fakeContext.test-helper.ts';
import type { KubeletHandle } from '../node/kubelet.ts';
import type { ServeResult } from '../node/serving.ts';
import type { KubeObject } from '../types.ts';
import type { IngressController, IngressRoute } from './ingressController.ts';
import type { KubeProxy, ProxyRoute } from './proxy.ts';
import { parseTarget, TrafficGenerators } from './traffic.ts';
// The engine layer does not import src/i18n: the templates are read at run time to check them
// against the summaries the engine writes.
const en = ((await import(`../../i18n/en/narration/${'traffic'}.ts`)) as { default: Record<string, string> }).default;
const ko = ((await import(`../../i18n/ko/narration/${'traffic'}.ts`)) as { default: Record<string, string> }).default;

const PODS = ['web-a', 'web-b', 'web-c'];

/** kube-proxy over `pods()` in round robin; `web` only; a ClusterIP 10.96.12.7:80. */
function setup(opts: { pods?: () => string[]; serve?: (pod: string) => ServeResult; ingress?: (host: string, path: string) => IngressRoute } = {}) {
  const fc = new FakeCluster();
  const store = new Store();
  store.put('namespaces', { metadata: { name: 'default' } } as KubeObject);
  store.put('services', { metadata: { name: 'web', namespace: 'default' }, spec: { clusterIP: '10.96.12.7' } } as unknown as KubeObject);
  let rr = 0;
  const calls: string[] = [];
  const pick = (service: string, clientIP?: string): ProxyRoute => {
    const pods = (opts.pods ?? (() => PODS))();
    calls.push(`${service} from ${clientIP}`);
    if (!pods.length) return { ok: false, reason: 'no-endpoints', service };
    const pod = pods[rr++ % pods.length]!;
    return { ok: true, namespace: 'default', pod, podUID: `uid-${pod}`, node: 'worker-1', ip: '10.244.1.9', targetPort: 80, service, endpoints: pods.length };
  };
  const proxy = {
    route: (ns: string, name: string, _port?: number | string, clientIP?: string) => (name === 'web' ? pick(`${ns}/${name}`, clientIP) : { ok: false, reason: 'no-service', service: `${ns}/${name}` }),
    routeIP: (ip: string, port: number, clientIP?: string) => (ip === '10.96.12.7' && port === 80 ? pick('default/web', clientIP) : { ok: false, reason: 'no-service', service: `${ip}:${port}` }),
  } as unknown as KubeProxy;
  const ingress: IngressController = { address: '172.18.255.200', route: opts.ingress ?? (() => ({ ok: false, reason: 'no-rule' })) };
  const kubelet = { serve: (uid: string) => (opts.serve ?? (() => ({ ok: true, container: 'nginx' })))(uid.slice(4)) } as unknown as KubeletHandle;
  const gens = new TrafficGenerators({ ctx: fc.ctx('client'), store, proxy, ingress, kubelet: () => kubelet });
  return { fc, gens, calls };
}

describe('traffic targets', () => {
  it('parses service and http targets, refusing others', () => {
    expect(parseTarget('service/web', 'shop')).toEqual({ kind: 'service', namespace: 'shop', name: 'web' });
    expect(parseTarget('svc/web', 'default')).toMatchObject({ kind: 'service', name: 'web' });
    expect(parseTarget('http://shop.example:8080/cart', 'default')).toEqual({ kind: 'http', namespace: 'default', url: { scheme: 'http', host: 'shop.example', port: 8080, path: '/cart' } });
    expect(parseTarget('deployment/web', 'default')).toBe('error: invalid target "deployment/web": expected service/NAME or http://HOST[:PORT]/PATH');
    expect(parseTarget('service/Web', 'default')).toBe('error: invalid Service name "Web" in target "service/Web"');
    expect(parseTarget('http://a b/', 'default')).toBe('error: invalid URL "http://a b/": expected http://HOST[:PORT]/PATH');
  });

  it('refuses bad rates', () => {
    const { gens } = setup();
    expect(gens.start('service/web', { rps: 0 })).toEqual({ ok: false, message: 'error: --rps must be greater than 0, got 0' });
    expect(gens.start('service/web', { rps: 1001 })).toEqual({ ok: false, message: 'error: --rps must be at most 1000, got 1001' });
  });
});

describe('traffic generator', () => {
  it('sends rps evenly spaced requests, spread over the pods kube-proxy picks, rows in first-answer order', () => {
    const { fc, gens, calls } = setup();
    const s = gens.start('service/web', { rps: 10 });
    expect(s).toMatchObject({ ok: true, id: 1 });
    fc.runFor(9_999);
    const st = gens.stop(1).status!;
    expect(st.total).toEqual({ requests: 100, failed: 0 });
    expect(st.rows).toEqual([
      { backend: 'web-a', requests: 34, failed: 0 },
      { backend: 'web-b', requests: 33, failed: 0 },
      { backend: 'web-c', requests: 33, failed: 0 },
    ]);
    expect(st.noEndpoint).toBe(0);
    expect(st.series).toHaveLength(10);
    expect(st.series[0]).toEqual({ at: 0, requests: 10, failed: 0 });
    expect(st.stoppedAt).toBe(9_999);
    expect(calls[0]).toBe('default/web from 203.0.113.11');
    // Stopped: no more requests.
    fc.runFor(5_000);
    expect(gens.status()[0]!.total.requests).toBe(100);
    // Gone from status() a minute after it stopped.
    fc.runFor(60_001);
    expect(gens.status()).toEqual([]);
  });

  it('with forMs sends exactly rps × for requests, however late it is stopped', () => {
    const { fc, gens } = setup();
    gens.start('service/web', { rps: 10, forMs: 2_000 });
    fc.runFor(2_500);
    expect(gens.stop(1).status!.total.requests).toBe(20);
  });

  it('draws at most 5 requests per second as client → service → runtime spans', () => {
    const { fc, gens } = setup();
    gens.start('service/web', { rps: 100 });
    fc.runFor(999);
    gens.stop(1);
    const req = fc.spans.filter((s) => s.kind === 'trafficRequest');
    expect(req.map((s) => s.args.n)).toEqual([0, 20, 40, 60, 80]);
    const fwd = fc.spans.filter((s) => s.kind === 'proxyForward');
    expect(fwd[0]).toMatchObject({ from: 'service', to: 'runtime', node: 'worker-1', object: 'Pod/default/web-a', causeId: req[0]!.id, payload: { generator: 1, request: 0, ok: true } });
    expect(req[0]).toMatchObject({ from: 'client', to: 'service', object: 'Service/default/web', summary: 'Traffic generator 1 sends request #0 to service/web.' });
  });

  it('counts requests with no endpoint, and refused ones on the pod row', () => {
    let pods: string[] = [];
    const { fc, gens } = setup({ pods: () => pods, serve: (p) => (p === 'web-b' ? { ok: false, reason: 'refused' } : { ok: true, container: 'nginx' }) });
    gens.start('service/web', { rps: 10 });
    fc.runFor(999);
    pods = ['web-a', 'web-b'];
    fc.runFor(1_000);
    const st = gens.stop(1).status!;
    expect(st.noEndpoint).toBe(10);
    expect(st.rows).toEqual([{ backend: 'web-a', requests: 5, failed: 0 }, { backend: 'web-b', requests: 5, failed: 5 }]);
    expect(st.total).toEqual({ requests: 20, failed: 15 });
    expect(st.series).toEqual([{ at: 0, requests: 10, failed: 10 }, { at: 1000, requests: 10, failed: 5 }]);
    const failed = fc.spans.filter((s) => s.kind === 'trafficFailed');
    // 5 per second drawn on top of the sampled ones (every 2nd request at 10 rps).
    expect(failed.length).toBe(15);
    expect(failed[0]).toMatchObject({ from: 'service', to: 'client', args: { code: 'connection refused', where: 'kube-proxy' } });
    expect(failed.at(-1)).toMatchObject({ from: 'runtime', to: 'client', node: 'worker-1', args: { pod: 'web-b', code: 'connection refused' } });
  });

  it('goes through ingress-nginx for an Ingress host, and to kube-proxy for a ClusterIP or a Service name', () => {
    const { fc, gens, calls } = setup({
      ingress: (host, path) => (host === 'shop.example' && path.startsWith('/cart') ? { ok: true, ingress: 'shop', namespace: 'default', service: 'web', port: 80, rule: 'rule' } : { ok: false, reason: 'no-rule' }),
    });
    gens.start('http://shop.example/cart', { rps: 1 });
    gens.start('http://shop.example/other', { rps: 1 });
    gens.start('http://10.96.12.7/', { rps: 1 });
    gens.start('http://web.default.svc.cluster.local/', { rps: 1 });
    gens.start('http://172.18.255.200/cart', { rps: 1 });
    fc.runFor(1_999);
    const st = [1, 2, 3, 4, 5].map((id) => gens.stop(id).status!);
    expect(st.map((s) => [s.total.requests, s.total.failed, s.noEndpoint])).toEqual([[2, 0, 0], [2, 2, 2], [2, 0, 0], [2, 0, 0], [2, 2, 2]]);
    expect(calls).toContain('default/web from 203.0.113.13');
    const first = fc.spans.filter((s) => s.payload && (s.payload as { generator: number }).generator === 1 && (s.payload as { request: number }).request === 0);
    expect(first.map((s) => `${s.from}→${s.to}:${s.kind}`)).toEqual(['client→ingress:trafficRequest', 'ingress→service:ingressRoute', 'service→runtime:proxyForward']);
    const miss = fc.spans.find((s) => s.kind === 'trafficFailed' && s.args.id === 2);
    expect(miss).toMatchObject({ from: 'ingress', to: 'client', args: { code: '404', where: 'ingress-nginx' } });
  });

  it('is deterministic', () => {
    const run = () => {
      const { fc, gens } = setup();
      gens.start('service/web', { rps: 7 });
      fc.runFor(3_000);
      return JSON.stringify([gens.stop(1), fc.spans]);
    };
    expect(run()).toBe(run());
  });

  it('narrates every span kind in English exactly as its summary, and in Korean', () => {
    let pods = ['web-a'];
    const { fc, gens } = setup({
      pods: () => pods,
      ingress: () => ({ ok: true, ingress: 'shop', namespace: 'default', service: 'web', port: 80, rule: 'rule' }),
    });
    gens.start('http://shop.example/', { rps: 1 });
    fc.runFor(500);
    pods = [];
    fc.runFor(1_000);
    const kinds = new Set<string>();
    for (const sp of fc.spans) {
      kinds.add(sp.kind);
      expect(en[sp.kind]!.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => String(sp.args[k]))).toBe(sp.summary);
      expect(ko[sp.kind]).toBeDefined();
    }
    expect([...kinds].sort()).toEqual(['ingressRoute', 'proxyForward', 'trafficFailed', 'trafficRequest']);
  });
});
