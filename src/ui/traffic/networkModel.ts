/**
 * What the UI shows of Services, EndpointSlices and Ingresses, derived from the store's objects.
 * Pure (no React), so it is unit-tested. Column formats follow kubectl's printers
 * (k8s.io/kubernetes pkg/printers/internalversion/printers.go: makePortString,
 * getServiceExternalIP, formatHosts), the endpoint conditions k8s.io/endpointslice utils.go.
 */
import type { KubeObject } from '../../protocol/types.ts';
import { INGRESSES, SERVICES, slicesOf } from '../../store/links.ts';

export { ENDPOINT_SLICES, INGRESSES, SERVICE_NAME_LABEL, SERVICES, slicesOf } from '../../store/links.ts';

type Objects = Record<string, Record<string, KubeObject>>;

interface ServicePort { name?: string; port: number; targetPort?: number | string; nodePort?: number; protocol?: string }
interface ServiceShape {
  spec?: {
    type?: string;
    clusterIP?: string;
    clusterIPs?: string[];
    ports?: ServicePort[];
    selector?: Record<string, string>;
    sessionAffinity?: string;
    externalIPs?: string[];
    externalName?: string;
  };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}
interface SliceEndpoint {
  addresses?: string[];
  conditions?: { ready?: boolean; serving?: boolean; terminating?: boolean };
  nodeName?: string;
  targetRef?: { kind?: string; name?: string; namespace?: string };
}
interface SliceShape { endpoints?: SliceEndpoint[]; ports?: { name?: string; port?: number; protocol?: string }[] }
interface IngressBackend { service?: { name?: string; port?: { number?: number; name?: string } } }
interface IngressShape {
  spec?: {
    ingressClassName?: string;
    defaultBackend?: IngressBackend;
    rules?: { host?: string; http?: { paths?: { path?: string; pathType?: string; backend?: IngressBackend }[] } }[];
    tls?: unknown[];
  };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

/** One Service chip / inspector header. */
export interface ServiceSummary {
  key: string;
  name: string;
  namespace: string;
  type: string;
  /** kubectl's CLUSTER-IP column: `None` for headless, `<none>` when empty. */
  clusterIP: string;
  /** kubectl's PORT(S) column: `80/TCP`, `80:30080/TCP`, comma-joined, `<none>`. */
  ports: string;
  /** EXTERNAL-IP: LoadBalancer address, `<pending>`, external IPs or name, `<none>`. */
  externalIP: string;
  /** Endpoints in its EndpointSlices (each address once) and how many are ready. */
  ready: number;
  total: number;
  /** No selector: endpoints are not managed by the EndpointSlice controller (ExternalName, manual). */
  selectorless: boolean;
  /** The API server's own Service (`default/kubernetes`). */
  builtin: boolean;
}

const svcShape = (o: KubeObject) => o as unknown as ServiceShape;

/** kubectl's PORT(S) column (printers.go makePortString). */
export function portString(ports: ServicePort[] | undefined): string {
  if (!ports?.length) return '<none>';
  return ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',');
}

/** kubectl's EXTERNAL-IP column without the 16-character clipping (printers.go getServiceExternalIP). */
export function externalIPOf(svc: KubeObject): string {
  const s = svcShape(svc);
  const type = s.spec?.type ?? 'ClusterIP';
  const ext = s.spec?.externalIPs ?? [];
  if (type === 'ExternalName') return s.spec?.externalName ?? '<none>';
  if (type === 'LoadBalancer') {
    const lb = (s.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? i.hostname ?? '').filter(Boolean);
    const all = [...lb, ...ext];
    return all.length ? all.join(',') : '<pending>';
  }
  return ext.length ? ext.join(',') : '<none>';
}

/** One endpoint row of the inspector's table. */
export interface EndpointRow {
  pod?: string;
  podNamespace?: string;
  address: string;
  /** `ip:port` per slice port (`ip` alone when the slice has no ports). */
  targets: string[];
  node?: string;
  /** Conditions as the API defines them: a nil `ready` or `serving` means true; nil `terminating` false. */
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

/** Endpoints of Service `ns/name` from its EndpointSlices, each address once, sorted by pod name. */
export function endpointRows(objects: Objects, namespace: string, name: string): EndpointRow[] {
  const rows = new Map<string, EndpointRow>();
  for (const sl of slicesOf(objects, namespace, name)) {
    const s = sl as unknown as SliceShape;
    const ports = (s.ports ?? []).map((p) => p.port).filter((p): p is number => typeof p === 'number');
    for (const ep of s.endpoints ?? []) {
      const address = ep.addresses?.[0];
      if (!address || rows.has(address)) continue;
      const c = ep.conditions ?? {};
      rows.set(address, {
        pod: ep.targetRef?.kind === 'Pod' || !ep.targetRef?.kind ? ep.targetRef?.name : undefined,
        podNamespace: ep.targetRef?.namespace ?? namespace,
        address,
        targets: ports.length ? ports.map((p) => `${address}:${p}`) : [address],
        node: ep.nodeName,
        ready: c.ready !== false,
        serving: c.serving ?? c.ready !== false,
        terminating: c.terminating === true,
      });
    }
  }
  return [...rows.values()].sort((a, b) => (a.pod ?? a.address).localeCompare(b.pod ?? b.address, 'en', { numeric: true }));
}

/** The chip summary of Service `key`. */
export function serviceSummary(objects: Objects, key: string, svc: KubeObject): ServiceSummary {
  const s = svcShape(svc);
  const namespace = svc.metadata.namespace ?? 'default';
  const name = svc.metadata.name;
  const rows = endpointRows(objects, namespace, name);
  const ip = s.spec?.clusterIPs?.[0] ?? s.spec?.clusterIP ?? '';
  return {
    key,
    name,
    namespace,
    type: s.spec?.type ?? 'ClusterIP',
    clusterIP: ip === '' ? '<none>' : ip,
    ports: portString(s.spec?.ports),
    externalIP: externalIPOf(svc),
    ready: rows.filter((r) => r.ready).length,
    total: rows.length,
    selectorless: !s.spec?.selector || Object.keys(s.spec.selector).length === 0,
    builtin: namespace === 'default' && name === 'kubernetes',
  };
}

const collator = new Intl.Collator('en', { numeric: true });

/** Every Service, user ones first (by namespace and name), the built-in `kubernetes` last. */
export function serviceSummaries(objects: Objects): ServiceSummary[] {
  return Object.entries(objects[SERVICES] ?? {})
    .map(([k, o]) => serviceSummary(objects, k, o))
    .sort((a, b) => Number(a.builtin) - Number(b.builtin) || collator.compare(a.namespace, b.namespace) || collator.compare(a.name, b.name));
}

/** One routing rule of an Ingress. */
export interface IngressRule {
  host: string;
  path: string;
  pathType: string;
  service: string;
  port: string;
}

export interface IngressSummary {
  key: string;
  name: string;
  namespace: string;
  className: string;
  /** status.loadBalancer.ingress, comma-joined; empty until the controller publishes it. */
  address: string;
  rules: IngressRule[];
  defaultBackend?: string;
  /** kubectl's PORTS column: `80`, or `80, 443` with TLS. */
  ports: string;
}

const backendText = (b: IngressBackend | undefined) =>
  b?.service ? `${b.service.name ?? '?'}:${b.service.port?.number ?? b.service.port?.name ?? '?'}` : undefined;

/** The summary of Ingress `key`. */
export function ingressSummary(key: string, ing: KubeObject): IngressSummary {
  const s = ing as unknown as IngressShape;
  const rules: IngressRule[] = [];
  for (const r of s.spec?.rules ?? []) {
    for (const p of r.http?.paths ?? []) {
      rules.push({
        host: r.host ?? '*',
        path: p.path ?? '/',
        pathType: p.pathType ?? 'ImplementationSpecific',
        service: p.backend?.service?.name ?? '?',
        port: String(p.backend?.service?.port?.number ?? p.backend?.service?.port?.name ?? '?'),
      });
    }
  }
  return {
    key,
    name: ing.metadata.name,
    namespace: ing.metadata.namespace ?? 'default',
    className: s.spec?.ingressClassName ?? '<none>',
    address: (s.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? i.hostname ?? '').filter(Boolean).join(','),
    rules,
    defaultBackend: backendText(s.spec?.defaultBackend),
    ports: s.spec?.tls?.length ? '80, 443' : '80',
  };
}

export function ingressSummaries(objects: Objects): IngressSummary[] {
  return Object.entries(objects[INGRESSES] ?? {})
    .map(([k, o]) => ingressSummary(k, o))
    .sort((a, b) => collator.compare(a.namespace, b.namespace) || collator.compare(a.name, b.name));
}

/** The URL `sim traffic` takes for a rule: `http://HOST/PATH` (host `*` has no name: the Ingress address). */
export function ruleUrl(rule: Pick<IngressRule, 'host' | 'path'>, address: string): string {
  const host = rule.host === '*' ? address.split(',')[0] || 'localhost' : rule.host;
  return `http://${host}${rule.path.startsWith('/') ? rule.path : `/${rule.path}`}`;
}

/** A traffic target the UI offers: `service/NAME` (with `-n NS` outside `default`) or an Ingress URL. */
export interface TrafficTarget {
  /** The TARGET word of `sim traffic`. */
  target: string;
  namespace?: string;
  /** What the select shows. */
  label: string;
}

/** Targets for the traffic control: every user Service, then every Ingress rule's URL (deduplicated). */
export function trafficTargets(objects: Objects): TrafficTarget[] {
  const out: TrafficTarget[] = [];
  for (const s of serviceSummaries(objects)) {
    if (s.builtin || s.type === 'ExternalName') continue;
    out.push({ target: `service/${s.name}`, namespace: s.namespace === 'default' ? undefined : s.namespace, label: s.namespace === 'default' ? `service/${s.name}` : `service/${s.name} (${s.namespace})` });
  }
  const urls = new Set<string>();
  for (const ing of ingressSummaries(objects)) {
    for (const r of ing.rules) {
      const url = ruleUrl(r, ing.address);
      if (urls.has(url)) continue;
      urls.add(url);
      out.push({ target: url, label: url });
    }
  }
  return out;
}

/** The `sim traffic` line for a target (what a person would type). */
export function trafficLine(t: Pick<TrafficTarget, 'target' | 'namespace'>, rps: number, seconds: number): string {
  return `sim traffic ${t.target} --rps ${rps} --for ${seconds}s${t.namespace ? ` -n ${t.namespace}` : ''}`;
}

/** The DNS name of a Service (cluster domain `cluster.local`). */
export function serviceDnsName(name: string, namespace: string): string {
  return `${name}.${namespace}.svc.cluster.local`;
}
