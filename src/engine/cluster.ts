/**
 * The cluster: wires the virtual clock, the seeded rng, the tracer and the API server, boots the
 * default cluster of DESIGN.md (namespaces, the `kubernetes` Service, the `nginx` IngressClass,
 * control-plane + N workers, each a kubelet that registers its Node, and the scheduler), and
 * hands each component a ComponentContext.
 *
 * Snapshots are input logs. Everything the outside world does to a cluster (REST requests via
 * `handle`, client spans via `recordSpan`, `sim` actions) is logged with the virtual time and the
 * number of timers fired so far. `restoreCluster` builds a fresh cluster with the same options and
 * replays each input after exactly that many timers, so restore-then-continue is identical to the
 * straight run (same objects, same span ids, same rng draws). Watches and listeners are not inputs.
 */
import type { ComponentContext, Informer, Rng } from './component.ts';
import type { Cluster, ClusterOptions, ClusterSnapshot, ContainerKillOptions, ContainerView, NodeAddOptions, ProbeFailOptions, SimResult, TrafficOptions, TrafficStatus } from './types.ts';
import type { RestRequest, RestResponse } from './apiserver/types.ts';
import type { SpanInput, StageId } from './trace/span.ts';
import type { KubeObject } from './types.ts';
import { Clock, EPOCH_MS, rfc3339 } from './clock/clock.ts';
import { createRng } from './rand/rand.ts';
import { Tracer } from './trace/tracer.ts';
import { ApiServer } from './apiserver/server.ts';
import { ApiError } from './apiserver/errors.ts';
import { createInformer, type SharedInformer, type TraceFilter } from './apiserver/informer.ts';
import { createRecorder } from './events/recorder.ts';
import { clone } from './api/equal.ts';
import { memoryBytes } from './api/quantity.ts';
import { createRegistry, type Registry } from './registry/registry.ts';
import { startScheduler } from './scheduler/scheduler.ts';
import { bootstrapObjects } from './apiserver/bootstrap.ts';
import type { MachineSpec } from './node/machine.ts';
import { startKubelet, type KubeletHandle } from './node/kubelet.ts';
import { startReplicaSetController } from './controllers/replicaset/replicaSetController.ts';
import { startDeploymentController } from './controllers/deployment/deploymentController.ts';
import { startGarbageCollector } from './controllers/garbagecollector/garbageCollector.ts';
import { startNodeLifecycleController } from './controllers/nodelifecycle/nodeLifecycleController.ts';
import { startTaintEvictionController } from './controllers/tainteviction/taintEvictionController.ts';
import { startPodGCController } from './controllers/podgc/podGCController.ts';
import { startDisruptionController } from './controllers/disruption/disruptionController.ts';
import type { SchedulerHandle } from './scheduler/scheduler.ts';
import { startEndpointSliceController } from './controllers/endpointslice/endpointSliceController.ts';
import { startEndpointsController } from './controllers/endpoint/endpointsController.ts';
import { startServiceLBController } from './controllers/servicelb/serviceLBController.ts';
import { startIngressController, type IngressController } from './network/ingressController.ts';
import { KubeProxy } from './network/proxy.ts';
import { TrafficGenerators } from './network/traffic.ts';

type Input =
  | { t: 'handle'; at: number; fired: number; req: RestRequest }
  | { t: 'handleJSON'; at: number; fired: number; json: string }
  | { t: 'span'; at: number; fired: number; span: SpanInput }
  | { t: 'nodeAdd'; at: number; fired: number; name: string; opts?: NodeAddOptions }
  | { t: 'imagePush'; at: number; fired: number; image: string; opts?: { size?: string } }
  | { t: 'nodeFail' | 'nodeRecover'; at: number; fired: number; name: string }
  | { t: 'containerKill'; at: number; fired: number; pod: string; opts?: ContainerKillOptions }
  | { t: 'probeFail'; at: number; fired: number; pod: string; opts: ProbeFailOptions }
  | { t: 'trafficStart'; at: number; fired: number; target: string; opts: TrafficOptions }
  | { t: 'trafficStop'; at: number; fired: number; id: number }
  | { t: 'mark'; at: number; fired: number };

const DEFAULT_IMAGE_SIZE = '80Mi';


function ipv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** The machine for node number `index` (0 = control-plane): 192.168.49.(2+i), 10.244.i.0/24. */
export function machineFor(name: string, index: number, opts: NodeAddOptions, controlPlane: boolean): MachineSpec {
  const labels: Record<string, string> = {
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
    ...(controlPlane ? { 'node-role.kubernetes.io/control-plane': '' } : {}),
    ...(opts.labels ?? {}),
  };
  const taints = controlPlane ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] : (opts.taints ?? []);
  return {
    name,
    cpu: opts.cpu ?? '2',
    memory: opts.memory ?? '4Gi',
    pods: opts.pods ?? 110,
    labels,
    taints,
    internalIP: ipv4(((192 << 24) >>> 0) + (168 << 16) + (49 << 8) + 2 + index),
    podCIDR: `${ipv4(((10 << 24) >>> 0) + (244 << 16) + index * 256)}/24`,
  };
}



/** The engine's implementation of `Cluster`, with extras for tests and the host. */
export class SimCluster implements Cluster {
  readonly epochMs = EPOCH_MS;
  readonly options: Required<ClusterOptions>;
  readonly clock = new Clock();
  readonly tracer: Tracer;
  readonly server: ApiServer;
  readonly registry: Registry;
  readonly rng: Rng;
  readonly nodes = new Map<string, KubeletHandle>();
  /** kube-scheduler's explanations ("why this node?"). */
  readonly scheduling: SchedulerHandle;
  /** `sim traffic`: the client stage's request generators. */
  readonly traffic: TrafficGenerators;
  /** kube-proxy (one for the cluster) and ingress-nginx: where requests go. */
  readonly proxy: KubeProxy;
  readonly ingress: IngressController;
  private inputs: Input[] = [];
  private eventSeq = 0;
  private nodeIndex = 0;
  private booting = true;

  constructor(options: ClusterOptions = {}) {
    this.options = { seed: options.seed ?? 1, workers: options.workers ?? 3 };
    this.rng = createRng(this.options.seed);
    this.tracer = new Tracer(() => this.clock.now());
    this.server = new ApiServer({
      now: () => this.clock.now(),
      nowMs: () => this.epochMs + this.clock.now(),
      rng: this.rng.fork('apiserver'),
      tracer: this.tracer,
      podLogs: (node, uid, container, previous) => this.nodes.get(node)?.logs(uid, container, previous) ?? { error: `node "${node}" not found` },
      podExec: (node, uid, container, command) => this.nodes.get(node)?.exec(uid, container, command) ?? { notRunning: `node "${node}" not found` },
    });
    this.registry = createRegistry();
    this.tracer.muted = true;
    for (const { path, body } of bootstrapObjects()) {
      const res = this.server.handle({ verb: 'POST', path, body, from: 'apiserver', quiet: true });
      if (res.code >= 300) throw new Error(`bootstrap ${path}: ${JSON.stringify(res.body)}`);
    }
    this.scheduling = startScheduler(this.context('scheduler'));
    // kube-controller-manager: one stage, one context per controller (each forks its own rng),
    // and one SharedInformerFactory for all of them: one watch and one cache per resource, every
    // change delivered once to each controller's handlers (the first controller to ask starts it).
    const kcm = new Map<string, SharedInformer>();
    startGarbageCollector(this.context('controller-manager', undefined, 'garbagecollector', kcm));
    startReplicaSetController(this.context('controller-manager', undefined, 'replicaset', kcm));
    startDeploymentController(this.context('controller-manager', undefined, 'deployment', kcm));
    startDisruptionController(this.context('controller-manager', undefined, 'disruption', kcm));
    // These three also share the node-lifecycle-controller's trace filters (its pod and node
    // deliveries are not hops worth drawing for them either).
    const nodeLifecycle = this.context('controller-manager', undefined, 'nodelifecycle', kcm);
    startNodeLifecycleController(nodeLifecycle);
    startTaintEvictionController({ ...this.context('controller-manager', undefined, 'tainteviction', kcm), informer: nodeLifecycle.informer });
    startPodGCController({ ...this.context('controller-manager', undefined, 'podgc', kcm), informer: nodeLifecycle.informer });
    startEndpointSliceController(this.context('controller-manager', undefined, 'endpointslice', kcm));
    startEndpointsController(this.context('controller-manager', undefined, 'endpoint', kcm));
    // cloud-controller-manager's service controller: a separate process, like the ingress controller.
    startServiceLBController(this.context('controller-manager', undefined, 'service-lb'));
    this.ingress = startIngressController(this.context('ingress'));
    this.proxy = new KubeProxy(this.context('service'));
    this.traffic = new TrafficGenerators({ ctx: this.context('client'), store: this.server.store, proxy: this.proxy, ingress: this.ingress, kubelet: (node) => this.nodes.get(node) });
    this.addMachine('control-plane', {}, true);
    for (let i = 1; i <= this.options.workers; i++) this.addMachine(`worker-${i}`, {}, false);
    // Let every informer sync (client-go WaitForCacheSync) before the first user request.
    this.clock.runUntil(0);
    this.booting = false;
    this.tracer.muted = false;
  }

  /**
   * A ComponentContext for an in-cluster component. `factory` is an informer factory shared with
   * other components of the same process; without one the component has its own.
   */
  context(stage: StageId, node?: string, name?: string, factory?: Map<string, SharedInformer>): ComponentContext {
    const rand = this.rng.fork(name ? `${stage}/${name}` : node ? `${stage}/${node}` : stage);
    const request: ComponentContext['request'] = (req) => this.server.handle({ ...req, from: stage, node, shared: true });
    const informers = factory ?? new Map<string, SharedInformer>();
    // With a shared factory, this component's view of each informer: its handlers carry the trace
    // filter of its first call for that path (the first caller decides, as for an own informer).
    const views = factory ? new Map<string, Informer>() : undefined;
    const clock = this.clock;
    return {
      clock: {
        now: () => clock.now(),
        nowMs: () => this.epochMs + clock.now(),
        timestamp: () => rfc3339(this.epochMs + clock.now()),
        after: (ms, fn, opts) => clock.after(ms, fn, opts),
      },
      rand,
      request,
      informer: <T extends KubeObject>(path: string, query?: Record<string, string>, opts?: { traced?: TraceFilter<T> }) => {
        const key = `${path}?${JSON.stringify(query ?? {})}`;
        let view = views ? views.get(key) : informers.get(key);
        if (!view) {
          let inf = informers.get(key);
          if (!inf) {
            const deps = { server: this.server, clock, rng: rand.fork(`informer ${key}`), tracer: this.tracer, stage, node, booting: () => this.booting };
            informers.set(key, (inf = createInformer(deps, path, query, opts?.traced) as unknown as SharedInformer));
          }
          const shared = inf;
          const traced = (opts?.traced ?? (() => true)) as TraceFilter<KubeObject>;
          view = views ? { get: shared.get, list: shared.list, addEventHandler: (h) => shared.addEventHandler(h, traced) } : shared;
          views?.set(key, view);
        }
        return view as unknown as Informer<T>;
      },
      recorder: (source) =>
        createRecorder(
          {
            request: (req) => request({ ...req, quiet: true }),
            nowMs: () => this.epochMs + clock.now(),
            timestamp: () => rfc3339(this.epochMs + clock.now()),
            nextSeq: () => this.eventSeq++,
          },
          source,
        ),
      trace: (span) => this.tracer.record(span),
      stage,
      node,
    };
  }

  private addMachine(name: string, opts: NodeAddOptions, controlPlane: boolean): void {
    const machine = machineFor(name, this.nodeIndex++, opts, controlPlane);
    // Heartbeats on: the node-lifecycle-controller watches them (they run on background timers).
    const network = () => ({ store: this.server.store, proxy: this.proxy, ingress: this.ingress, kubelet: (n: string) => this.nodes.get(n) });
    this.nodes.set(name, startKubelet(this.context('kubelet', name), machine, this.registry, { heartbeats: true, network }));
  }

  private log(input: Input): void {
    this.inputs.push(input);
  }

  private stamp(): { at: number; fired: number } {
    return { at: this.clock.now(), fired: this.clock.fired };
  }

  now(): number {
    return this.clock.now();
  }

  handle(req: RestRequest): RestResponse {
    // Logged as JSON text: a third of the memory of a copied object tree at 100,000 pods, and one
    // parse less per request. snapshot() turns it back into the `handle` input it always was.
    this.log({ t: 'handleJSON', ...this.stamp(), json: JSON.stringify(req) });
    return this.server.handle({ ...req, from: req.from ?? 'kubectl' });
  }

  watch(path: string, query: Record<string, string> | undefined, onEvent: (e: { type: 'ADDED' | 'MODIFIED' | 'DELETED'; object: unknown; spanId?: number }) => void): () => void {
    try {
      return this.server.watch(path, query, (type, object, causeId) => onEvent({ type, object, ...(causeId ? { spanId: causeId } : {}) }));
    } catch (e) {
      if (e instanceof ApiError) throw new Error(e.message, { cause: e });
      throw e;
    }
  }

  recordSpan(span: SpanInput) {
    this.log({ t: 'span', ...this.stamp(), span: clone(span) });
    return this.tracer.record(span);
  }

  runFor(ms: number): void {
    this.clock.runFor(ms);
  }

  runUntil(at: number, opts?: { stopOnSpan?: boolean }): boolean {
    if (!opts?.stopOnSpan) return this.clock.runUntil(at);
    const before = this.tracer.recorded;
    return this.clock.runUntil(at, () => this.tracer.recorded !== before);
  }

  runUntilIdle(maxMs?: number): void {
    this.clock.runUntilIdle(maxMs);
  }

  nextTimerAt(): number | undefined {
    return this.clock.nextTimerAt();
  }

  onSpan(cb: Parameters<Tracer['subscribe']>[0]): () => void {
    return this.tracer.subscribe(cb);
  }

  onChange(cb: Parameters<ApiServer['onChange']>[0]): () => void {
    return this.server.onChange(cb);
  }

  readonly sim = {
    nodeAdd: (name: string, opts?: NodeAddOptions): SimResult => {
      this.log({ t: 'nodeAdd', ...this.stamp(), name, opts: clone(opts) });
      if (this.nodes.has(name) || this.server.store.get('nodes', undefined, name)) {
        return { ok: false, message: `node "${name}" already exists` };
      }
      this.addMachine(name, opts ?? {}, false);
      return { ok: true, message: `node/${name} added` };
    },
    nodeFail: (name: string): SimResult => {
      this.log({ t: 'nodeFail', ...this.stamp(), name });
      const k = this.nodes.get(name);
      if (!k) return { ok: false, message: `node "${name}" not found` };
      k.fail();
      return { ok: true, message: `node/${name} failed` };
    },
    nodeRecover: (name: string): SimResult => {
      this.log({ t: 'nodeRecover', ...this.stamp(), name });
      const k = this.nodes.get(name);
      if (!k) return { ok: false, message: `node "${name}" not found` };
      k.recover();
      return { ok: true, message: `node/${name} recovered` };
    },
    containerKill: (pod: string, opts?: ContainerKillOptions): SimResult => {
      this.log({ t: 'containerKill', ...this.stamp(), pod, opts: clone(opts) });
      const found = this.podOnNode(pod, opts?.namespace, opts?.container);
      if ('message' in found) return found;
      return found.kubelet.killContainer(found.uid, found.container, opts?.exitCode ?? 137);
    },
    probeFail: (pod: string, opts: ProbeFailOptions): SimResult => {
      this.log({ t: 'probeFail', ...this.stamp(), pod, opts: clone(opts) });
      const found = this.podOnNode(pod, opts.namespace, opts.container);
      if ('message' in found) return found;
      return found.kubelet.setProbeFailure(found.uid, found.container, opts.probe, opts.fail);
    },
    trafficStart: (target: string, opts: TrafficOptions): SimResult & { id?: number } => {
      this.log({ t: 'trafficStart', ...this.stamp(), target, opts: clone(opts) });
      return this.traffic.start(target, opts);
    },
    trafficStop: (id: number): SimResult & { status?: TrafficStatus } => {
      this.log({ t: 'trafficStop', ...this.stamp(), id });
      return this.traffic.stop(id);
    },
    imagePush: (image: string, opts?: { size?: string }): SimResult => {
      this.log({ t: 'imagePush', ...this.stamp(), image, opts: clone(opts) });
      const size = opts?.size ?? DEFAULT_IMAGE_SIZE;
      const bytes = memoryBytes(size);
      if (bytes === undefined || bytes <= 0) return { ok: false, message: `invalid size "${size}"` };
      this.registry.push(image, bytes);
      const info = this.registry.lookup(image);
      this.tracer.record({
        from: 'manifest',
        to: 'registry',
        verb: 'PUSH',
        object: `image/${info?.name ?? image}`,
        kind: 'imagePush',
        args: { image, size, digest: info?.digest ?? '' },
        summary: `You pushed ${image} (${size}) to the registry.`,
        duration: 0,
        payload: info,
      });
      return { ok: true, message: `pushed ${info?.name ?? image} (${info?.digest ?? ''})` };
    },
  };

  trafficStatus(): TrafficStatus[] {
    return this.traffic.status();
  }

  containerView(namespace: string, pod: string, container?: string): ContainerView | undefined {
    const obj = this.server.store.get('pods', namespace, pod) as (KubeObject & { spec?: { nodeName?: string } }) | undefined;
    const node = obj?.spec?.nodeName;
    return node ? this.nodes.get(node)?.containerView(obj.metadata.uid ?? '', container) : undefined;
  }

  /** The kubelet running `pod` and the container meant (default: the first), or why there is none. */
  private podOnNode(name: string, namespace = 'default', container?: string): { kubelet: KubeletHandle; uid: string; container: string } | SimResult {
    const pod = this.server.store.get('pods', namespace, name) as
      | (KubeObject & { spec?: { nodeName?: string; containers?: { name: string }[]; initContainers?: { name: string }[] } })
      | undefined;
    if (!pod) return { ok: false, message: `pods "${name}" not found` };
    const names = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c) => c.name);
    const c = container ?? pod.spec?.containers?.[0]?.name ?? '';
    if (!names.includes(c)) return { ok: false, message: `container ${c} is not valid for pod ${name}` };
    const kubelet = pod.spec?.nodeName ? this.nodes.get(pod.spec.nodeName) : undefined;
    if (!kubelet) return { ok: false, message: `pod ${name} does not have a host assigned` };
    return { kubelet, uid: pod.metadata.uid ?? '', container: c };
  }

  snapshot(): ClusterSnapshot {
    return {
      version: 1,
      options: { ...this.options },
      at: this.clock.now(),
      inputs: [
        ...this.inputs.map((i): Input => (i.t === 'handleJSON' ? { t: 'handle', at: i.at, fired: i.fired, req: JSON.parse(i.json) as RestRequest } : i)),
        { t: 'mark', ...this.stamp() },
      ],
    };
  }

  /** Replay a snapshot's inputs into this fresh cluster (see the file comment). */
  replay(snap: ClusterSnapshot): void {
    for (const raw of snap.inputs as Input[]) {
      this.clock.runUntilFired(raw.fired);
      this.clock.setNow(raw.at);
      switch (raw.t) {
        case 'handle':
          this.handle(raw.req);
          break;
        case 'span':
          this.recordSpan(raw.span);
          break;
        case 'nodeAdd':
          this.sim.nodeAdd(raw.name, raw.opts);
          break;
        case 'imagePush':
          this.sim.imagePush(raw.image, raw.opts);
          break;
        case 'nodeFail':
          this.sim.nodeFail(raw.name);
          break;
        case 'nodeRecover':
          this.sim.nodeRecover(raw.name);
          break;
        case 'containerKill':
          this.sim.containerKill(raw.pod, raw.opts);
          break;
        case 'probeFail':
          this.sim.probeFail(raw.pod, raw.opts);
          break;
        case 'trafficStart':
          this.sim.trafficStart(raw.target, raw.opts);
          break;
        case 'trafficStop':
          this.sim.trafficStop(raw.id);
          break;
        case 'handleJSON':
        case 'mark':
          break;
      }
    }
    this.clock.setNow(snap.at);
  }
}

/** Build and boot a cluster. */
export function createCluster(options: ClusterOptions = {}): SimCluster {
  return new SimCluster(options);
}

/** Rebuild a cluster from a snapshot; continuing it equals continuing the original. */
export function restoreCluster(snap: ClusterSnapshot): SimCluster {
  if (snap.version !== 1) throw new Error(`unsupported snapshot version ${String(snap.version)}`);
  const c = new SimCluster(snap.options);
  c.replay(snap);
  return c;
}
