/**
 * The kubelet of one machine: registers the Node, watches the pods bound to it and runs a pod
 * worker for each. Mirrors pkg/kubelet/kubelet.go (Run, syncLoop, HandlePodAdditions /
 * HandlePodUpdates / HandlePodRemoves) and kubelet_node_status.go (registerWithAPIServer).
 */
import type { WatchEvent } from '../apiserver/types.ts';
import type { ComponentContext, EventRecorder } from '../component.ts';
import type { ContainerView, ProbeKind, SimResult } from '../types.ts';
import { containerView } from './containerView.ts';
import { serve, type ServeResult } from './serving.ts';
import type { Registry } from '../registry/registry.ts';
import { podKey, type V1Pod } from '../scheduler/types.ts';
import { Backoff } from './backoff.ts';
import { Heartbeat } from './heartbeat.ts';
import type { MachineSpec } from './machine.ts';
import { buildNode, KUBELET_VERSION, nodeImages } from './nodeObject.ts';
import type { ExecResult } from './exec.ts';
import { PodWorker } from './podWorker.ts';
import { ContainerRuntime, type PullResult } from './runtime.ts';
import type { NetworkView } from '../network/connect.ts';

export interface KubeletHandle {
  node: string;
  /** The machine is gone for good: no more heartbeats or pod syncs. */
  stop(): void;
  /** `sim node fail`: the machine stops; heartbeats stop and pods are no longer synced. */
  fail(): void;
  /** `sim node recover`: the kubelet comes back, renews its Lease, reports Ready and resyncs. */
  recover(): void;
  /** `sim container kill`: the running process of `container` in pod `podUID` exits with `exitCode`. */
  killContainer(podUID: string, container: string, exitCode: number): SimResult;
  /** `sim probe fail|pass`: force every `probe` of `container` to fail (or stop forcing it). */
  setProbeFailure(podUID: string, container: string, probe: ProbeKind, fail: boolean): SimResult;
  /** The kubelet's containerLogs endpoint: the container's log lines, or the error it answers with. */
  logs(podUID: string, container: string, previous: boolean): PodLogs;
  /**
   * The kubelet's exec endpoint: runs `command` in the running `container`; `notRunning` when the
   * container has no process (the API server answers `unable to upgrade connection`).
   */
  exec(podUID: string, container: string, command: string[]): PodExec;
  /** What a running container sees (env with sources, mounted files); undefined when it is not running here. */
  containerView(podUID: string, container?: string): ContainerView | undefined;
  /** A TCP connection to the pod's IP on `port` (kube-proxy's DNAT target): answered, refused, or unreachable (machine down). */
  serve(podUID: string, port: number): ServeResult;
}

/** One line a container wrote, with its RFC 3339 (nano) timestamp, as `kubectl logs --timestamps` shows. */
export interface LogLine {
  time: string;
  text: string;
}

/** Log lines, or the error text the kubelet answers with (400 BadRequest from the API server). */
export type PodLogs = { lines: LogLine[] } | { error: string };

/** What the kubelet's exec endpoint answers: the command's output, the runtime's error, or no running container. */
export type PodExec = ExecResult | { notRunning: string };

export interface KubeletOptions {
  /**
   * Renew the Lease every 10 s and re-post node status every 5 min (§10), on background timers.
   * The cluster turns them on for every kubelet; off here so unit tests see only pod traffic.
   */
  heartbeats?: boolean;
  /** Cluster DNS, kube-proxy and the other kubelets, for `curl`/`wget`/`nslookup` in exec (set by cluster.ts). */
  network?: () => NetworkView;
}

/** What pod workers share: the node's runtime, recorder and back-off tables. */
export interface KubeletCore {
  ctx: ComponentContext;
  machine: MachineSpec;
  nodeName: string;
  runtime: ContainerRuntime;
  recorder: EventRecorder;
  /** Image pull back-off, keyed `podUID_image`. */
  imageBackoff: Backoff;
  lastPullError: Map<string, string>;
  /** Container restart back-off, keyed by pod and container. */
  crashBackoff: Backoff;
  userAgent: string;
  /**
   * The machine is down (`sim node fail`): pod workers keep their state but cannot reach the
   * API server; the pods whose status changed meanwhile are written on recovery.
   */
  down: boolean;
  unsynced: Set<PodWorker>;
  /**
   * One instance of each string every pod of a kind repeats (event field paths and messages,
   * image ids): stored Events and pod statuses keep it, so 100 pods on a node share one copy
   * instead of 100. Only texts made of a container's name and image go in (a bounded set).
   */
  shared(s: string): string;
  pull(image: string, causeId: number | undefined, done: (r: PullResult) => void): void;
  network?: () => NetworkView;
}

function isTerminal(pod: V1Pod): boolean {
  const p = pod.status?.phase;
  return p === 'Succeeded' || p === 'Failed';
}

/**
 * Starts the kubelet for `machine`: POST /api/v1/nodes happens synchronously inside this call,
 * then pods with `spec.nodeName=<machine>` are synced as the informer delivers them.
 */
export function startKubelet(ctx: ComponentContext, machine: MachineSpec, registry: Registry, opts: KubeletOptions = {}): KubeletHandle {
  const nodeName = machine.name;
  const runtime = new ContainerRuntime(ctx, machine, registry);
  const userAgent = `kubelet/${KUBELET_VERSION}`;
  let sharedStrings: Map<string, string> | undefined; // made on first use: 5,000 idle nodes need none
  const core: KubeletCore = {
    ctx, machine, nodeName, runtime, userAgent, network: opts.network,
    recorder: ctx.recorder({ component: 'kubelet', host: nodeName }),
    imageBackoff: new Backoff(),
    lastPullError: new Map(),
    crashBackoff: new Backoff(),
    down: false,
    unsynced: new Set(),
    shared: (s) => {
      const have = (sharedStrings ??= new Map()).get(s);
      if (have !== undefined) return have;
      sharedStrings.set(s, s);
      return s;
    },
    pull(image, causeId, done) {
      runtime.pull(image, causeId, (r) => {
        // A fresh image shows up in the node's status.images (the real kubelet reports it with
        // its next status update).
        if (r.ok && !core.down) {
          ctx.request({
            verb: 'PATCH', path: `/api/v1/nodes/${nodeName}/status`, body: { status: { images: nodeImages(runtime.images.values()) } },
            patchType: 'application/merge-patch+json', userAgent, quiet: true,
          });
        }
        done(r);
      });
    },
  };

  // registerWithAPIServer
  const reg = ctx.request({
    verb: 'POST', path: '/api/v1/nodes', body: buildNode(machine, ctx.clock.timestamp(), runtime.images.values()), userAgent,
  });
  // The kubelet's node events name the Node with uid = node name (kubelet.go nodeRef).
  const nodeRef = { apiVersion: 'v1', kind: 'Node', metadata: { name: nodeName, uid: nodeName } };
  const heartbeat = new Heartbeat(ctx, nodeName, userAgent, (reg.body as { metadata?: { uid?: string } } | undefined)?.metadata?.uid,
    (reason, message) => core.recorder.event(nodeRef, 'Normal', reason, message));
  heartbeat.start(opts.heartbeats === true);

  const workers = new Map<string, PodWorker>();
  let stopped = false;
  let failed = false;

  // Sim actions and log reads are rare: a scan beats a second index kept for every pod.
  const byUID = (uid: string): PodWorker | undefined => {
    if (stopped || failed) return undefined;
    for (const w of workers.values()) if (w.pod.metadata.uid === uid) return w;
    return undefined;
  };
  const notHere = (uid: string) => `pod with UID "${uid}" is not running on node "${nodeName}"`;

  const handle = (pod: V1Pod, ev?: WatchEvent<V1Pod>): void => {
    if (stopped || failed) return;
    const key = podKey(pod);
    let w = workers.get(key);
    if (w && w.pod.metadata.uid !== pod.metadata.uid) {
      w.destroy();
      workers.delete(key);
      w = undefined;
    }
    if (!w) {
      if (isTerminal(pod)) return;
      // The informer traced the watch hop (apiserver → kubelet); without one, trace it here.
      const cause =
        ev?.spanId ??
        ctx.trace({
          from: 'apiserver', to: 'kubelet', node: nodeName, verb: ev?.type ?? 'ADDED', kind: 'watchPodBound', duration: 0,
          object: `Pod/${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`,
          args: { pod: pod.metadata.name, node: nodeName },
          summary: `The kubelet on ${nodeName} sees pod ${pod.metadata.name} bound to its node.`,
        }).id;
      w = new PodWorker(core, pod, cause || undefined);
      workers.set(key, w);
      if (pod.metadata.deletionTimestamp) {
        w.terminate();
        return;
      }
      w.start();
      return;
    }
    // Our own status writes already updated w.pod; a late, older watch event must not undo them.
    if (Number(pod.metadata.resourceVersion ?? 0) >= Number(w.pod.metadata.resourceVersion ?? 0)) w.pod = pod;
    if (pod.metadata.deletionTimestamp) w.terminate();
  };

  // Hops worth drawing: a pod bound here, and a pod asked to stop; not the echo of our own status writes.
  const informer = ctx.informer<V1Pod>(
    '/api/v1/pods',
    { fieldSelector: `spec.nodeName=${nodeName}` },
    { traced: (type, pod, old) => type === 'ADDED' || (!!pod.metadata.deletionTimestamp && !old?.metadata.deletionTimestamp) },
  );
  informer.addEventHandler({
    add: (pod, ev) => handle(pod, ev),
    update: (_old, pod, ev) => handle(pod, ev),
    delete(pod) {
      const key = podKey(pod);
      const w = workers.get(key);
      if (w && w.pod.metadata.uid === pod.metadata.uid) {
        w.destroy();
        workers.delete(key);
      }
    },
  });
  for (const p of informer.list()) handle(p);

  return {
    node: nodeName,
    stop() {
      stopped = true;
      heartbeat.stop();
      for (const w of workers.values()) w.destroy();
      workers.clear();
    },
    fail() {
      if (stopped || failed) return;
      failed = true;
      core.down = true;
      heartbeat.stop();
      ctx.trace({
        from: 'kubelet', to: 'kubelet', node: nodeName, verb: 'MachineDown', kind: 'nodeFail', duration: 0,
        object: `Node/${nodeName}`, args: { node: nodeName, pods: workers.size },
        summary: `Machine ${nodeName} stops: its kubelet no longer renews its Lease or posts node status, and nobody hears about its ${workers.size} pod(s).`,
      });
    },
    recover() {
      if (stopped || !failed) return;
      failed = false;
      core.down = false;
      const cause = ctx.trace({
        from: 'kubelet', to: 'kubelet', node: nodeName, verb: 'MachineUp', kind: 'nodeRecover', duration: 0,
        object: `Node/${nodeName}`, args: { node: nodeName },
        summary: `Machine ${nodeName} is back: its kubelet renews its Lease, posts node status and syncs its pods again.`,
      }).id;
      heartbeat.start(opts.heartbeats === true);
      heartbeat.reportStatus(cause || undefined);
      // The status manager reconciles every pod with the API server (the node-lifecycle-controller
      // marked them NotReady meanwhile); deletions confirmed while down are sent now.
      core.unsynced.clear();
      for (const w of [...workers.values()]) w.resync();
      // Pods deleted (or bound here) while the machine was down.
      for (const p of informer.list()) handle(p);
    },
    killContainer(podUID, container, exitCode) {
      const w = byUID(podUID);
      return w ? w.kill(container, exitCode) : { ok: false, message: notHere(podUID) };
    },
    setProbeFailure(podUID, container, probe, fail) {
      const w = byUID(podUID);
      return w ? w.forceProbe(container, probe, fail) : { ok: false, message: notHere(podUID) };
    },
    logs(podUID, container, previous) {
      const w = byUID(podUID);
      return w ? w.logs(container, previous) : { error: notHere(podUID) };
    },
    exec(podUID, container, command) {
      const w = byUID(podUID);
      return w ? w.exec(container, command) : { notRunning: notHere(podUID) };
    },
    containerView(podUID, container) {
      const w = byUID(podUID);
      return w ? containerView(w, container) : undefined;
    },
    serve(podUID, port) {
      return serve(byUID(podUID), port, failed);
    },
  };
}
