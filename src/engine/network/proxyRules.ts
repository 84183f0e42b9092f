/**
 * What kube-proxy programs for one Service: its ports and, per port, the endpoints it may send
 * new connections to. Mirrors pkg/proxy/endpointslicecache.go (endpoints from every slice
 * labelled with the Service's name, matched by port name and protocol; nil conditions read as
 * ready/serving), pkg/proxy/topology.go CategorizeEndpoints (ready endpoints, else the serving
 * terminating ones) and pkg/proxy/iptables/proxier.go (no rules for headless Services).
 */
import type { KubeObject } from '../types.ts';
import type { ServicePort, V1EndpointSlice, V1Service } from '../controllers/endpointslice/utils.ts';

/** One endpoint as kube-proxy sees it. */
export interface ProxyEndpoint {
  ip: string;
  port: number;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  pod: string;
  podUID: string;
  namespace: string;
  node: string;
}

export interface ServiceRules {
  namespace: string;
  name: string;
  svc: V1Service;
  /** Per Service port (by index): the endpoints new connections may use (ready, or the terminating fallback). */
  usable: ProxyEndpoint[][];
  /** Per Service port: every endpoint of the slices (for externalTrafficPolicy Local). */
  all: ProxyEndpoint[][];
  /** How many endpoints are ready (for narration). */
  ready: number;
  /** True when `usable` is the serving+terminating fallback. */
  fallback: boolean;
  /** What the programmed rules depend on, to tell whether a sync changed anything. */
  sig: string;
}

/** Services kube-proxy programs: a ClusterIP (not None) and not ExternalName. */
export function isProxied(svc: V1Service): boolean {
  const ip = svc.spec?.clusterIP;
  return svc.spec?.type !== 'ExternalName' && !!ip && ip !== 'None';
}

/** The endpoints of `slices` for Service port `sp` (same port name and protocol). */
export function endpointsForPort(sp: ServicePort, slices: V1EndpointSlice[]): ProxyEndpoint[] {
  const out: ProxyEndpoint[] = [];
  const seen = new Set<string>();
  for (const s of slices) {
    if (s.addressType !== 'IPv4') continue;
    const p = (s.ports ?? []).find((x) => (x.name ?? '') === (sp.name ?? '') && (x.protocol ?? 'TCP') === (sp.protocol ?? 'TCP'));
    if (!p || typeof p.port !== 'number') continue;
    for (const ep of s.endpoints ?? []) {
      const ip = ep.addresses?.[0];
      if (!ip || seen.has(`${ip}:${p.port}`)) continue;
      seen.add(`${ip}:${p.port}`);
      const ready = ep.conditions?.ready ?? true;
      out.push({
        ip,
        port: p.port,
        ready,
        serving: ep.conditions?.serving ?? ready,
        terminating: ep.conditions?.terminating ?? false,
        pod: ep.targetRef?.kind === 'Pod' ? ep.targetRef.name : '',
        podUID: ep.targetRef?.kind === 'Pod' ? (ep.targetRef.uid ?? '') : '',
        namespace: ep.targetRef?.namespace ?? s.metadata.namespace ?? 'default',
        node: ep.nodeName ?? '',
      });
    }
  }
  // The endpoints map is keyed by IP:port; the iptables chains list them sorted.
  return out.sort((a, b) => (a.ip === b.ip ? a.port - b.port : a.ip < b.ip ? -1 : 1));
}

/** Builds the rules for a Service from the slices labelled with its name. */
export function buildRules(svc: V1Service, slices: V1EndpointSlice[]): ServiceRules {
  const ports = svc.spec?.ports ?? [];
  let fallback = false;
  let ready = 0;
  const every = ports.map((sp) => endpointsForPort(sp, slices));
  const usable = ports.map((_sp, i) => {
    const all = every[i]!;
    const r = all.filter((e) => e.ready);
    if (i === 0) ready = r.length;
    if (r.length > 0) return r;
    const term = all.filter((e) => e.serving && e.terminating);
    if (term.length > 0) fallback = true;
    return term;
  });
  if (ports.length === 0) ready = 0;
  const sig = JSON.stringify([svc.spec, svc.status, usable.map((eps) => eps.map((e) => `${e.ip}:${e.port}`).join(',')), fallback, ready]);
  return { namespace: svc.metadata.namespace ?? 'default', name: svc.metadata.name, svc, usable, all: every, ready, fallback, sig };
}

/**
 * externalTrafficPolicy Local: only the endpoints on the node the connection arrived at (ready
 * ones, else its serving terminating ones); none there and the node drops the packet.
 */
export function localEndpoints(all: ProxyEndpoint[], node: string): ProxyEndpoint[] {
  const here = all.filter((e) => e.node === node);
  const ready = here.filter((e) => e.ready);
  return ready.length ? ready : here.filter((e) => e.serving && e.terminating);
}

/** A short list for narration: `10.244.1.3:8080, 10.244.2.4:8080` (at most 5, then `…`). */
export function describeEndpoints(eps: ProxyEndpoint[]): string {
  const shown = eps.slice(0, 5).map((e) => `${e.ip}:${e.port}`);
  return eps.length > 5 ? `${shown.join(', ')}, …` : shown.join(', ');
}

/** The Service name a slice belongs to (`kubernetes.io/service-name`), keyed `namespace/name`. */
export function sliceServiceKey(s: KubeObject): string | undefined {
  const n = s.metadata.labels?.['kubernetes.io/service-name'];
  return n ? `${s.metadata.namespace ?? 'default'}/${n}` : undefined;
}
