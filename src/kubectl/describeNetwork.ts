/**
 * `kubectl describe service|endpoints|endpointslice|ingress|ingressclass`. Mirrors
 * k8s.io/kubectl/pkg/describe/describe.go (v1.34): ServiceDescriber (describeService, with
 * Endpoints from the Service's EndpointSlices via formatEndpointSlices and buildIngressString),
 * EndpointsDescriber, EndpointSliceDescriber (describeEndpointSliceV1), IngressDescriber
 * (describeIngressV1, describeBackendV1, serviceBackendStringer, describeIngressTLSV1) and
 * IngressClassDescriber.
 */
import type { Endpoints, LoadBalancerIngress, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Ingress, IngressBackend, IngressClass, IngressServiceBackend } from 'kubernetes-types/networking/v1';
import type { Ctx } from './context.ts';
import { send } from './context.ts';
import { describeEvents, eventsFor, LAST_APPLIED, multiline, PrefixWriter } from './describeCommon.ts';
import { statusOf } from './errors.ts';
import { formatLabels, loadBalancerStatusString } from './printers/network.ts';

type Meta = { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string>; uid?: string };

function labelsAndAnnotations(w: PrefixWriter, m: Meta | undefined): void {
  multiline(w, 'Labels', Object.entries(m?.labels ?? {}), '=');
  annotations(w, m);
}

function annotations(w: PrefixWriter, m: Meta | undefined): void {
  multiline(w, 'Annotations', Object.entries(m?.annotations ?? {}).filter(([k]) => k !== LAST_APPLIED), ': ');
}

/** The Service's EndpointSlices (label kubernetes.io/service-name); an error leaves the list empty. */
function slicesFor(ctx: Ctx, ns: string, service: string): EndpointSlice[] {
  const r = send(ctx, {
    verb: 'GET',
    path: `/apis/discovery.k8s.io/v1/namespaces/${encodeURIComponent(ns)}/endpointslices`,
    query: { labelSelector: `kubernetes.io/service-name=${service}` },
  });
  return r.code === 200 ? ((r.body as { items?: EndpointSlice[] }).items ?? []) : [];
}

/**
 * formatEndpointSlices (describe.go): ready (or unknown-readiness) endpoints as `ip:port` for the
 * named ports, up to 3, then ` + N more...`; `<none>` without slices.
 */
export function formatEndpointSlices(slices: EndpointSlice[], ports?: Set<string>): string {
  if (slices.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  const visit = (addr: string, ready: boolean | undefined, port?: number) => {
    // As upstream: `more` is raised before the readiness check, so a not-ready 4th endpoint counts.
    if (list.length === max) more = true;
    if (ready === false) return;
    if (!more) list.push(port === undefined ? addr : addr.includes(':') ? `[${addr}]:${port}` : `${addr}:${port}`);
    count++;
  };
  for (const s of slices) {
    const eps = s.endpoints ?? [];
    if (!s.ports?.length) {
      for (const e of eps) visit(e.addresses?.[0] ?? '', e.conditions?.ready);
      continue;
    }
    for (const p of s.ports) {
      if (ports && !ports.has(p.name ?? '')) continue;
      for (const e of eps) visit(e.addresses?.[0] ?? '', e.conditions?.ready, p.port ?? 0);
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

/** buildIngressString: `ip (ipMode)` or hostname, `, `-joined. */
function buildIngressString(ingress: LoadBalancerIngress[]): string {
  return ingress.map((i) => (i.ip ? (i.ipMode ? `${i.ip} (${i.ipMode})` : i.ip) : (i.hostname ?? ''))).join(', ');
}

/** describeService. */
export function describeService(svc: Service, slices: EndpointSlice[], events: ReturnType<typeof eventsFor> | undefined, nowMs: number): string {
  const w = new PrefixWriter();
  const m = svc.metadata ?? {};
  const spec = svc.spec ?? {};
  w.write(0, `Name:\t${m.name ?? ''}\n`);
  w.write(0, `Namespace:\t${m.namespace ?? ''}\n`);
  labelsAndAnnotations(w, m);
  w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(0, `Type:\t${spec.type ?? ''}\n`);
  if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`);
  w.write(0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`);
  if (spec.externalIPs?.length) w.write(0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
  if (spec.loadBalancerIP) w.write(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`);
  const lb = svc.status?.loadBalancer?.ingress ?? [];
  if (lb.length) w.write(0, `LoadBalancer Ingress:\t${buildIngressString(lb)}\n`);
  for (const sp of spec.ports ?? []) {
    const name = sp.name || '<unset>';
    const proto = sp.protocol ?? '';
    w.write(0, `Port:\t${name}\t${sp.port}/${proto}\n`);
    // An unset targetPort is the zero IntOrString: printed as 0.
    w.write(0, `TargetPort:\t${sp.targetPort ?? 0}/${proto}\n`);
    if (sp.appProtocol) w.write(0, `AppProtocol:\t${sp.appProtocol}\n`);
    if (sp.nodePort) w.write(0, `NodePort:\t${name}\t${sp.nodePort}/${proto}\n`);
    w.write(0, `Endpoints:\t${formatEndpointSlices(slices, new Set([sp.name ?? '']))}\n`);
  }
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
  if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  if (spec.loadBalancerSourceRanges?.length) w.write(0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`);
  if (spec.trafficDistribution) w.write(0, `Traffic Distribution:\t${spec.trafficDistribution}\n`);
  if (events) describeEvents(w, events, nowMs);
  return w.toString();
}

/** describeEndpoints. */
export function describeEndpoints(ep: Endpoints, events: ReturnType<typeof eventsFor> | undefined, nowMs: number): string {
  const w = new PrefixWriter();
  const m = ep.metadata ?? {};
  w.write(0, `Name:\t${m.name ?? ''}\n`);
  w.write(0, `Namespace:\t${m.namespace ?? ''}\n`);
  labelsAndAnnotations(w, m);
  w.write(0, 'Subsets:\n');
  for (const ss of ep.subsets ?? []) {
    w.write(1, `Addresses:\t${(ss.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
    w.write(1, `NotReadyAddresses:\t${(ss.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
    if (ss.ports?.length) {
      w.write(1, 'Ports:\n');
      w.write(2, 'Name\tPort\tProtocol\n');
      w.write(2, '----\t----\t--------\n');
      for (const p of ss.ports) w.write(2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? ''}\n`);
    }
    w.write(0, '\n');
  }
  if (events) describeEvents(w, events, nowMs);
  return w.toString();
}

/** describeEndpointSliceV1. */
export function describeEndpointSlice(eps: EndpointSlice, events: ReturnType<typeof eventsFor> | undefined, nowMs: number): string {
  const w = new PrefixWriter();
  const m = eps.metadata ?? {};
  w.write(0, `Name:\t${m.name ?? ''}\n`);
  w.write(0, `Namespace:\t${m.namespace ?? ''}\n`);
  labelsAndAnnotations(w, m);
  w.write(0, `AddressType:\t${eps.addressType ?? ''}\n`);
  if (!eps.ports?.length) w.write(0, 'Ports: <unset>\n');
  else {
    w.write(0, 'Ports:\n');
    w.write(1, 'Name\tPort\tProtocol\n');
    w.write(1, '----\t----\t--------\n');
    for (const p of eps.ports) w.write(1, `${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol ?? ''}\n`);
  }
  if (!eps.endpoints?.length) w.write(0, 'Endpoints: <none>\n');
  else {
    w.write(0, 'Endpoints:\n');
    for (const e of eps.endpoints) {
      w.write(1, `- Addresses:\t${(e.addresses ?? []).join(', ') || '<none>'}\n`);
      w.write(2, 'Conditions:\n');
      w.write(3, `Ready:\t${e.conditions?.ready === undefined ? '<unset>' : String(e.conditions.ready)}\n`);
      w.write(2, `Hostname:\t${e.hostname ?? '<unset>'}\n`);
      if (e.targetRef) w.write(2, `TargetRef:\t${e.targetRef.kind ?? ''}/${e.targetRef.name ?? ''}\n`);
      w.write(2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`);
      w.write(2, `Zone:\t${e.zone ?? '<unset>'}\n`);
    }
  }
  if (events) describeEvents(w, events, nowMs);
  return w.toString();
}

/** serviceBackendStringer: `name:port` (number, else port name). */
function serviceBackendString(b: IngressServiceBackend): string {
  return `${b.name}:${b.port?.number ? b.port.number : (b.port?.name ?? '')}`;
}

/**
 * describeBackendV1: `svc:port (ip:port,…)` with the endpoints of the Service port the backend
 * names, `svc:port (<error: …>)` when the Service cannot be read.
 */
function describeBackend(ctx: Ctx, ns: string, b: IngressBackend): string {
  if (b.service) {
    const sb = serviceBackendString(b.service);
    const slices = slicesFor(ctx, ns, b.service.name);
    const r = send(ctx, { verb: 'GET', path: `/api/v1/namespaces/${encodeURIComponent(ns)}/services/${encodeURIComponent(b.service.name)}` });
    if (r.code !== 200) return `${sb} (<error: ${statusOf(r.code, r.body).message}>)`;
    let spName = '';
    for (const sp of (r.body as Service).spec?.ports ?? []) {
      if (b.service.port?.number && b.service.port.number === sp.port) spName = sp.name ?? '';
      else if (b.service.port?.name && b.service.port.name === sp.name) spName = sp.name ?? '';
    }
    return `${sb} (${formatEndpointSlices(slices, new Set([spName]))})`;
  }
  if (b.resource) return `APIGroup: ${b.resource.apiGroup ?? '<none>'}, Kind: ${b.resource.kind}, Name: ${b.resource.name}`;
  return '';
}

/** describeIngressV1: the Rules table lists each host, then its paths with their backends. */
export function describeIngress(ctx: Ctx, ing: Ingress, events: ReturnType<typeof eventsFor> | undefined): string {
  const w = new PrefixWriter();
  const m = ing.metadata ?? {};
  const ns = m.namespace ?? ctx.namespace;
  w.write(0, `Name:\t${m.name ?? ''}\n`);
  multiline(w, 'Labels', Object.entries(m.labels ?? {}), '=');
  w.write(0, `Namespace:\t${m.namespace ?? ''}\n`);
  w.write(0, `Address:\t${loadBalancerStatusString(ing.status?.loadBalancer?.ingress, true)}\n`);
  w.write(0, `Ingress Class:\t${ing.spec?.ingressClassName ?? '<none>'}\n`);
  const def = ing.spec?.defaultBackend;
  const defDescribe = def ? describeBackend(ctx, ns, def) : '<default>';
  w.write(0, `Default backend:\t${defDescribe}\n`);
  if (ing.spec?.tls?.length) {
    w.write(0, 'TLS:\n');
    for (const t of ing.spec.tls) {
      if (!t.secretName) w.write(1, `SNI routes ${(t.hosts ?? []).join(',')}\n`);
      else w.write(1, `${t.secretName} terminates ${(t.hosts ?? []).join(',')}\n`);
    }
  }
  w.write(0, 'Rules:\n  Host\tPath\tBackends\n');
  w.write(1, '----\t----\t--------\n');
  let count = 0;
  for (const rule of ing.spec?.rules ?? []) {
    if (!rule.http) continue;
    count++;
    w.write(1, `${rule.host || '*'}\t\n`);
    for (const p of rule.http.paths ?? []) w.write(2, `\t${p.path ?? ''} \t${describeBackend(ctx, ns, p.backend)}\n`);
  }
  if (count === 0) w.write(1, `*\t*\t${defDescribe}\n`);
  annotations(w, m);
  if (events) describeEvents(w, events, ctx.io.nowMs());
  return w.toString();
}

/** describeIngressClassV1. */
export function describeIngressClass(ic: IngressClass, events: ReturnType<typeof eventsFor> | undefined, nowMs: number): string {
  const w = new PrefixWriter();
  const m = ic.metadata ?? {};
  w.write(0, `Name:\t${m.name ?? ''}\n`);
  labelsAndAnnotations(w, m);
  w.write(0, `Controller:\t${ic.spec?.controller ?? ''}\n`);
  const p = ic.spec?.parameters;
  if (p) {
    w.write(0, 'Parameters:\n');
    if (p.apiGroup !== undefined) w.write(1, `APIGroup:\t${p.apiGroup}\n`);
    w.write(1, `Kind:\t${p.kind}\n`);
    w.write(1, `Name:\t${p.name}\n`);
  }
  if (events) describeEvents(w, events, nowMs);
  return w.toString();
}

/** The describers `kubectl describe` dispatches to, by resource (each fetches what it needs). */
export function networkDescribers(ctx: Ctx): Record<string, (o: unknown) => string> {
  const now = () => ctx.io.nowMs();
  const ev = (kind: string, m: Meta | undefined) => eventsFor(ctx, kind, m?.name ?? '', m?.namespace, m?.uid);
  return {
    services: (o) => {
      const s = o as Service;
      return describeService(s, slicesFor(ctx, s.metadata?.namespace ?? ctx.namespace, s.metadata?.name ?? ''), ev('Service', s.metadata), now());
    },
    endpoints: (o) => describeEndpoints(o as Endpoints, ev('Endpoints', (o as Endpoints).metadata), now()),
    endpointslices: (o) => describeEndpointSlice(o as EndpointSlice, ev('EndpointSlice', (o as EndpointSlice).metadata), now()),
    ingresses: (o) => describeIngress(ctx, o as Ingress, ev('Ingress', (o as Ingress).metadata)),
    ingressclasses: (o) => describeIngressClass(o as IngressClass, ev('IngressClass', (o as IngressClass).metadata), now()),
  };
}
