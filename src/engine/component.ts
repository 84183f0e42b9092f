/**
 * What an in-cluster component (scheduler, kubelet, controllers) gets from the cluster. They are
 * API clients like their upstream counterparts: they read through informers fed by watches and
 * write through the REST handler. Implemented in cluster.ts (engine core).
 */
import type { RestRequest, RestResponse, WatchEvent, WatchEventType } from './apiserver/types.ts';
import type { Span, SpanInput, StageId } from './trace/span.ts';
import type { KubeObject } from './types.ts';

export interface TimerHandle {
  cancel(): void;
}

export interface VirtualClock {
  /** Virtual ms since cluster start. */
  now(): number;
  /** Unix ms of `now()` on the virtual wall clock. */
  nowMs(): number;
  /** RFC 3339 timestamp of `now()` (`2026-01-01T00:00:05Z`), as Kubernetes writes them. */
  timestamp(): string;
  /**
   * Run `fn` after `delayMs` of virtual time. Timers at the same time run in scheduling order.
   * `background`: periodic housekeeping (Lease renewals, monitor passes) that does not keep the
   * cluster from being idle (`runUntilIdle`); see clock.ts.
   */
  after(delayMs: number, fn: () => void, opts?: { background?: boolean }): TimerHandle;
}

/** Seeded PRNG stream; each component forks its own so adding one does not shift the others. */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** `n` characters from the Kubernetes name-suffix alphabet `bcdfghjklmnpqrstvwxz2456789`. */
  suffix(n: number): string;
  fork(name: string): Rng;
}

export interface InformerHandlers<T> {
  add?(obj: T, ev: WatchEvent<T>): void;
  update?(oldObj: T, newObj: T, ev: WatchEvent<T>): void;
  delete?(obj: T, ev: WatchEvent<T>): void;
}

/** A shared informer: a LIST, then a WATCH, feeding a cache and handlers (client-go). */
export interface Informer<T extends KubeObject = KubeObject> {
  /** Cached objects, keyed `namespace/name` (or `name` for cluster-scoped). */
  get(key: string): T | undefined;
  list(): T[];
  addEventHandler(h: InformerHandlers<T>): void;
}

export interface EventSource {
  /** `kubelet`, `default-scheduler`, `replicaset-controller` … */
  component: string;
  host?: string;
}

/** client-go's EventRecorder: writes v1 Events through the API, de-duplicating repeats. */
export interface EventRecorder {
  event(
    object: KubeObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    opts?: { fieldPath?: string },
  ): void;
}

export interface ComponentContext {
  clock: VirtualClock;
  rand: Rng;
  /** The REST handler, as this component (requests are traced from `stage`). */
  request(req: Omit<RestRequest, 'from' | 'node'> & { quiet?: boolean }): RestResponse;
  /**
   * An informer over a collection path (`/api/v1/pods`, `/api/v1/nodes`) with optional
   * `fieldSelector`/`labelSelector`. Events are delivered asynchronously on the virtual clock.
   */
  informer<T extends KubeObject = KubeObject>(
    path: string,
    query?: Record<string, string>,
    opts?: {
      /** Which deliveries to record as watch hops (default: all). The first caller of a shared informer decides. */
      traced?: (type: WatchEventType, obj: T, old: T | undefined) => boolean;
    },
  ): Informer<T>;
  recorder(source: EventSource): EventRecorder;
  /** Record a hop on the trace. */
  trace(span: SpanInput): Span;
  /** This component's stage and, for kubelets/runtimes, node. */
  stage: StageId;
  node?: string;
}
