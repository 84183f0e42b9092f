/**
 * How ingress-nginx turns the Ingresses of its class into nginx servers and locations, and which
 * backend a request reaches. Pure. Mirrors ingress-nginx internal/ingress/controller/controller.go
 * (createServers, getBackendServers, checkOverlap, ingressForHostPath), internal/k8s
 * (SetDefaultNGINXPathType), the template's buildServerName (a `*.foo.com` host becomes the regex
 * `~^(?<subdomain>[\w-]+)\.foo\.com$`: exactly one label) and the Kubernetes docs' Ingress path
 * matching ("Examples": element-wise Prefix, trailing slash ignored; longest path, then Exact).
 *
 * - Ingresses are merged in creation order: for the same host, path and pathType the oldest wins.
 * - ImplementationSpecific (and a missing pathType) is treated as Prefix, as ingress-nginx does.
 * - Each host's `/` falls back to the defaultBackend of the first Ingress that declared the host,
 *   or to nginx's own default backend (`default backend - 404`).
 * - Requests for a host no rule names go to the catch-all server `_`: its `/` is the defaultBackend
 *   of the oldest Ingress with a defaultBackend and no rules, else the 404 default backend.
 */
import type { KubeObject } from '../types.ts';

export const NGINX_CONTROLLER = 'k8s.io/ingress-nginx';
export const NGINX_CLASS = 'nginx';
export const ANNOTATION_INGRESS_CLASS = 'kubernetes.io/ingress.class';
export const ANNOTATION_CANARY = 'nginx.ingress.kubernetes.io/canary';
/** ingress-nginx's name for the catch-all server (rules without host). */
export const DEF_SERVER_NAME = '_';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);

/** A Service backend as ingress-nginx resolved it. */
export interface RouteBackend {
  namespace: string;
  ingress: string;
  service: string;
  port: number | string;
  rule: 'rule' | 'defaultBackend';
}

export interface Location {
  path: string;
  pathType: 'Exact' | 'Prefix';
  /** Undefined: nginx's own default backend (404). */
  backend?: RouteBackend;
  /** The server's `/` fallback, replaced by an explicit `/` Prefix path. */
  isDefBackend: boolean;
  /** `namespace/name` of the Ingress that owns the location. */
  ingress?: string;
}

export interface Server {
  hostname: string;
  locations: Location[];
}

const keyOf = (ing: KubeObject) => `${ing.metadata.namespace ?? 'default'}/${ing.metadata.name}`;

/** parser.GetBoolAnnotation("canary"): undefined when the annotation is missing. */
function canary(ing: KubeObject): boolean | 'invalid' | undefined {
  const v = ing.metadata.annotations?.[ANNOTATION_CANARY];
  if (v === undefined) return undefined;
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(v)) return false;
  return 'invalid';
}

/**
 * Whether ingress-nginx (class `nginx`, controller k8s.io/ingress-nginx) serves this Ingress: the
 * legacy annotation must say `nginx`; otherwise spec.ingressClassName must name an IngressClass of
 * its controller. Ingresses without any class are ignored (--watch-ingress-without-class=false).
 */
export function isNginxIngress(ing: KubeObject, classes: Iterable<KubeObject>): boolean {
  const ann = ing.metadata.annotations?.[ANNOTATION_INGRESS_CLASS];
  if (ann !== undefined) return ann === NGINX_CLASS;
  const name = (ing.spec as Obj | undefined)?.ingressClassName;
  if (typeof name !== 'string') return false;
  for (const c of classes) if (c.metadata.name === name) return (c.spec as Obj | undefined)?.controller === NGINX_CONTROLLER;
  return false;
}

/** Oldest first (the store's ListIngresses sort), then by key so equal timestamps are stable. */
export function sortIngresses(ings: readonly KubeObject[]): KubeObject[] {
  return [...ings].sort((a, b) => {
    const ta = a.metadata.creationTimestamp ?? '';
    const tb = b.metadata.creationTimestamp ?? '';
    return ta < tb ? -1 : ta > tb ? 1 : keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0;
  });
}

function serviceBackend(ing: KubeObject, b: unknown, rule: RouteBackend['rule']): RouteBackend | undefined {
  const svc = isObj(b) && isObj(b.service) ? b.service : undefined;
  if (!svc || typeof svc.name !== 'string') return undefined;
  const port = isObj(svc.port) ? svc.port : {};
  const p = typeof port.number === 'number' && port.number ? port.number : typeof port.name === 'string' ? port.name : 0;
  return { namespace: ing.metadata.namespace ?? 'default', ingress: ing.metadata.name, service: svc.name, port: p, rule };
}

/** SetDefaultNGINXPathType: nil and ImplementationSpecific become Prefix. */
const nginxPathType = (t: unknown): 'Exact' | 'Prefix' => (t === 'Exact' ? 'Exact' : 'Prefix');

/**
 * createServers + getBackendServers over `ingresses` in the given order (already sorted and of
 * the nginx class). Canary Ingresses add no servers or locations (their traffic split is not
 * modelled).
 */
export function buildServers(ingresses: readonly KubeObject[]): Map<string, Server> {
  const servers = new Map<string, Server>();
  servers.set(DEF_SERVER_NAME, { hostname: DEF_SERVER_NAME, locations: [{ path: '/', pathType: 'Prefix', isDefBackend: true }] });
  const live = ingresses.filter((i) => canary(i) !== true);
  for (const ing of live) {
    const spec = (ing.spec ?? {}) as Obj;
    const rules = arr(spec.rules);
    const def = serviceBackend(ing, spec.defaultBackend, 'defaultBackend');
    const catchAll = servers.get(DEF_SERVER_NAME)!.locations[0];
    if (def && catchAll.isDefBackend && rules.length === 0) {
      // "Ingress defines a backend but no rule. Using it to configure the catch-all server".
      catchAll.isDefBackend = false;
      catchAll.backend = def;
      catchAll.ingress = keyOf(ing);
    }
    for (const rule of rules) {
      const host = typeof rule.host === 'string' && rule.host ? rule.host : DEF_SERVER_NAME;
      if (servers.has(host)) continue;
      servers.set(host, { hostname: host, locations: [{ path: '/', pathType: 'Prefix', isDefBackend: true, backend: def, ingress: keyOf(ing) }] });
    }
  }
  for (const ing of live) {
    for (const rule of arr((ing.spec as Obj | undefined)?.rules)) {
      const host = typeof rule.host === 'string' && rule.host ? rule.host : DEF_SERVER_NAME;
      const server = servers.get(host) ?? servers.get(DEF_SERVER_NAME)!;
      if (!isObj(rule.http)) continue;
      for (const p of arr(rule.http.paths)) {
        const backend = serviceBackend(ing, p.backend, 'rule');
        if (!backend) continue; // non-service backends use the default backend
        const path = typeof p.path === 'string' && p.path ? p.path : '/';
        const pathType = nginxPathType(p.pathType);
        let add = true;
        for (const loc of server.locations) {
          if (loc.path !== path) continue;
          // Same path, other type: allowed (upstream breaks out and adds a second location).
          if (loc.pathType !== pathType) break;
          add = false;
          if (!loc.isDefBackend) break; // "Location already configured": the older Ingress keeps it
          loc.backend = backend;
          loc.isDefBackend = false;
          loc.ingress = keyOf(ing);
          break;
        }
        if (add) server.locations.push({ path, pathType, backend, isDefBackend: false, ingress: keyOf(ing) });
      }
    }
  }
  return servers;
}

/** Path elements of a URL path, ignoring empty ones (a trailing slash does not count). */
const elements = (p: string) => p.split('/').filter((e) => e !== '');

/** Does a location match the request path (Kubernetes docs' Exact / element-wise Prefix rules)? */
export function pathMatches(loc: { path: string; pathType: 'Exact' | 'Prefix' }, reqPath: string): boolean {
  if (loc.pathType === 'Exact') return loc.path === reqPath;
  const want = elements(loc.path);
  const got = elements(reqPath);
  if (want.length > got.length) return false;
  return want.every((e, i) => e === got[i]);
}

/** Wildcard server names per configuration, sorted (nginx tries its regex server names in order). */
const wildcardCache = new WeakMap<Map<string, Server>, string[]>();

/** The server nginx picks for a Host header: exact name, then a single-label wildcard, else `_`. */
export function selectServer(servers: Map<string, Server>, host: string): Server {
  const h = host.toLowerCase().replace(/:\d+$/, '');
  const exact = servers.get(h);
  if (exact && !h.startsWith('*')) return exact;
  let wildcards = wildcardCache.get(servers);
  if (!wildcards) wildcardCache.set(servers, (wildcards = [...servers.keys()].filter((k) => k.startsWith('*.')).sort()));
  for (const w of wildcards) {
    const suffix = w.slice(1); // `.foo.com`
    if (h.endsWith(suffix) && /^[\w-]+$/.test(h.slice(0, -suffix.length))) return servers.get(w)!;
  }
  return servers.get(DEF_SERVER_NAME)!;
}

/** The location a request path reaches in a server: the longest matching path, Exact before Prefix. */
export function selectLocation(server: Server, reqPath: string): Location | undefined {
  const path = reqPath.replace(/[?#].*$/, '') || '/';
  let best: Location | undefined;
  let bestLen = -1;
  for (const loc of server.locations) {
    if (!pathMatches(loc, path)) continue;
    const len = loc.path.replace(/\/+$/, '').length;
    if (len > bestLen || (len === bestLen && loc.pathType === 'Exact' && best?.pathType !== 'Exact')) {
      best = loc;
      bestLen = len;
    }
  }
  return best;
}

/** Where `host` + `path` goes: a Service backend, or undefined for nginx's `default backend - 404`. */
export function routeRequest(servers: Map<string, Server>, host: string, path: string): RouteBackend | undefined {
  return selectLocation(selectServer(servers, host), path)?.backend;
}

/**
 * checkOverlap, as the validating webhook runs it: build the configuration from every other
 * Ingress of the class plus this one (last), then refuse when a host and path of this Ingress is
 * already served by another Ingress. Returns the webhook's message, or undefined to allow.
 * Upstream returns at the first path that some Ingress serves, so later paths go unchecked.
 */
export function checkOverlap(ing: KubeObject, others: readonly KubeObject[]): string | undefined {
  const self = keyOf(ing);
  const servers = buildServers([...sortIngresses(others.filter((o) => keyOf(o) !== self)), ing]);
  for (const rule of arr((ing.spec as Obj | undefined)?.rules)) {
    if (!isObj(rule.http)) continue;
    const host = typeof rule.host === 'string' && rule.host ? rule.host : DEF_SERVER_NAME;
    for (const p of arr(rule.http.paths)) {
      if (!serviceBackend(ing, p.backend, 'rule')) continue;
      const path = typeof p.path === 'string' && p.path ? p.path : '/';
      // ingressForHostPath: the Ingresses owning a non-default location with this exact path.
      const existing: string[] = [];
      const server = servers.get(host);
      for (const loc of server?.locations ?? []) if (loc.path === path && !loc.isDefBackend && loc.ingress) existing.push(loc.ingress);
      if (existing.length === 0) continue;
      if (existing.includes(self)) return undefined;
      const mine = canary(ing);
      for (const key of existing) {
        const other = others.find((o) => keyOf(o) === key);
        const theirs = other ? canary(other) : undefined;
        if ((mine === true && theirs === true) || (mine === undefined && theirs === undefined)) {
          return `host "${host}" and path "${path}" is already defined in ingress ${key}`;
        }
      }
      return undefined;
    }
  }
  return undefined;
}

/** One line per routed location, for the reload narration: `shop.example/ → Service web:80`. */
export function describeServers(servers: Map<string, Server>): string[] {
  const out: string[] = [];
  for (const s of [...servers.values()].sort((a, b) => (a.hostname < b.hostname ? -1 : 1))) {
    const locs = [...s.locations].sort((a, b) => b.path.length - a.path.length || (a.path < b.path ? -1 : 1));
    for (const l of locs) {
      if (!l.backend) continue;
      const host = s.hostname === DEF_SERVER_NAME ? '*' : s.hostname;
      const exact = l.pathType === 'Exact' ? ' (Exact)' : '';
      out.push(`${host}${l.path}${exact} → Service ${l.backend.service}:${l.backend.port}`);
    }
  }
  return out;
}
