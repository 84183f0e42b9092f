/**
 * `kubectl expose (-f FILENAME | TYPE NAME)`. Mirrors k8s.io/kubectl pkg/cmd/expose/expose.go
 * (RunExpose, createService, parseLabels, parseProtocols) and the polymorphichelpers it calls:
 * canbeexposed.go, mapbasedselectorforobject.go (MakeLabels), portsforobject.go,
 * multiprotocolsforobject.go. The Service is created in the command's namespace.
 */
import type { Ctx } from './context.ts';
import { send } from './context.ts';
import { statusOf } from './errors.ts';
import { flag } from './flags.ts';
import { parseManifest } from './manifest.ts';
import { dryRunStrategy } from './nodeSelect.ts';
import { atoi, checkOutput, GeneratorError, printGenerated } from './createService.ts';
import { byName, pathFor } from './resources.ts';

type Obj = Record<string, unknown>;
type Port = { containerPort?: number; port?: number; protocol?: string };
type PodSpecLike = { containers?: { ports?: Port[] }[] };
type Selector = { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] };
type Exposable = Obj & {
  kind?: string;
  metadata?: { name?: string; labels?: Record<string, string> };
  spec?: { selector?: unknown; ports?: Port[]; containers?: PodSpecLike['containers']; template?: { spec?: PodSpecLike } };
};

/** `kubectl expose --help`. */
export const EXPOSE_HELP = `Expose a resource as a new Kubernetes service.

 Looks up a deployment, service, replica set, replication controller or pod by name and uses the selector for that resource as the selector for a new service on the specified port. A deployment or replica set will be exposed as a service only if its selector is convertible to a selector that service supports, i.e. when the selector contains only the matchLabels component. Note that if no port is specified via --port and the exposed resource has multiple ports, all will be re-used by the new service. Also if no labels are specified, the new service will re-use the labels from the resource it exposes.

 Possible resources include (case insensitive):

 pod (po), service (svc), replicationcontroller (rc), deployment (deploy), replicaset (rs)

Examples:
  # Create a service for a replicated nginx, which serves on port 80 and connects to the containers on port 8000
  kubectl expose rc nginx --port=80 --target-port=8000
  
  # Create a service for a replication controller identified by type and name specified in "nginx-controller.yaml", which serves on port 80 and connects to the containers on port 8000
  kubectl expose -f nginx-controller.yaml --port=80 --target-port=8000
  
  # Create a service for a pod valid-pod, which serves on port 444 with the name "frontend"
  kubectl expose pod valid-pod --port=444 --name=frontend
  
  # Create a second service based on the above service, exposing the container port 8443 as port 443 with the name "nginx-https"
  kubectl expose service nginx --port=443 --target-port=8443 --name=nginx-https
  
  # Create a service for a replicated streaming application on port 4100 balancing UDP traffic and named 'video-stream'.
  kubectl expose rc streamer --port=4100 --protocol=UDP --name=video-stream
  
  # Create a service for a replicated nginx using replica set, which serves on port 80 and connects to the containers on port 8000
  kubectl expose rs nginx --port=80 --target-port=8000
  
  # Create a service for an nginx deployment, which serves on port 80 and connects to the containers on port 8000
  kubectl expose deployment nginx --port=80 --target-port=8000

Usage:
  kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

/** canbeexposed.go: Pod, Service, ReplicationController, Deployment, ReplicaSet. */
const EXPOSABLE = ['Pod', 'Service', 'ReplicationController', 'Deployment', 'ReplicaSet'];

/** MakeLabels (the order does not survive parseLabels, so sorted here). */
function makeLabels(m: Record<string, string> | undefined): string {
  return Object.keys(m ?? {})
    .sort()
    .map((k) => `${k}=${m![k]}`)
    .join(',');
}

/** Go's `%+v` of []LabelSelectorRequirement: `[{Key:k Operator:In Values:[a b]}]`. */
function formatRequirements(reqs: NonNullable<Selector['matchExpressions']>): string {
  return `[${reqs.map((r) => `{Key:${r.key} Operator:${r.operator} Values:[${(r.values ?? []).join(' ')}]}`).join(' ')}]`;
}

/** MapBasedSelectorForObjectFn. */
export function mapBasedSelector(o: Exposable): string {
  switch (o.kind) {
    case 'Pod':
      if (!Object.keys(o.metadata?.labels ?? {}).length) throw new GeneratorError('the pod has no labels and cannot be exposed');
      return makeLabels(o.metadata?.labels);
    case 'Service':
      if (!o.spec?.selector) throw new GeneratorError('the service has no pod selector set');
      return makeLabels(o.spec.selector as Record<string, string>);
    case 'ReplicationController':
      return makeLabels(o.spec?.selector as Record<string, string>);
    case 'Deployment':
    case 'ReplicaSet': {
      const sel = o.spec?.selector as Selector | undefined;
      const what = o.kind === 'Deployment' ? 'deployment' : 'replicaset';
      if (!sel || !Object.keys(sel.matchLabels ?? {}).length) throw new GeneratorError(`invalid ${what}: no selectors, therefore cannot be exposed`);
      if (sel.matchExpressions?.length) throw new GeneratorError(`couldn't convert expressions - "${formatRequirements(sel.matchExpressions)}" to map-based selector format`);
      return makeLabels(sel.matchLabels);
    }
    default:
      throw new GeneratorError(`cannot extract pod selector from ${o.kind}`);
  }
}

function podSpecOf(o: Exposable): PodSpecLike | undefined {
  return o.kind === 'Pod' ? (o.spec as PodSpecLike | undefined) : o.spec?.template?.spec;
}

/** PortsForObjectFn: every containerPort of every container (a Service: its ports). */
export function portsForObject(o: Exposable): string[] {
  if (o.kind === 'Service') return (o.spec?.ports ?? []).map((p) => String(p.port));
  return (podSpecOf(o)?.containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => String(p.containerPort)));
}

/** MultiProtocolsForObjectFn: port → protocols (TCP when unset). */
export function protocolsForObject(o: Exposable): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (p: number | undefined, proto: string | undefined) => {
    const k = String(p);
    out.set(k, [...(out.get(k) ?? []), proto || 'TCP']);
  };
  if (o.kind === 'Service') for (const p of o.spec?.ports ?? []) add(p.port, p.protocol);
  else for (const c of podSpecOf(o)?.containers ?? []) for (const p of c.ports ?? []) add(p.containerPort, p.protocol);
  return out;
}

/** parseLabels: `k=v,k2=v2`. */
export function parseLabels(spec: string): Record<string, string> {
  if (!spec) throw new GeneratorError('no label spec passed');
  const out: Record<string, string> = {};
  for (const item of spec.split(',')) {
    const kv = item.split('=');
    if (kv.length !== 2) throw new GeneratorError(`unexpected label spec: ${item}`);
    if (!kv[0]) throw new GeneratorError('unexpected empty label key');
    out[kv[0]] = kv[1]!;
  }
  return out;
}

interface ExposeState {
  selector: string;
  port: string;
  ports: string;
  labels: string;
  protocols: Map<string, string[]>;
  defaultName: string;
}

/** ExposeServiceOptions.createService. */
export function exposedService(ctx: Ctx, st: ExposeState): Obj {
  if (!st.selector) throw new GeneratorError('selector must be specified');
  const selector = parseLabels(st.selector);
  const labels = st.labels ? parseLabels(st.labels) : undefined;
  const name = flag(ctx.p, 'name') || st.defaultName;
  if (!name) throw new GeneratorError('name must be specified');
  const portString = st.ports || st.port;
  const protocolFlag = flag(ctx.p, 'protocol') ?? '';
  const ports: Obj[] = [];
  const list = portString ? portString.split(',') : [];
  list.forEach((ps, i) => {
    const port = atoi(ps);
    if (port === undefined) throw new GeneratorError(`strconv.Atoi: parsing ${JSON.stringify(ps)}: invalid syntax`);
    const portName = list.length > 1 ? `port-${i + 1}` : '';
    let protocol = protocolFlag;
    if (!protocol) {
      protocol = 'TCP';
      const found = st.protocols.get(ps);
      if (found?.length === 1) protocol = found[0]!;
      else if (found && found.length > 1) {
        for (const p of found) ports.push({ name: `port-${i + 1}-${p.toLowerCase()}`, port, protocol: p });
        return;
      }
    }
    ports.push({ ...(portName ? { name: portName } : {}), port, protocol });
  });
  const target = flag(ctx.p, 'target-port') ?? '';
  for (const p of ports) p.targetPort = target ? (atoi(target) ?? target) : p.port;
  const spec: Obj = { selector };
  if (ports.length) spec.ports = ports;
  const externalIP = flag(ctx.p, 'external-ip');
  if (externalIP) spec.externalIPs = [externalIP];
  const type = flag(ctx.p, 'type');
  if (type) spec.type = type;
  const lbIP = flag(ctx.p, 'load-balancer-ip');
  if (type === 'LoadBalancer' && lbIP) spec.loadBalancerIP = lbIP;
  const affinity = flag(ctx.p, 'session-affinity');
  if (affinity) {
    if (affinity !== 'None' && affinity !== 'ClientIP') throw new GeneratorError(`unknown session affinity: ${affinity}`);
    spec.sessionAffinity = affinity;
  }
  const clusterIP = flag(ctx.p, 'cluster-ip');
  if (clusterIP) spec.clusterIP = clusterIP;
  const metadata: Obj = { ...(labels ? { labels } : {}), name };
  return { apiVersion: 'v1', kind: 'Service', metadata, spec, status: { loadBalancer: {} } };
}

const USAGE_RESOURCES =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

/** The objects to expose: from `-f` files (as written) or fetched by TYPE NAME / TYPE/NAME. */
function infos(ctx: Ctx): Exposable[] | undefined {
  const files = ctx.p.values.filename ?? [];
  const args = ctx.p.args;
  if (files.length === 0 && args.length === 0) return void ctx.errors.push({ message: USAGE_RESOURCES });
  const out: Exposable[] = [];
  for (const f of files) {
    const text = ctx.io.readFile(f);
    if (text === undefined) return void ctx.errors.push({ message: `the path "${f}" does not exist` });
    const parsed = parseManifest(text);
    if (parsed.error) return void ctx.errors.push({ message: `error parsing ${f}: ${parsed.error.message}` });
    for (const d of parsed.docs) if (d.json && typeof d.json === 'object') out.push(d.json as Exposable);
  }
  const pairs: [string, string][] = [];
  if (args.length && args.every((a) => a.includes('/'))) for (const a of args) pairs.push([a.slice(0, a.indexOf('/')), a.slice(a.indexOf('/') + 1)]);
  else if (args.length) {
    if (args.length === 1) return void ctx.errors.push({ message: 'resource(s) were provided, but no name was specified' });
    for (const n of args.slice(1)) pairs.push([args[0]!, n]);
  }
  for (const [type, name] of pairs) {
    const res = byName(type);
    if (!res) return void ctx.errors.push({ message: `the server doesn't have a resource type ${JSON.stringify(type)}` });
    const r = send(ctx, { verb: 'GET', path: pathFor(res, ctx.namespace, name) });
    if (r.code !== 200) return void ctx.errors.push({ status: statusOf(r.code, r.body) });
    out.push({ ...(r.body as Exposable), kind: res.kind, apiVersion: res.group ? `${res.group}/${res.version}` : res.version });
  }
  return out;
}

/** `kubectl expose`. */
export function exposeCmd(ctx: Ctx): void {
  const dryRun = dryRunStrategy(ctx);
  if (!dryRun || !checkOutput(ctx)) return;
  const objs = infos(ctx);
  if (!objs) return;
  const services = byName('services')!;
  // The options persist from one exposed object to the next, as they do upstream.
  const st: ExposeState = { selector: flag(ctx.p, 'selector') ?? '', port: flag(ctx.p, 'port') ?? '', ports: '', labels: flag(ctx.p, 'labels') ?? '', protocols: new Map(), defaultName: '' };
  for (const o of objs) {
    const res = byName(o.kind ?? '');
    if (!EXPOSABLE.includes(o.kind ?? '')) return void ctx.errors.push({ message: `cannot expose a ${o.kind}${res?.group ? `.${res.group}` : ''}` });
    st.defaultName = (o.metadata?.name ?? '').slice(0, 63);
    try {
      if (!st.selector) {
        try {
          st.selector = mapBasedSelector(o);
        } catch (e) {
          if (e instanceof GeneratorError) throw new GeneratorError(`couldn't retrieve selectors via --selector flag or introspection: ${e.message}`);
          throw e;
        }
      }
      if (!st.port) {
        const ports = portsForObject(o);
        if (ports.length === 0 && flag(ctx.p, 'cluster-ip') !== 'None') throw new GeneratorError("couldn't find port via --port flag or introspection");
        if (ports.length === 1) st.port = ports[0]!;
        else if (ports.length > 1) st.ports = ports.join(',');
      }
      const protocols = protocolsForObject(o);
      if (protocols.size) st.protocols = protocols;
      if (!st.labels) st.labels = makeLabels(o.metadata?.labels);
      const svc = exposedService(ctx, st);
      if (dryRun === 'client') {
        if (ctx.explicitNamespace) (svc.metadata as Obj).namespace = ctx.namespace;
        printGenerated(ctx, services, svc, 'exposed', dryRun);
        continue;
      }
      const r = send(ctx, { verb: 'POST', path: pathFor(services, ctx.namespace), body: svc, query: dryRun === 'server' ? { dryRun: 'All' } : undefined });
      if (r.code >= 300) return void ctx.errors.push({ status: statusOf(r.code, r.body) });
      printGenerated(ctx, services, r.body as Obj, 'exposed', dryRun);
    } catch (e) {
      if (!(e instanceof GeneratorError)) throw e;
      ctx.errors.push({ message: e.message });
      return;
    }
  }
}
