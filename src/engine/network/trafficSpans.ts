/**
 * The spans of one drawn traffic request: `client → ingress → service → runtime` (or
 * `client → service → runtime` for a Service or ClusterIP), and `trafficFailed` back to the
 * client from where it failed. Narration: src/i18n/{en,ko}/narration/traffic.ts.
 */
import type { ComponentContext } from '../component.ts';
import type { StageId } from '../trace/span.ts';
import type { RequestResult } from './connect.ts';

/** Which request: generator id, request number, target as given, whether it is an http target. */
export interface RequestRef {
  id: number;
  n: number;
  target: string;
  http: boolean;
}

/** What a failed request's client sees, and which stage answered it. */
export function failure(r: RequestResult, ingress: boolean): { code: string; where: string; from: StageId } {
  switch (r.outcome) {
    case 'no-host':
      return { code: 'NXDOMAIN', where: 'DNS', from: 'client' };
    case 'no-rule':
      return { code: '404', where: 'ingress-nginx', from: 'ingress' };
    case 'no-endpoints':
      return ingress ? { code: '503', where: 'ingress-nginx', from: 'ingress' } : { code: 'connection refused', where: 'kube-proxy', from: 'service' };
    case 'refused':
      return { code: ingress ? '502' : 'connection refused', where: `pod ${r.backend?.pod ?? ''}`, from: 'runtime' };
    default:
      return { code: ingress ? '504' : 'timeout', where: `pod ${r.backend?.pod ?? ''}`, from: 'runtime' };
  }
}

/** Records the hops of request `q` that ended as `r`. */
export function drawRequest(ctx: ComponentContext, q: RequestRef, r: RequestResult): void {
  const ok = r.outcome === 'ok';
  const payload = { generator: q.id, request: q.n, ok };
  const viaIngress = 'route' in r;
  const svcObject = r.service && r.service.includes('/') ? `Service/${r.service}` : undefined;
  let cause = ctx.trace({
    from: 'client', to: viaIngress ? 'ingress' : r.outcome === 'no-host' ? 'client' : 'service', verb: 'GET', kind: 'trafficRequest', duration: 1,
    ...(svcObject && !viaIngress ? { object: svcObject } : {}),
    args: { id: q.id, n: q.n, target: q.target },
    summary: `Traffic generator ${q.id} sends request #${q.n} to ${q.target}.`, payload,
  }).id;
  if (viaIngress && r.ingress && r.service) {
    const route = (r as RequestResult & { route: { ok: boolean; port?: number | string } }).route;
    cause = ctx.trace({
      from: 'ingress', to: 'service', verb: 'GET', kind: 'ingressRoute', duration: 1, causeId: cause, object: `Ingress/${r.ingress}`,
      args: { ingress: r.ingress, service: r.service, port: String(route.port ?? '') },
      summary: `ingress-nginx matches Ingress ${r.ingress} and passes the request to Service ${r.service} port ${String(route.port ?? '')}.`, payload,
    }).id;
  }
  const b = r.backend;
  if (b) {
    cause = ctx.trace({
      from: 'service', to: 'runtime', node: b.node, verb: 'DNAT', kind: 'proxyForward', duration: 1, causeId: cause, object: `Pod/${b.namespace}/${b.pod}`,
      args: { service: r.service ?? r.ip ?? '', pod: b.pod, node: b.node, ip: b.ip, port: b.port },
      summary: `kube-proxy sends the connection for ${r.service ?? r.ip ?? ''} to pod ${b.pod} (${b.ip}:${b.port}) on ${b.node}.`, payload,
    }).id;
  }
  if (ok) return;
  const f = failure(r, viaIngress);
  ctx.trace({
    from: f.from, to: 'client', ...(f.from === 'runtime' && b ? { node: b.node, object: `Pod/${b.namespace}/${b.pod}` } : {}),
    verb: 'Failed', kind: 'trafficFailed', duration: 0, causeId: cause,
    args: { id: q.id, n: q.n, target: q.target, pod: b?.pod ?? '', node: b?.node ?? '', code: f.code, where: f.where },
    summary: `Request #${q.n} of traffic generator ${q.id} to ${q.target} failed: ${f.code} (${f.where}).`, payload,
  });
}
