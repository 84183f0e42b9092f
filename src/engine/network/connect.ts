/**
 * One HTTP request's way through the cluster network, shared by the traffic generator (a client
 * outside the cluster) and `curl`/`wget` in `kubectl exec` (a client inside a pod): name
 * resolution (dns.ts), ingress-nginx's routing, kube-proxy's DNAT (proxy.ts) and the pod's
 * socket (node/serving.ts). No upstream file: it is the kernel and the network in between.
 */
import type { Store } from '../apiserver/store.ts';
import type { KubeletHandle } from '../node/kubelet.ts';
import type { KubeObject } from '../types.ts';
import { isIPv4, resolve } from './dns.ts';
import { INGRESS_NGINX_ADDRESS, type IngressController, type IngressRoute } from './ingressController.ts';
import type { KubeProxy, ProxyRoute } from './proxy.ts';


/** What the traffic generator and exec need to send a request. */
export interface NetworkView {
  store: Store;
  proxy: KubeProxy;
  ingress: IngressController;
  kubelet(node: string): KubeletHandle | undefined;
}

/** The pod a connection reached. */
export interface Backend {
  namespace: string;
  pod: string;
  podUID: string;
  node: string;
  ip: string;
  port: number;
}

export type Outcome =
  /** The pod's process accepted the connection (container = the one listening). */
  | 'ok'
  /** The name resolved nowhere (curl 6). */
  | 'no-host'
  /** ingress-nginx has no rule for host + path (its 404). */
  | 'no-rule'
  /** No Service, no such port, or no ready endpoint (kube-proxy REJECTs: connection refused; via ingress: 503). */
  | 'no-endpoints'
  /** The pod's IP answered with RST: nothing listens on the port. */
  | 'refused'
  /** The pod's machine is down: no answer (timeout). */
  | 'unreachable';

export interface RequestResult {
  outcome: Outcome;
  /** `namespace/name` of the Ingress whose rule matched. */
  ingress?: string;
  /** `namespace/name` of the Service kube-proxy balanced over. */
  service?: string;
  backend?: Backend;
  container?: string;
  /** The IP the client connected to (after DNS). */
  ip?: string;
}

/** A parsed `http://host[:port]/path`. */
export interface HttpURL {
  scheme: 'http' | 'https';
  host: string;
  port?: number;
  path: string;
}

/** Parses an http(s) URL (a bare `host[:port][/path]` is http); undefined when malformed. */
export function parseURL(s: string): HttpURL | undefined {
  const m = /^(?:(https?):\/\/)?([A-Za-z0-9.-]+)(?::(\d{1,5}))?(\/[^\s?#]*)?(?:[?#]\S*)?$/.exec(s);
  if (!m) return undefined;
  const port = m[3] !== undefined ? Number(m[3]) : undefined;
  if (port !== undefined && (port < 1 || port > 65535)) return undefined;
  return { scheme: (m[1] as 'http' | 'https' | undefined) ?? 'http', host: m[2]!.toLowerCase(), ...(port !== undefined ? { port } : {}), path: m[4] ?? '/' };
}

function fromProxy(net: NetworkView, r: ProxyRoute, base: RequestResult): RequestResult {
  if (!r.ok) return { ...base, outcome: 'no-endpoints', service: r.service };
  const backend: Backend = { namespace: r.namespace, pod: r.pod, podUID: r.podUID, node: r.node, ip: r.ip, port: r.targetPort };
  return { ...base, ...serveAt(net, backend), service: r.service, backend };
}

/** The pod's socket: answered, refused, or no answer. */
function serveAt(net: NetworkView, b: Backend): { outcome: Outcome; container?: string } {
  const k = net.kubelet(b.node);
  const s = k ? k.serve(b.podUID, b.port) : ({ ok: false, reason: 'unreachable' } as const);
  if (s.ok) return { outcome: 'ok', container: s.container };
  // No such pod on the node any more (a stale endpoint): its IP goes nowhere, like a dead machine's.
  return { outcome: s.reason === 'refused' ? 'refused' : 'unreachable' };
}

/** A pod whose IP is `ip` (the newest, if a released IP was handed out again). */
function podByIP(store: Store, ip: string): KubeObject | undefined {
  let found: KubeObject | undefined;
  for (const p of store.list('pods')) {
    const st = (p as { status?: { podIP?: string; phase?: string } }).status;
    if (st?.podIP === ip && st.phase !== 'Succeeded' && st.phase !== 'Failed') found = p;
  }
  return found;
}

/** A connection to `ip:port`: a pod IP (from inside the cluster), or kube-proxy's ClusterIP/NodePort/LB rules. */
export function connectIP(net: NetworkView, ip: string, port: number, clientIP: string, inCluster: boolean): RequestResult {
  const r = net.proxy.routeIP(ip, port, clientIP);
  if (r.ok || r.reason !== 'no-service' || !inCluster) return fromProxy(net, r, { outcome: 'no-endpoints', ip });
  // A ClusterIP on a port the Service does not have: kube-proxy's reject rule (connection refused).
  for (const svc of net.store.list('services')) if ((svc as { spec?: { clusterIP?: string } }).spec?.clusterIP === ip) return { outcome: 'no-endpoints', ip, service: `${svc.metadata.namespace}/${svc.metadata.name}` };
  const pod = podByIP(net.store, ip);
  const node = (pod as { spec?: { nodeName?: string } } | undefined)?.spec?.nodeName;
  if (!pod || !node) return { outcome: 'unreachable', ip };
  const backend: Backend = { namespace: pod.metadata.namespace ?? 'default', pod: pod.metadata.name, podUID: pod.metadata.uid ?? '', node, ip, port };
  return { ...serveAt(net, backend), backend, ip };
}

/** A Service by name (the `service/NAME` target): kube-proxy on its first port. */
export function connectService(net: NetworkView, namespace: string, name: string, clientIP: string): RequestResult {
  return fromProxy(net, net.proxy.route(namespace, name, undefined, clientIP), { outcome: 'no-endpoints' });
}

/** Through ingress-nginx: its rule for host + path, then kube-proxy on the backend Service's port. */
export function viaIngress(net: NetworkView, host: string, path: string, clientIP: string): RequestResult & { route: IngressRoute } {
  const route = net.ingress.route(host, path);
  if (!route.ok) return { outcome: 'no-rule', route };
  const ingress = `${route.namespace}/${route.ingress}`;
  return { ...fromProxy(net, net.proxy.route(route.namespace, route.service, route.port, clientIP), { outcome: 'no-endpoints', ingress }), route };
}

/**
 * An HTTP request to `url` from a client in `namespace` (its DNS search path). Inside the
 * cluster a name that does not resolve is curl's error; outside (`inCluster` false) it is taken
 * as an Ingress host: the client's DNS points it at ingress-nginx. `hostHeader` (curl -H 'Host: …')
 * is what ingress-nginx matches its rules against.
 */
export function sendHTTP(net: NetworkView, url: HttpURL, namespace: string, clientIP: string, inCluster: boolean, hostHeader?: string): RequestResult {
  const port = url.port ?? (url.scheme === 'https' ? 443 : 80);
  const ingressIP = net.ingress.address || INGRESS_NGINX_ADDRESS;
  let ip = url.host;
  if (!isIPv4(ip)) {
    const d = resolve(net.store, url.host, namespace);
    if (d.ok) ip = d.ips[0]!;
    else if (inCluster) return { outcome: 'no-host' };
    else return port === 80 || port === 443 ? viaIngress(net, url.host, url.path, clientIP) : { outcome: 'no-host' };
  }
  // ingress-nginx's address: the Host header is the IP, which only rules without a host match.
  if (ip === ingressIP && (port === 80 || port === 443)) return { ...viaIngress(net, hostHeader ?? url.host, url.path, clientIP), ip };
  return connectIP(net, ip, port, clientIP, inCluster);
}
