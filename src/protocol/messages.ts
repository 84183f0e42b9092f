/**
 * Typed messages between the main thread (bridge) and the simulation Web Worker (worker host).
 * Everything here is structured-clone safe plain data.
 */
import type { ClusterSnapshot, ContainerView, KubeObject, KubectlResult, SchedulingExplanation, Span, TrafficStatus } from './types.ts';

/**
 * Speeds offered by the playback bar (multiples of real time). Up to 64× so a five-minute node
 * failure (50 s grace period, then the 300 s NoExecute toleration) plays in about five seconds.
 */
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64] as const;

/**
 * From this speed on, hops are too short to follow one by one (700/16 ≈ 44 ms): the pacer shows
 * them together (busy mode) and lets virtual time flow at wall × speed without waiting for them.
 */
export const FAST_SPEED = 16;

/**
 * Span kinds of `sim traffic` requests: a stream, not a story. The pacer releases them as they
 * happen without holding virtual time, and the diagram draws them as dots.
 */
export const TRAFFIC_SPAN_KINDS: ReadonlySet<string> = new Set(['trafficRequest', 'ingressRoute', 'proxyForward', 'trafficFailed']);

/** Wall ms one hop of the pipeline animation takes at 1× (plan.md: `hopMs = 700 / speed`). */
export const BASE_HOP_MS = 700;

/** Animation duration of one hop at `speed`. */
export function hopMsFor(speed: number): number {
  return BASE_HOP_MS / (speed > 0 ? speed : 1);
}

// ─── main → worker ──────────────────────────────────────────────────────────────────────────────

/** Start (or restart) the cluster. With `snapshot`, restore it instead of booting a new one. */
export interface InitMessage {
  type: 'init';
  seed: number;
  workers: number;
  snapshot?: ClusterSnapshot;
  /** Playback state to resume with (crash recovery keeps the user's speed). */
  playing?: boolean;
  speed?: number;
}
/** Let virtual time flow at wall × speed. */
export interface PlayMessage {
  type: 'play';
}
/** Freeze virtual time (no span is released while paused, except by `step`). */
export interface PauseMessage {
  type: 'pause';
}
/** Release the next span, running the engine until one exists. Pauses playback. */
export interface StepMessage {
  type: 'step';
}
/** Change the playback speed (one of {@link SPEEDS}). */
export interface SpeedMessage {
  type: 'speed';
  speed: number;
}
/** `kubectl apply -f <file>` where the file holds `text` (the editor's content). */
export interface ApplyMessage {
  type: 'apply';
  id: number;
  text: string;
  file: string;
}
/** One terminal line: `kubectl …` or `sim …`. Answered by a {@link ResultMessage} with the same id. */
export interface TerminalMessage {
  type: 'terminal';
  id: number;
  line: string;
}

/**
 * Interrupt the running command with this id (Ctrl+C or Stop in the terminal). Its waits end at
 * once and it answers — with what it printed so far, exit code 130 and `interrupted: true`.
 * Only the client stops: the cluster is not touched. An id that is not running is ignored.
 */
export interface CancelMessage {
  type: 'cancel';
  id: number;
}

/**
 * Ask for kube-scheduler's latest attempt for a pod (`namespace/name`). With `pin`, that pod's
 * attempts are kept in full detail from now on (the pod selected in the UI); `pin: false` with
 * no `pod` unpins. Answered by an {@link ExplanationMessage} with the same id.
 */
export interface ExplainMessage {
  type: 'explain';
  id: number;
  pod?: string;
  pin?: boolean;
}

/**
 * Ask what a running container sees (its environment as set at start, its mounted files now,
 * each value's source). Answered by a {@link ContainerViewResultMessage} with the same id.
 */
export interface ContainerViewMessage {
  type: 'containerView';
  id: number;
  namespace: string;
  pod: string;
  container?: string;
}

/** Every message the main thread sends to the worker. */
export type ToWorker =
  | ContainerViewMessage
  | ExplainMessage
  | InitMessage
  | PlayMessage
  | PauseMessage
  | StepMessage
  | SpeedMessage
  | ApplyMessage
  | TerminalMessage
  | CancelMessage;

// ─── worker → main ──────────────────────────────────────────────────────────────────────────────

/** The cluster is up; `epochMs` is the virtual wall clock at t=0. */
export interface ReadyMessage {
  type: 'ready';
  seed: number;
  workers: number;
  epochMs: number;
}

/** kubectl's printed columns for a pod, computed in the worker with kubectl's algorithm. */
export interface PodColumns {
  /** The STATUS column (`Running`, `ContainerCreating`, `CrashLoopBackOff`, `Terminating` …). */
  status: string;
  /** The READY column (`1/1`). */
  ready: string;
  /** Sum of container restart counts. */
  restarts: number;
}

/** One changed object, keyed `resource/namespace/name` (`resource//name` when cluster-scoped). */
export interface Upsert {
  key: string;
  /** Resource plural with group: `pods`, `nodes`, `events`, `namespaces`. */
  resource: string;
  object: KubeObject;
  /** Present for pods. */
  columns?: PodColumns;
}

/** A deleted object. */
export interface Deletion {
  key: string;
  resource: string;
}

/**
 * What changed since the last delta: at most one per animation frame (~16 ms), holding only
 * objects that changed (the last version of each) and the spans released to the diagram.
 * Also serves as the heartbeat: the worker sends one at least every second.
 */
export interface DeltaMessage {
  type: 'delta';
  /** Virtual ms since cluster start. */
  now: number;
  epochMs: number;
  playing: boolean;
  speed: number;
  /** True when the pacer is in busy mode (many spans at once, time flowing freely). */
  busy: boolean;
  /** Replace every object the main thread holds with `upserts` (first delta, after a restore). */
  reset?: boolean;
  upserts: Upsert[];
  deletes: Deletion[];
  /** Spans released to the diagram since the last delta, oldest first. */
  released: Span[];
  /**
   * What running terminal commands printed since the last delta, in the order written
   * (consecutive writes of one command to one stream merged). A command's final
   * {@link ResultMessage} carries its whole output again, so chunks only preview it.
   */
  output?: OutputChunk[];
  /** Traffic generators running or recently stopped (sent while any exists, with each delta that moved the clock). */
  traffic?: TrafficStatus[];
}

/** Text a running terminal command (by request id) wrote to stdout or stderr. */
export interface OutputChunk {
  id: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

/**
 * One REST request a command sent to the API server — a `kubectl → kube-apiserver` hop of the
 * diagram (its span has `from: 'kubectl'`). What `kubectl -v=6` would log, without the server URL.
 */
export interface RestCall {
  /** HTTP method: `GET`, `POST`, `PUT`, `PATCH`, `DELETE`. */
  method: string;
  /** API path with its query string: `/api/v1/namespaces/default/pods?labelSelector=app%3Dweb`. */
  path: string;
  /** HTTP status code of the response (a rejected request's `apiError` hop carries the same code). */
  code: number;
  /** Id of the request's span (`kubectl → kube-apiserver`), so the UI can point at the hop. */
  spanId: number;
}

/** What a terminal line or an editor Apply printed, plus the REST requests it became. */
export interface CommandResult extends KubectlResult {
  /** kubectl's requests in the order sent; absent when the command made none (e.g. `sim`, `sleep`). */
  requests?: RestCall[];
  /** The user interrupted the command (a {@link CancelMessage}); `exitCode` is then 130. */
  interrupted?: boolean;
}

/** The answer to an {@link ApplyMessage} or {@link TerminalMessage}. */
export interface ResultMessage {
  type: 'result';
  id: number;
  result: CommandResult;
}

/** The latest restorable state, kept by the bridge for crash recovery. */
export interface SnapshotMessage {
  type: 'snapshot';
  snapshot: ClusterSnapshot;
}

/** Something broke the worker's host itself (never user input); the bridge restarts it. */
export interface FatalMessage {
  type: 'fatal';
  message: string;
}

/** The answer to an {@link ExplainMessage}: undefined when the scheduler has no attempt for it. */
export interface ExplanationMessage {
  type: 'explanation';
  id: number;
  pod?: string;
  explanation?: SchedulingExplanation;
}

/** The answer to a {@link ContainerViewMessage}: no `view` when the container is not running. */
export interface ContainerViewResultMessage {
  type: 'containerView';
  id: number;
  view?: ContainerView;
}

/** Every message the worker sends to the main thread. */
export type FromWorker = ContainerViewResultMessage | ExplanationMessage | ReadyMessage | DeltaMessage | ResultMessage | SnapshotMessage | FatalMessage;

/** Key of an object in deltas and in the store: `resource/namespace/name`. */
export function objectKey(resource: string, obj: KubeObject): string {
  return `${resource}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
}
