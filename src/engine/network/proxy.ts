/**
 * kube-proxy (pkg/proxy, iptables mode), one for the whole cluster: its view of Services and
 * EndpointSlices (informers at stage `service`), the rules it programs from them, and the backend
 * choice for a new connection. Mirrors pkg/proxy/iptables/proxier.go (syncProxyRules through a
 * BoundedFrequencyRunner: minSyncPeriod 1 s, burst 2; KUBE-SVC chains choosing an endpoint with
 * probability 1/n, 1/(n-1), …, 1 — a uniform choice; ClientIP affinity with the `recent` module),
 * pkg/proxy/servicechangetracker.go and endpointschangetracker.go.
 */
import type { ComponentContext, Informer, TimerHandle } from '../component.ts';
import type { WatchEvent } from '../apiserver/types.ts';
import type { KubeObject } from '../types.ts';
import type { V1EndpointSlice, V1Service } from '../controllers/endpointslice/utils.ts';
import { buildRules, describeEndpoints, isProxied, localEndpoints, sliceServiceKey, type ProxyEndpoint, type ServiceRules } from './proxyRules.ts';

/** The pod a connection was sent to (DNAT target), or why there is none. */
export type ProxyRoute =
  | { ok: true; namespace: string; pod: string; podUID: string; node: string; ip: string; targetPort: number; service: string; endpoints: number }
  | { ok: false; reason: 'no-service' | 'no-port' | 'no-endpoints'; service: string };

/** iptables minSyncPeriod (KubeProxyIPTablesConfiguration default) and the runner's burst. */
export const MIN_SYNC_PERIOD_MS = 1000;
const SYNC_BURST = 2;
/** sessionAffinityConfig.clientIP.timeoutSeconds default (3 hours). */
export const DEFAULT_AFFINITY_TIMEOUT_S = 10800;

type Node = KubeObject & { status?: { addresses?: { type: string; address: string }[] } };

/** What travels in a slice as far as kube-proxy cares (not annotations or trigger times). */
const sliceView = (s: V1EndpointSlice | undefined) => (s ? JSON.stringify([s.metadata.labels?.['kubernetes.io/service-name'], s.addressType, s.ports, s.endpoints]) : '');

export class KubeProxy {
  private readonly services: Informer<V1Service>;
  private readonly nodes: Informer<Node>;
  /** Slices per Service key (`kubernetes.io/service-name`), by slice name. */
  private readonly slicesByService = new Map<string, Map<string, V1EndpointSlice>>();
  /** The programmed rules (what route() reads): updated only by syncProxyRules. */
  private readonly rules = new Map<string, ServiceRules>();
  /** Services changed since the last sync, with the watch hop that told us. */
  private readonly dirty = new Map<string, number | undefined>();
  private readonly affinity = new Map<string, { ip: string; port: number; last: number }>();
  private tokens = SYNC_BURST;
  private tokensAt = 0;
  private pending?: TimerHandle;

  constructor(private readonly ctx: ComponentContext) {
    this.services = ctx.informer<V1Service>('/api/v1/services', undefined, {
      traced: (type, s, old) => type !== 'MODIFIED' || JSON.stringify([s.spec, s.status]) !== JSON.stringify([old?.spec, old?.status]),
    });
    const slices = ctx.informer<V1EndpointSlice>('/apis/discovery.k8s.io/v1/endpointslices', undefined, {
      traced: (type, s, old) => type !== 'MODIFIED' || sliceView(s) !== sliceView(old),
    });
    this.nodes = ctx.informer<Node>('/api/v1/nodes', undefined, { traced: () => false });
    const keyOf = (o: KubeObject) => `${o.metadata.namespace ?? 'default'}/${o.metadata.name}`;
    this.services.addEventHandler({
      add: (s, ev) => this.changed(keyOf(s), ev),
      update: (_o, s, ev) => this.changed(keyOf(s), ev),
      delete: (s, ev) => this.changed(keyOf(s), ev),
    });
    const putSlice = (s: V1EndpointSlice, ev: WatchEvent<V1EndpointSlice>, remove: boolean) => {
      const k = sliceServiceKey(s);
      if (!k) return;
      let m = this.slicesByService.get(k);
      if (remove) m?.delete(s.metadata.name);
      else {
        if (!m) this.slicesByService.set(k, (m = new Map()));
        m.set(s.metadata.name, s);
      }
      this.changed(k, ev);
    };
    slices.addEventHandler({
      add: (s, ev) => putSlice(s, ev, false),
      update: (old, s, ev) => {
        if (sliceServiceKey(old) !== sliceServiceKey(s)) putSlice(old, ev, true);
        putSlice(s, ev, false);
      },
      delete: (s, ev) => putSlice(s, ev, true),
    });
  }

  /**
   * A new connection to Service `namespace/name` on `port` (the Service port's number or name;
   * undefined = its first port), from `clientIP` (sessionAffinity ClientIP pins by it).
   * Headless and ExternalName Services have no rules: 'no-service' (DNS answers for them).
   */
  route(namespace: string, name: string, port?: number | string, clientIP?: string): ProxyRoute {
    const key = `${namespace}/${name}`;
    const r = this.rules.get(key);
    if (!r) return { ok: false, reason: 'no-service', service: key };
    const ports = r.svc.spec?.ports ?? [];
    const want = typeof port === 'string' && /^[0-9]+$/.test(port) ? Number(port) : port;
    const i = want === undefined ? 0 : ports.findIndex((p) => (typeof want === 'number' ? p.port === want : p.name === want));
    if (i < 0 || !ports[i]) return { ok: false, reason: 'no-port', service: key };
    return this.pick(r, i, clientIP);
  }

  /** A connection to an IP and port: a ClusterIP, a node's IP with a NodePort, or a LoadBalancer IP. */
  routeIP(ip: string, port: number, clientIP?: string): ProxyRoute {
    let noPort: string | undefined;
    for (const r of this.rules.values()) {
      const spec = r.svc.spec ?? {};
      const ports = spec.ports ?? [];
      const vips = [...(spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : [])), ...(spec.externalIPs ?? [])];
      for (const ing of r.svc.status?.loadBalancer?.ingress ?? []) if (ing.ip) vips.push(ing.ip);
      if (!vips.includes(ip)) continue;
      const i = ports.findIndex((p) => p.port === port);
      if (i >= 0) return this.pick(r, i, clientIP);
      noPort = `${r.namespace}/${r.name}`;
    }
    if (noPort) return { ok: false, reason: 'no-port', service: noPort };
    const node = this.nodes.list().find((n) => (n.status?.addresses ?? []).some((a) => a.type === 'InternalIP' && a.address === ip));
    if (node) {
      for (const r of this.rules.values()) {
        const t = r.svc.spec?.type;
        if (t !== 'NodePort' && t !== 'LoadBalancer') continue;
        const i = (r.svc.spec?.ports ?? []).findIndex((p) => p.nodePort === port);
        if (i < 0) continue;
        if ((r.svc.spec as { externalTrafficPolicy?: string }).externalTrafficPolicy === 'Local') {
          return this.pick(r, i, clientIP, localEndpoints(r.all[i] ?? [], node.metadata.name));
        }
        return this.pick(r, i, clientIP);
      }
    }
    return { ok: false, reason: 'no-service', service: `${ip}:${port}` };
  }

  /** The endpoints new connections to a Service port may use, as programmed (for tests and views). */
  programmed(namespace: string, name: string, portIndex = 0): ProxyEndpoint[] {
    return this.rules.get(`${namespace}/${name}`)?.usable[portIndex] ?? [];
  }

  /** KUBE-SVC: affinity first (`recent --rcheck --seconds`), else one of n uniformly. */
  private pick(r: ServiceRules, i: number, clientIP?: string, only?: ProxyEndpoint[]): ProxyRoute {
    const key = `${r.namespace}/${r.name}`;
    const eps = only ?? r.usable[i] ?? [];
    if (eps.length === 0) return { ok: false, reason: 'no-endpoints', service: key };
    let ep: ProxyEndpoint | undefined;
    if (clientIP && r.svc.spec?.sessionAffinity === 'ClientIP') {
      const timeoutMs = (r.svc.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_TIMEOUT_S) * 1000;
      const ak = `${key}:${r.svc.spec.ports?.[i]?.name ?? ''}|${clientIP}`;
      const a = this.affinity.get(ak);
      const now = this.ctx.clock.now();
      if (a && now - a.last <= timeoutMs) ep = eps.find((e) => e.ip === a.ip && e.port === a.port);
      ep ??= eps[this.ctx.rand.int(eps.length)]!;
      this.affinity.set(ak, { ip: ep.ip, port: ep.port, last: now });
    } else ep = eps[this.ctx.rand.int(eps.length)]!;
    return { ok: true, namespace: ep.namespace, pod: ep.pod, podUID: ep.podUID, node: ep.node, ip: ep.ip, targetPort: ep.port, service: key, endpoints: eps.length };
  }

  private changed(key: string, ev: WatchEvent<unknown>): void {
    if (ev.spanId || !this.dirty.has(key)) this.dirty.set(key, ev.spanId ?? this.dirty.get(key));
    this.requestSync();
  }

  /** BoundedFrequencyRunner.Run: sync soon, at most SYNC_BURST at once and one per minSyncPeriod after. */
  private requestSync(): void {
    if (this.pending) return;
    const now = this.ctx.clock.now();
    this.tokens = Math.min(SYNC_BURST, this.tokens + (now - this.tokensAt) / MIN_SYNC_PERIOD_MS);
    this.tokensAt = now;
    const wait = this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) * MIN_SYNC_PERIOD_MS);
    this.pending = this.ctx.clock.after(wait, () => {
      this.pending = undefined;
      const t = this.ctx.clock.now();
      this.tokens = Math.min(SYNC_BURST, this.tokens + (t - this.tokensAt) / MIN_SYNC_PERIOD_MS) - 1;
      this.tokensAt = t;
      this.syncProxyRules();
    });
  }

  /** syncProxyRules: reprogram the changed Services; one span per Service whose routing changed. */
  private syncProxyRules(): void {
    const dirty = [...this.dirty];
    this.dirty.clear();
    for (const [key, cause] of dirty) {
      const before = this.rules.get(key);
      const svc = this.services.get(key);
      if (!svc || !isProxied(svc)) {
        if (!before) continue;
        this.rules.delete(key);
        this.trace('proxySyncRemoved', before, cause, `kube-proxy removed the rules of Service ${before.name}: connections to it are no longer forwarded.`);
        continue;
      }
      const r = buildRules(svc, [...(this.slicesByService.get(key)?.values() ?? [])]);
      this.rules.set(key, r);
      if (r.sig === before?.sig) continue;
      const eps = r.usable[0] ?? [];
      const word = eps.length === 1 ? 'endpoint' : 'endpoints';
      if (r.fallback && r.ready === 0 && eps.length) {
        this.trace('proxySyncTerminating', r, cause, `kube-proxy learned that Service ${r.name} has no ready endpoints: it falls back to ${eps.length} terminating but still serving ${word}: ${describeEndpoints(eps)}.`);
      } else if (eps.length === 0) {
        this.trace('proxySyncNone', r, cause, `kube-proxy learned that Service ${r.name} has no ready endpoints: new connections to it are rejected.`);
      } else {
        this.trace('proxySync', r, cause, `kube-proxy learned that Service ${r.name} now has ${eps.length} ready ${word}: ${describeEndpoints(eps)}.`);
      }
    }
  }

  private trace(kind: string, r: ServiceRules, cause: number | undefined, summary: string): void {
    const eps = r.usable[0] ?? [];
    this.ctx.trace({
      from: 'service', to: 'service', verb: 'syncProxyRules', object: `Service/${r.namespace}/${r.name}`, kind, duration: 0, causeId: cause,
      args: { service: r.name, namespace: r.namespace, count: eps.length, endpoints: describeEndpoints(eps) },
      summary,
    });
  }
}
