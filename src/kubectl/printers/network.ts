/**
 * Table rows for services, endpoints, endpointslices, ingresses and ingressclasses. Mirrors
 * pkg/printers/internalversion/printers.go (v1.34): printService (getServiceExternalIP,
 * loadBalancerStatusStringer, makePortString), printEndpoints (formatEndpoints),
 * printEndpointSlice (formatDiscoveryPorts, formatDiscoveryEndpoints, listWithMoreString),
 * printIngress (formatHosts, formatPorts, ingressLoadBalancerStatusStringer), printIngressClass.
 */
import type { Endpoints, LoadBalancerIngress, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Ingress, IngressClass, IngressLoadBalancerIngress } from 'kubernetes-types/networking/v1';
import { ageSince } from '../duration.ts';

/** printers.go loadBalancerWidth: status strings are clipped to 16 bytes unless `-o wide`. */
const LOAD_BALANCER_WIDTH = 16;

/** labels.FormatLabels: sorted `k=v` joined by commas, `<none>` when empty. */
export function formatLabels(m: Record<string, string> | undefined): string {
  const keys = Object.keys(m ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${m![k]}`).join(',') : '<none>';
}

/**
 * loadBalancerStatusStringer / ingressLoadBalancerStatusStringer: IPs (or hostnames) as a sorted
 * set, comma-joined, clipped to 13 bytes + `...` when not wide.
 */
export function loadBalancerStatusString(ingress: (LoadBalancerIngress | IngressLoadBalancerIngress)[] | undefined, wide: boolean): string {
  const set = new Set<string>();
  for (const i of ingress ?? []) {
    if (i.ip) set.add(i.ip);
    else if (i.hostname) set.add(i.hostname);
  }
  let r = [...set].sort().join(',');
  if (!wide && r.length > LOAD_BALANCER_WIDTH) r = r.slice(0, LOAD_BALANCER_WIDTH - 3) + '...';
  return r;
}

/** getServiceExternalIP. */
export function serviceExternalIP(svc: Service, wide: boolean): string {
  const ext = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type) {
    case 'ClusterIP':
    case 'NodePort':
      return ext.length ? ext.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerStatusString(svc.status?.loadBalancer?.ingress, wide);
      if (ext.length) return [...(lb ? lb.split(',') : []), ...ext].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return svc.spec?.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** makePortString: `80/TCP`, `80:30080/TCP`, comma-joined. */
export function makePortString(svc: Service): string {
  return (svc.spec?.ports ?? []).map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? ''}` : `${p.port}/${p.protocol ?? ''}`)).join(',');
}

export const SERVICE_COLUMNS = ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'];
export const SERVICE_WIDE_COLUMNS = ['SELECTOR'];

/** printService. */
export function serviceRow(svc: Service, nowMs: number, wide: boolean): string[] {
  const ips = svc.spec?.clusterIPs ?? [];
  const row = [
    svc.metadata?.name ?? '',
    svc.spec?.type ?? '',
    ips.length ? ips[0]! : '<none>',
    serviceExternalIP(svc, wide),
    makePortString(svc) || '<none>',
    ageSince(svc.metadata?.creationTimestamp, nowMs),
  ];
  if (wide) row.push(formatLabels(svc.spec?.selector));
  return row;
}

/** net.JoinHostPort: IPv6 literals are bracketed. */
function joinHostPort(host: string, port: number | undefined): string {
  return host.includes(':') ? `[${host}]:${port ?? 0}` : `${host}:${port ?? 0}`;
}

/**
 * formatEndpoints (printers.go): up to 3 `ip:port` (or `ip` for port-less subsets), then
 * ` + N more...`; `<none>` without subsets. `ports` restricts to the named ports (nil = all).
 */
export function formatEndpoints(ep: Endpoints, ports?: Set<string>): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addrs = ss.addresses ?? [];
    if (!ss.ports?.length) {
      count += addrs.length;
      for (const a of addrs) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ss.ports) {
      if (ports && !ports.has(port.name ?? '')) continue;
      count += addrs.length;
      for (const a of addrs) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(joinHostPort(a.ip, port.port));
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

export const ENDPOINTS_COLUMNS = ['NAME', 'ENDPOINTS', 'AGE'];

/** printEndpoints. */
export function endpointsRow(ep: Endpoints, nowMs: number): string[] {
  return [ep.metadata?.name ?? '', formatEndpoints(ep), ageSince(ep.metadata?.creationTimestamp, nowMs)];
}

/** listWithMoreString: `a,b,c + N more...`, `<unset>` when empty. */
function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(',');
  if (more) return `${ret} + ${count - max} more...`;
  return ret === '' ? '<unset>' : ret;
}

/** formatDiscoveryPorts: port numbers (or names, or `*`), up to 3. */
export function formatDiscoveryPorts(slice: EndpointSlice): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const p of slice.ports ?? []) {
    if (list.length < 3) list.push(p.port !== undefined && p.port !== null ? String(p.port) : p.name != null ? p.name : '*');
    else if (list.length === 3) more = true;
    count++;
  }
  return listWithMore(list, more, count, 3);
}

/** formatDiscoveryEndpoints: every address of every endpoint (ready or not), up to 3. */
export function formatDiscoveryEndpoints(slice: EndpointSlice): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const e of slice.endpoints ?? []) {
    for (const a of e.addresses ?? []) {
      if (list.length < 3) list.push(a);
      else if (list.length === 3) more = true;
      count++;
    }
  }
  return listWithMore(list, more, count, 3);
}

export const ENDPOINTSLICE_COLUMNS = ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'];

/** printEndpointSlice. */
export function endpointSliceRow(s: EndpointSlice, nowMs: number): string[] {
  return [s.metadata?.name ?? '', s.addressType ?? '', formatDiscoveryPorts(s), formatDiscoveryEndpoints(s), ageSince(s.metadata?.creationTimestamp, nowMs)];
}

/** formatHosts: up to 3 hosts, `*` when none, ` + N more...` counted over all rules. */
export function formatHosts(ing: Ingress): string {
  const rules = ing.spec?.rules ?? [];
  const list: string[] = [];
  let more = false;
  for (const r of rules) {
    if (list.length === 3) more = true;
    if (!more && r.host) list.push(r.host);
  }
  if (list.length === 0) return '*';
  const ret = list.join(',');
  return more ? `${ret} + ${rules.length - 3} more...` : ret;
}

export const INGRESS_COLUMNS = ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'];

/** printIngress. */
export function ingressRow(ing: Ingress, nowMs: number, wide: boolean): string[] {
  return [
    ing.metadata?.name ?? '',
    ing.spec?.ingressClassName ?? '<none>',
    formatHosts(ing),
    loadBalancerStatusString(ing.status?.loadBalancer?.ingress, wide),
    ing.spec?.tls?.length ? '80, 443' : '80',
    ageSince(ing.metadata?.creationTimestamp, nowMs),
  ];
}

export const INGRESSCLASS_COLUMNS = ['NAME', 'CONTROLLER', 'PARAMETERS', 'AGE'];

/** printIngressClass: PARAMETERS is `Kind[.apiGroup]/name` or `<none>`. */
export function ingressClassRow(ic: IngressClass, nowMs: number): string[] {
  const p = ic.spec?.parameters;
  let params = '<none>';
  if (p) params = `${p.kind}${p.apiGroup ? `.${p.apiGroup}` : ''}/${p.name}`;
  return [ic.metadata?.name ?? '', ic.spec?.controller ?? '', params, ageSince(ic.metadata?.creationTimestamp, nowMs)];
}

/** The v1.33+ deprecation warning the API server sends (Warning header) on every v1 Endpoints request. */
export const ENDPOINTS_WARNING = 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n';

/**
 * Prints the Endpoints deprecation warning once per command, as client-go's deduplicating
 * warning writer does for the header the server sends.
 */
export function warnEndpoints(stderr: string[]): void {
  if (!stderr.includes(ENDPOINTS_WARNING)) stderr.push(ENDPOINTS_WARNING);
}
