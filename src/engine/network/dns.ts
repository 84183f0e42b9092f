/**
 * Cluster DNS: what CoreDNS's `kubernetes` plugin answers (coredns/plugin/kubernetes, with kind's
 * and kubeadm's `pods insecure`) and how a pod's resolver walks its search path (the kubelet's
 * ClusterFirst resolv.conf, pkg/kubelet/network/dns/dns.go; glibc/musl `ndots`). Read-only over
 * the API server's store (Services, EndpointSlices): CoreDNS's informer is treated as in sync.
 */
import type { Store } from '../apiserver/store.ts';
import type { KubeObject } from '../types.ts';

export const CLUSTER_DOMAIN = 'cluster.local';
/** kube-dns Service's ClusterIP (kubeadm DefaultClusterDNSIP). */
export const CLUSTER_DNS_IP = '10.96.0.10';
/** defaultDNSOptions in the kubelet. */
export const NDOTS = 5;

/** An A answer for one fully qualified name, or NXDOMAIN. */
export type DnsRecord = { ok: true; name: string; ips: string[] } | { ok: false; name: string };

/** What a pod's resolver ends with: the name that answered and its addresses, or every name it tried. */
export type DnsAnswer = { ok: true; name: string; ips: string[] } | { ok: false; tried: string[] };

interface ServiceLike extends KubeObject {
  spec?: { clusterIP?: string; type?: string; publishNotReadyAddresses?: boolean };
}
interface SliceLike extends KubeObject {
  endpoints?: { addresses?: string[]; hostname?: string; conditions?: { ready?: boolean } }[];
}

/** `search` of a pod in `namespace` (generateSearchesForDNSClusterFirst, no host search domains). */
export function searchPath(namespace: string): string[] {
  return [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
}

/** /etc/resolv.conf as containerd writes it from the kubelet's DNSConfig (search, nameserver, options). */
export function resolvConf(namespace: string): string {
  return `search ${searchPath(namespace).join(' ')}\nnameserver ${CLUSTER_DNS_IP}\noptions ndots:${NDOTS}\n`;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** Whether `s` is a dotted IPv4 address. */
export function isIPv4(s: string): boolean {
  return IPV4.test(s);
}

/** Ready addresses of a Service's EndpointSlices (and hostname records of a headless Service). */
function sliceAddresses(store: Store, ns: string, svc: string, includeNotReady: boolean): { ip: string; hostname?: string }[] {
  const out: { ip: string; hostname?: string }[] = [];
  for (const o of store.list('endpointslices', ns)) {
    const s = o as SliceLike;
    if (s.metadata.labels?.['kubernetes.io/service-name'] !== svc) continue;
    for (const e of s.endpoints ?? []) {
      // A nil `ready` means ready (discovery/v1 EndpointConditions).
      if (!includeNotReady && e.conditions?.ready === false) continue;
      for (const ip of e.addresses ?? []) if (!out.some((x) => x.ip === ip)) out.push({ ip, ...(e.hostname ? { hostname: e.hostname } : {}) });
    }
  }
  return out;
}

/**
 * CoreDNS's answer to an A query for the fully qualified `fqdn` (no trailing dot):
 * `<svc>.<ns>.svc.cluster.local` → ClusterIP (headless: the ready endpoint IPs),
 * `<host>.<svc>.<ns>.svc.cluster.local` → that endpoint of a headless Service,
 * `<a-b-c-d>.<ns>.pod.cluster.local` → a.b.c.d; NXDOMAIN otherwise.
 */
export function lookupA(store: Store, fqdn: string): DnsRecord {
  const name = fqdn.toLowerCase().replace(/\.$/, '');
  const nx: DnsRecord = { ok: false, name };
  const suffix = `.${CLUSTER_DOMAIN}`;
  if (!name.endsWith(suffix)) return nx;
  const labels = name.slice(0, -suffix.length).split('.');
  if (labels.length === 3 && labels[2] === 'pod') {
    const ip = labels[0]!.replace(/-/g, '.');
    return isIPv4(ip) && store.get('namespaces', undefined, labels[1]!) ? { ok: true, name, ips: [ip] } : nx;
  }
  if (labels.length < 3 || labels.length > 4 || labels.at(-1) !== 'svc') return nx;
  const [ns, svcName] = [labels.at(-2)!, labels.at(-3)!];
  const svc = store.get('services', ns, svcName) as ServiceLike | undefined;
  if (!svc) return nx;
  const headless = svc.spec?.clusterIP === 'None';
  if (labels.length === 4) {
    if (!headless) return nx;
    const hit = sliceAddresses(store, ns, svcName, svc.spec?.publishNotReadyAddresses === true).filter((a) => a.hostname === labels[0]);
    return hit.length ? { ok: true, name, ips: hit.map((a) => a.ip) } : nx;
  }
  if (headless) {
    const ips = sliceAddresses(store, ns, svcName, svc.spec?.publishNotReadyAddresses === true).map((a) => a.ip);
    return ips.length ? { ok: true, name, ips } : nx;
  }
  const ip = svc.spec?.clusterIP;
  return ip && isIPv4(ip) ? { ok: true, name, ips: [ip] } : nx;
}

/**
 * What a pod in `namespace` gets for `name` through its resolver: an IP literal is itself; a
 * name with fewer than ndots dots goes through the search path first, then as is; a trailing
 * dot means absolute.
 */
export function resolve(store: Store, name: string, namespace: string): DnsAnswer {
  if (isIPv4(name)) return { ok: true, name, ips: [name] };
  const candidates: string[] = [];
  if (name.endsWith('.')) candidates.push(name.slice(0, -1));
  else {
    const dots = name.split('.').length - 1;
    const searched = searchPath(namespace).map((d) => `${name}.${d}`);
    if (dots >= NDOTS) candidates.push(name, ...searched);
    else candidates.push(...searched, name);
  }
  const tried: string[] = [];
  for (const c of candidates) {
    const r = lookupA(store, c);
    if (r.ok) return { ok: true, name: r.name, ips: r.ips };
    tried.push(r.name);
  }
  return { ok: false, tried };
}
