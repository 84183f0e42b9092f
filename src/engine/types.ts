/**
 * The engine's public contract: what the worker, kubectl (through `handle`/`watch` only), the
 * script runner, tests and benchmarks may use. Implemented in cluster.ts.
 */
import type { RestRequest, RestResponse, WatchEvent, WatchEventType } from './apiserver/types.ts';
import type { Span, SpanInput } from './trace/span.ts';
import type { SchedulingExplanation } from './scheduler/scheduleOne.ts';

export type { SchedulingExplanation };

/** Any stored Kubernetes object (apiVersion, kind, metadata, spec, status). */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    generation?: number;
    creationTimestamp?: string;
    deletionTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [k: string]: unknown;
  };
  [k: string]: unknown;
}

export interface ClusterOptions {
  /** Seed for every random choice (names, tie-breaks). Default 1. */
  seed?: number;
  /** Number of worker nodes besides control-plane. Default 3. */
  workers?: number;
}

/** A change to a stored object, for the UI's deltas. */
export interface ObjectChange {
  type: WatchEventType;
  /** Resource plural with group: `pods`, `nodes`, `events`, `deployments.apps`. */
  resource: string;
  object: KubeObject;
}

/** Result of a `sim` action, printed by the script runner and the terminal. */
export interface SimResult {
  ok: boolean;
  /** Text the action prints (stdout when ok, stderr otherwise). */
  message: string;
}

export interface NodeAddOptions {
  cpu?: string;
  memory?: string;
  pods?: number;
  labels?: Record<string, string>;
  taints?: { key: string; value?: string; effect: string }[];
}

export interface ContainerKillOptions {
  /** Default `default`. */
  namespace?: string;
  /** Default: the pod's first container. */
  container?: string;
  /** The process's exit status. Default 137 (SIGKILL, as `kill -9` / the OOM killer). */
  exitCode?: number;
}

export type ProbeKind = 'liveness' | 'readiness' | 'startup';

export interface ProbeFailOptions {
  namespace?: string;
  container?: string;
  probe: ProbeKind;
  /** true: every probe of this kind fails from now on; false: back to the simulated result. */
  fail: boolean;
}

/** `sim traffic TARGET --rps N`: TARGET is `service/NAME` (namespace from `namespace`) or `http://host/path` through the Ingress. */
export interface TrafficOptions {
  rps: number;
  /** Namespace of a `service/NAME` target. Default `default`. */
  namespace?: string;
  /** `--for`: the generator sends during [start, start + forMs) and then stops sending by itself. */
  forMs?: number;
}

/** One backend pod's share of a generator's requests. */
export interface TrafficRow {
  /** Pod name (`namespace/name` when not in the target's namespace). */
  backend: string;
  requests: number;
  failed: number;
}

/** What one traffic generator has sent so far (the table of `sim traffic`, and the UI's live view). */
export interface TrafficStatus {
  id: number;
  /** As given: `service/web` or `http://shop.example/cart`. */
  target: string;
  rps: number;
  /** Virtual ms the generator started / stopped (undefined while running). */
  startedAt: number;
  stoppedAt?: number;
  /** One row per pod that answered, in first-answer order. */
  rows: TrafficRow[];
  /** Requests that found no backend (no ready endpoint, no Ingress rule, no such Service). */
  noEndpoint: number;
  total: { requests: number; failed: number };
  /** Per virtual second, oldest first (at most the last 120): for success and failure rates over time. */
  series: { at: number; requests: number; failed: number }[];
}

/** Where one environment variable or file of a running container came from. */
export type ValueSource =
  | { type: 'literal' }
  | { type: 'configMap'; name: string; key?: string; via: 'env' | 'envFrom' | 'volume' }
  | { type: 'secret'; name: string; key?: string; via: 'env' | 'envFrom' | 'volume' }
  | { type: 'fieldRef'; fieldPath: string }
  | { type: 'resourceFieldRef'; resource: string }
  | { type: 'serviceAccount' }
  /** enableServiceLinks: `<SVC>_SERVICE_HOST` and friends for each Service in the namespace at container start. */
  | { type: 'serviceLink'; service: string }
  | { type: 'runtime' };

/** What a running container sees: its environment as set at start, and its mounted files now. */
export interface ContainerView {
  pod: string;
  namespace: string;
  container: string;
  /** Virtual ms the container started (its environment is frozen from then on). */
  startedAt?: number;
  env: { name: string; value: string; source: ValueSource }[];
  files: { path: string; value: string; source: ValueSource; mountPath: string; subPath?: string }[];
}

/** Simulated things that happen outside the API: machines, processes, the registry. */
export interface SimActions {
  /** `sim container kill POD [-c C] [--exit-code N]`: the container's process dies. */
  containerKill(pod: string, opts?: ContainerKillOptions): SimResult;
  /** `sim probe fail|pass POD --probe liveness|readiness|startup [-c C]`: force a probe's result. */
  probeFail(pod: string, opts: ProbeFailOptions): SimResult;
  nodeAdd(name: string, opts?: NodeAddOptions): SimResult;
  imagePush(image: string, opts?: { size?: string }): SimResult;
  /** `sim node fail NAME`: the machine stops (heartbeats and pod syncs stop). Optional: added later. */
  nodeFail?(name: string): SimResult;
  /** `sim node recover NAME`: the machine comes back. Optional: added later. */
  nodeRecover?(name: string): SimResult;
  /** Start a traffic generator (`sim traffic`); it runs on the virtual clock until stopped. `id` is set when ok. */
  trafficStart?(target: string, opts: TrafficOptions): SimResult & { id?: number };
  /** Stop a generator; `status` is its final table. */
  trafficStop?(id: number): SimResult & { status?: TrafficStatus };
}

/** Opaque, JSON-serializable. Restore-then-continue equals a straight run. */
export interface ClusterSnapshot {
  version: 1;
  options: Required<ClusterOptions>;
  at: number;
  inputs: unknown[];
}

export interface Cluster {
  /** Virtual ms since the cluster started. */
  now(): number;
  /** Virtual wall-clock epoch of t=0, in Unix ms (timestamps are `epochMs + now()`). */
  readonly epochMs: number;
  readonly options: Required<ClusterOptions>;

  /** The API server's REST handler, as an external client (kubectl) reaches it. */
  handle(req: RestRequest): RestResponse;
  /** Watch a collection path (`/api/v1/namespaces/default/pods`) with optional query selectors. Returns a stop function. */
  watch(path: string, query: Record<string, string> | undefined, onEvent: (e: WatchEvent) => void): () => void;
  /** A span recorded by a client outside the engine (kubectl parsing a manifest). */
  recordSpan(span: SpanInput): Span;

  /** Advance virtual time by `ms`, running every timer due. */
  runFor(ms: number): void;
  /**
   * Advance virtual time to `at`. With `stopOnSpan`, stop right after the first timer whose
   * work recorded a span, and return true; `now()` is then that timer's time.
   */
  runUntil(at: number, opts?: { stopOnSpan?: boolean }): boolean;
  /** Run until no timers remain or `maxMs` of virtual time has passed. */
  runUntilIdle(maxMs?: number): void;
  /** Virtual time of the next pending timer, if any. */
  nextTimerAt(): number | undefined;

  onSpan(cb: (span: Span) => void): () => void;
  onChange(cb: (change: ObjectChange) => void): () => void;

  readonly sim: SimActions;
  /**
   * kube-scheduler's latest attempt for pod `namespace/name` ("why this node?", "why Pending?"),
   * and pinning: a pinned pod's attempts are kept in full detail (every node, every plugin).
   */
  readonly scheduling?: {
    explain(podKey: string): SchedulingExplanation | undefined;
    pin(podKey: string | undefined): void;
  };
  /** Every traffic generator still running, and those stopped in the last minute (virtual). */
  trafficStatus?(): TrafficStatus[];
  /** What a container sees (`kubectl exec … env`, mounted files), with each value's source; undefined when it is not running. */
  containerView?(namespace: string, pod: string, container?: string): ContainerView | undefined;
  snapshot(): ClusterSnapshot;
}
