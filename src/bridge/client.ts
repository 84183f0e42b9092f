/**
 * The main-thread client of the simulation worker: starts it, matches requests to results by
 * id, keeps the latest snapshot, and restarts the worker from it when the worker dies
 * (DESIGN.md robustness: "if it dies anyway, the UI says so and restarts it from the last good
 * state"). Knows nothing about React or the store: it reports through callbacks.
 */
import type { ClusterSnapshot } from '../protocol/types.ts';
import type { CommandResult, ContainerViewResultMessage, DeltaMessage, ExplanationMessage, FromWorker, OutputChunk, ReadyMessage, ToWorker } from '../protocol/messages.ts';

export type WorkerStatus = 'starting' | 'ready' | 'crashed' | 'restarting';

/** The subset of `Worker` the bridge uses (a fake in tests). */
export interface WorkerLike {
  postMessage(msg: ToWorker): void;
  terminate(): void;
  addEventListener(type: 'message' | 'error' | 'messageerror', fn: (e: Event) => void): void;
}

export interface BridgeCallbacks {
  onDelta(delta: DeltaMessage): void;
  onReady(ready: ReadyMessage): void;
  onStatus(status: WorkerStatus, detail?: string): void;
}

export interface BridgeOptions {
  seed: number;
  workers: number;
  /** Creates the worker; default: the Vite module worker. */
  spawn?: () => WorkerLike;
  /** Missed-heartbeat threshold (ms without any message while the page is visible). */
  heartbeatMs?: number;
  /** Wall clock; default `performance.now`. */
  now?: () => number;
  /** Whether the page is visible (hidden tabs throttle timers, so silence proves nothing). */
  visible?: () => boolean;
}

/** Spawn the simulation worker; Vite bundles `sim.worker.ts` as a separate ES chunk. */
export function spawnSimWorker(): WorkerLike {
  return new Worker(new URL('../worker/sim.worker.ts', import.meta.url), { type: 'module', name: 'desired-state-sim' });
}

const RESTART_WINDOW_MS = 60_000;
/** How long a new worker may take to say anything (the dev server compiles the engine on first load). */
const STARTUP_TIMEOUT_MS = 60_000;

export class Bridge {
  private worker: WorkerLike | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, (r: CommandResult) => void>();
  /** Open `explain` requests by id (answered by `explanation`, or with nothing after a crash). */
  private readonly explains = new Map<number, (m: ExplanationMessage) => void>();
  /** Open `containerView` requests by id. */
  private readonly views = new Map<number, (m: ContainerViewResultMessage) => void>();
  /** Where a running command's streamed output goes, by request id (until its result). */
  private readonly outputs = new Map<number, (chunk: OutputChunk) => void>();
  private snapshot: ClusterSnapshot | undefined;
  private lastMessage = 0;
  /** False until the current worker's first message: loading it (dev server: compiling it) can take long. */
  private heard = false;
  private heartbeatTimer: ReturnType<typeof setInterval> | undefined;
  private crashes: number[] = [];
  private playing = true;
  private speed = 1;
  private status: WorkerStatus = 'starting';
  private disposed = false;
  private readonly heartbeatMs: number;
  private readonly now: () => number;
  private readonly visible: () => boolean;
  private readonly spawn: () => WorkerLike;

  constructor(
    private readonly opts: BridgeOptions,
    private readonly cb: BridgeCallbacks,
  ) {
    this.heartbeatMs = opts.heartbeatMs ?? 10_000;
    this.now = opts.now ?? (() => performance.now());
    this.visible = opts.visible ?? (() => typeof document === 'undefined' || document.visibilityState === 'visible');
    this.spawn = opts.spawn ?? spawnSimWorker;
  }

  /** Start the worker (fresh cluster) and the heartbeat watch. */
  start(): void {
    this.boot(undefined);
    this.heartbeatTimer = setInterval(() => this.checkHeartbeat(), 1000);
  }

  /** Stop for good (React effect cleanup; StrictMode runs effects twice in dev). */
  dispose(): void {
    this.disposed = true;
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.worker?.terminate();
    this.worker = undefined;
    this.failPending('the simulation was stopped');
  }

  play(): void {
    this.playing = true;
    this.send({ type: 'play' });
  }
  pause(): void {
    this.playing = false;
    this.send({ type: 'pause' });
  }
  step(): void {
    this.playing = false;
    this.send({ type: 'step' });
  }
  setSpeed(speed: number): void {
    this.speed = speed;
    this.send({ type: 'speed', speed });
  }

  /** `kubectl apply -f file` with the editor's text. */
  apply(text: string, file = 'manifest.yaml'): Promise<CommandResult> {
    return this.request((id) => ({ type: 'apply', id, text, file }));
  }

  /** One terminal line (`kubectl …`, `sim …`). */
  terminal(line: string): Promise<CommandResult> {
    return this.runLine(line).result;
  }

  /**
   * One terminal line, with the id {@link cancel} takes to interrupt it. `onOutput` receives what
   * the command prints while it runs (a `get -w` row), in order; the result then carries all of it.
   */
  runLine(line: string, onOutput?: (chunk: OutputChunk) => void): { id: number; result: Promise<CommandResult> } {
    const id = this.nextId++;
    if (onOutput) this.outputs.set(id, onOutput);
    return { id, result: this.request((i) => ({ type: 'terminal', id: i, line }), id) };
  }

  /**
   * Interrupt a running command (Ctrl+C): the worker ends its waits and answers at once with
   * exit code 130. A command that already answered is left alone.
   */
  cancel(id: number): void {
    if (this.pending.has(id)) this.send({ type: 'cancel', id });
  }

  /**
   * kube-scheduler's latest attempt for pod `namespace/name`. `pin: true` keeps that pod's
   * attempts in full detail (the selected pod); `pin: false` without `pod` unpins. Resolves with
   * no explanation when the worker is not running or restarts meanwhile.
   */
  explain(pod: string | undefined, pin?: boolean): Promise<ExplanationMessage> {
    const id = this.nextId++;
    return new Promise<ExplanationMessage>((resolve) => {
      if (!this.worker || this.status === 'crashed') {
        resolve({ type: 'explanation', id, ...(pod ? { pod } : {}) });
        return;
      }
      this.explains.set(id, resolve);
      this.send({ type: 'explain', id, ...(pod ? { pod } : {}), ...(pin !== undefined ? { pin } : {}) });
    });
  }

  /** What a running container sees (env and files with their sources); no view when it is not running or the worker is down. */
  containerView(namespace: string, pod: string, container?: string): Promise<ContainerViewResultMessage> {
    const id = this.nextId++;
    return new Promise<ContainerViewResultMessage>((resolve) => {
      if (!this.worker || this.status === 'crashed') {
        resolve({ type: 'containerView', id });
        return;
      }
      this.views.set(id, resolve);
      this.send({ type: 'containerView', id, namespace, pod, ...(container ? { container } : {}) });
    });
  }

  /** Simulate a crash (tests and the e2e "worker dies" check). */
  crashForTest(): void {
    this.crash('forced by test');
  }

  private request(make: (id: number) => ToWorker, id = this.nextId++): Promise<CommandResult> {
    return new Promise<CommandResult>((resolve) => {
      if (!this.worker || this.status === 'crashed') {
        this.outputs.delete(id);
        resolve({ stdout: '', stderr: 'error: the simulation is restarting; try again in a moment\n', exitCode: 1 });
        return;
      }
      this.pending.set(id, resolve);
      this.send(make(id));
    });
  }

  private send(msg: ToWorker): void {
    try {
      this.worker?.postMessage(msg);
    } catch (err) {
      this.crash(`postMessage failed: ${String(err)}`);
    }
  }

  private boot(snapshot: ClusterSnapshot | undefined): void {
    if (this.disposed) return;
    const worker = this.spawn();
    this.worker = worker;
    this.heard = false;
    this.lastMessage = this.now();
    worker.addEventListener('message', (e) => {
      if (worker !== this.worker) return; // a terminated worker's late message
      this.onMessage((e as MessageEvent<FromWorker>).data);
    });
    worker.addEventListener('error', (e) => {
      if (worker !== this.worker) return;
      e.preventDefault?.();
      this.crash((e as ErrorEvent).message || 'worker error');
    });
    worker.addEventListener('messageerror', () => {
      if (worker === this.worker) this.crash('message could not be deserialized');
    });
    worker.postMessage({ type: 'init', seed: this.opts.seed, workers: this.opts.workers, snapshot, playing: this.playing, speed: this.speed });
  }

  private onMessage(msg: FromWorker): void {
    this.lastMessage = this.now();
    this.heard = true;
    switch (msg.type) {
      case 'ready':
        this.setStatus('ready');
        this.cb.onReady(msg);
        break;
      case 'delta':
        this.playing = msg.playing;
        this.speed = msg.speed;
        for (const chunk of msg.output ?? []) this.outputs.get(chunk.id)?.(chunk);
        this.cb.onDelta(msg);
        break;
      case 'result': {
        const resolve = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        this.outputs.delete(msg.id);
        resolve?.(msg.result);
        break;
      }
      case 'explanation': {
        const resolve = this.explains.get(msg.id);
        this.explains.delete(msg.id);
        resolve?.(msg);
        break;
      }
      case 'containerView': {
        const resolve = this.views.get(msg.id);
        this.views.delete(msg.id);
        resolve?.(msg);
        break;
      }
      case 'snapshot':
        this.snapshot = msg.snapshot;
        break;
      case 'fatal':
        this.crash(msg.message);
        break;
    }
  }

  private checkHeartbeat(): void {
    if (!this.worker || this.status === 'crashed') return;
    if (!this.visible()) {
      this.lastMessage = this.now();
      return;
    }
    const limit = this.heard ? this.heartbeatMs : STARTUP_TIMEOUT_MS;
    if (this.now() - this.lastMessage > limit) this.crash(this.heard ? 'missed heartbeat' : 'the worker did not start');
  }

  private crash(detail: string): void {
    if (this.disposed) return;
    this.worker?.terminate();
    this.worker = undefined;
    this.setStatus('crashed', detail);
    this.failPending('the simulation stopped unexpectedly; run the command again');
    const t = this.now();
    this.crashes = this.crashes.filter((c) => t - c < RESTART_WINDOW_MS);
    this.crashes.push(t);
    // The snapshot itself may reproduce the failure: after 3 quick crashes start a fresh
    // cluster; after 6, stop trying and leave the banner up.
    if (this.crashes.length > 6) return;
    const snapshot = this.crashes.length > 3 ? undefined : this.snapshot;
    setTimeout(() => {
      this.setStatus('restarting', detail);
      this.boot(snapshot);
    }, 0);
  }

  private failPending(why: string): void {
    for (const resolve of this.pending.values()) resolve({ stdout: '', stderr: `error: ${why}\n`, exitCode: 1 });
    this.pending.clear();
    this.outputs.clear();
    for (const [id, resolve] of this.explains) resolve({ type: 'explanation', id });
    this.explains.clear();
    for (const [id, resolve] of this.views) resolve({ type: 'containerView', id });
    this.views.clear();
  }

  private setStatus(status: WorkerStatus, detail?: string): void {
    this.status = status;
    this.cb.onStatus(status, detail);
  }
}
