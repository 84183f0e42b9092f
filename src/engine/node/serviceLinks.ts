/**
 * The docker-link variables a container gets for Services (enableServiceLinks). Mirrors
 * pkg/kubelet/envvars/envvars.go (FromServices, makeLinkVariables) and
 * pkg/kubelet/kubelet_pods.go (getServiceEnvVarMap: the `kubernetes` Service of `default` for
 * every pod, the pod's own namespace's Services when enableServiceLinks is true; headless and
 * IP-less Services are skipped).
 */
import type { ComponentContext } from '../component.ts';
import type { ValueSource } from '../types.ts';

interface ServicePort {
  name?: string;
  port: number;
  protocol?: string;
}
interface ServiceLike {
  metadata: { name: string; namespace?: string; uid?: string; resourceVersion?: string };
  spec?: { clusterIP?: string; ports?: ServicePort[] };
}

/** The service variables, in the order FromServices makes them, with one shared source per Service. */
export interface ServiceEnv {
  env: [string, string][];
  sources: ValueSource[];
}

export const NO_SERVICE_ENV: ServiceEnv = Object.freeze({ env: [], sources: [] }) as ServiceEnv;

/** The master services: their variables reach every pod, whatever enableServiceLinks says. */
const MASTER_SERVICES = new Set(['kubernetes']);

/** makeEnvVariableName: `my-svc` → `MY_SVC`. */
export function makeEnvVariableName(s: string): string {
  return s.replace(/-/g, '_').toUpperCase();
}

/** IsServiceIPSet: a ClusterIP that is neither empty nor `None`. */
function ipSet(s: ServiceLike): boolean {
  const ip = s.spec?.clusterIP;
  return !!ip && ip !== 'None';
}

/** FromServices: HOST, PORT (first port), PORT_<NAME> for named ports, then the docker link variables. */
export function fromServices(services: ServiceLike[]): ServiceEnv {
  const env: [string, string][] = [];
  const sources: ValueSource[] = [];
  for (const svc of services) {
    const ports = svc.spec?.ports ?? [];
    if (!ipSet(svc) || !ports.length) continue;
    const ip = svc.spec!.clusterIP!;
    const source: ValueSource = { type: 'serviceLink', service: svc.metadata.name };
    const add = (k: string, v: string) => {
      env.push([k, v]);
      sources.push(source);
    };
    const prefix = makeEnvVariableName(svc.metadata.name);
    add(`${prefix}_SERVICE_HOST`, ip);
    add(`${prefix}_SERVICE_PORT`, String(ports[0]!.port));
    for (const p of ports) if (p.name) add(`${prefix}_SERVICE_PORT_${makeEnvVariableName(p.name)}`, String(p.port));
    // makeLinkVariables: docker special-cases the first port.
    ports.forEach((p, i) => {
      const proto = p.protocol || 'TCP';
      const hostPort = ip.includes(':') ? `[${ip}]:${p.port}` : `${ip}:${p.port}`;
      const url = `${proto.toLowerCase()}://${hostPort}`;
      if (i === 0) add(`${prefix}_PORT`, url);
      const pp = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`;
      add(pp, url);
      add(`${pp}_PROTO`, proto.toLowerCase());
      add(`${pp}_PORT`, String(p.port));
      add(`${pp}_ADDR`, ip);
    });
  }
  return { env, sources };
}

/**
 * Containers started while their namespace's Services stayed the same share one ServiceEnv (a
 * cluster of 10,000 pods keeps one copy, not 10,000), keyed by what the variables are made of.
 * Bounded: it is emptied when it grows past {@link CACHE_MAX} distinct Service sets.
 */
const cache = new Map<string, ServiceEnv>();
const CACHE_MAX = 256;
/** What each kubelet last saw per namespace: a machine cut off from the API server starts containers from it. */
const lastSeen = new WeakMap<object, Map<string, ServiceEnv>>();

/**
 * getServiceEnvVarMap through the API: the kubelet's service lister is a watch cache upstream;
 * here two quiet reads (the namespace's Services, and `default/kubernetes`) at container start,
 * not drawn: every container start would add two hops.
 */
export function serviceEnvFor(owner: object, request: ComponentContext['request'], ns: string, enableServiceLinks: boolean, userAgent: string, down = false): ServiceEnv {
  const seenKey = `${ns}/${enableServiceLinks}`;
  if (down) return lastSeen.get(owner)?.get(seenKey) ?? NO_SERVICE_ENV;
  // A Service of the pod's namespace named like a master service replaces it (serviceMap by name).
  const byName = new Map<string, ServiceLike>();
  const master = request({ verb: 'GET', path: '/api/v1/namespaces/default/services/kubernetes', userAgent, quiet: true });
  if (master.code === 200 && master.body && ipSet(master.body as ServiceLike)) byName.set('kubernetes', master.body as ServiceLike);
  if (enableServiceLinks) {
    const res = request({ verb: 'GET', path: `/api/v1/namespaces/${ns}/services`, userAgent, quiet: true });
    const items = res.code === 200 ? ((res.body as { items?: ServiceLike[] }).items ?? []) : [];
    for (const s of items) if (ipSet(s) && !(ns === 'default' && MASTER_SERVICES.has(s.metadata.name))) byName.set(s.metadata.name, s);
  }
  const list = [...byName.values()];
  const key = list.map((s) => `${s.metadata.name} ${s.spec!.clusterIP} ${JSON.stringify(s.spec!.ports ?? [])}`).join('\n');
  let env = cache.get(key);
  if (!env) {
    if (cache.size >= CACHE_MAX) cache.clear();
    env = list.length ? fromServices(list) : NO_SERVICE_ENV;
    cache.set(key, env);
  }
  let seen = lastSeen.get(owner);
  if (!seen) lastSeen.set(owner, (seen = new Map()));
  seen.set(seenKey, env);
  return env;
}
