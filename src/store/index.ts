/**
 * The UI's zustand store (plan.md "UI contracts"). Components subscribe to the slice they draw
 * (one pod, one node's pod keys, the clock) so a few hundred pods stay smooth.
 */
import { create } from 'zustand';
import { Bridge, type WorkerLike, type WorkerStatus } from '../bridge/client.ts';
import type { CommandResult, DeltaMessage } from '../protocol/messages.ts';
import { hopMsFor } from '../protocol/messages.ts';
import type { ContainerView, Diagnostic, TrafficStatus } from '../protocol/types.ts';
import { applyObjectsBatch, applyTrace, emptyCluster, expireSpans, type ClusterSlice, type TraceSlice } from './reducers.ts';
import { takeChanges } from './batching.ts';
import { applyScheduling, clearLive, emptyScheduling, LIVE_HOPS, recordExplanations, schedulerPodKey, type SchedulingSlice } from './scheduling.ts';
import { appendResult, appendStream, appendTerminal, CTRL_C, type TerminalJob, type TerminalLine } from './terminal.ts';

export type { Playback } from './reducers.ts';
export { objectAt } from './reducers.ts';
export type { TerminalJob, TerminalLine } from './terminal.ts';
export type { WorkerStatus } from '../bridge/client.ts';
export type { NodeVerdict, ReasonCount } from './scheduling.ts';
export { activeExplanation, explanationOfSpan, nodeVerdicts, reasonHistogram, schedulerPodKey, verdictOf } from './scheduling.ts';

export interface Selection {
  kind: 'pod' | 'node' | 'span' | 'deployment' | 'replicaset' | 'configmap' | 'secret' | 'service' | 'ingress';
  /**
   * Objects: the store key (`pods/default/web-…`, `nodes//worker-1`,
   * `deployments.apps/default/web`, `replicasets.apps/default/web-7d4b9`, `configmaps/default/app`,
   * `secrets/default/db`, `services/default/web`, `ingresses.networking.k8s.io/default/shop`);
   * span: `String(span.id)`.
   */
  key: string;
}

/** The last command a UI button ran (shown beside the button, and in the terminal). */
export interface LastAction {
  line: string;
  result?: CommandResult;
}

export interface StoreState extends ClusterSlice, TraceSlice, SchedulingSlice {
  seed: number;
  workers: number;
  selection?: Selection;
  diagnostics: Diagnostic[];
  worker: WorkerStatus;
  /** Shown until dismissed after a crash; the detail is for the console, not the banner. */
  workerNotice?: { detail?: string };
  terminal: TerminalLine[];
  /** Commands running in the terminal, oldest first (typed ones and UI actions). */
  terminalJobs: TerminalJob[];
  /** Bumped when a UI action ran a command: the dock opens its terminal tab to show it. */
  terminalReveal: number;
  lastAction?: LastAction;
  /** Traffic generators running or stopped in the last minute (from the latest delta that had any). */
  traffic: TrafficStatus[];

  play(): void;
  pause(): void;
  step(): void;
  setSpeed(n: number): void;
  select(sel?: Selection): void;
  apply(text: string, file?: string): Promise<CommandResult>;
  /**
   * Run a line through the terminal. `typed`: entered at the prompt — the foreground job Ctrl+C
   * interrupts. Lines run concurrently, like kubectl in several terminals.
   */
  runTerminal(line: string, opts?: { typed?: boolean }): Promise<CommandResult>;
  /**
   * Ctrl+C at the prompt: interrupt the typed command if one runs; otherwise the shell discards
   * the line being typed and echoes it with `^C`.
   */
  ctrlC(input: string): void;
  /** The Stop button: interrupt every command running in the terminal. */
  stopTerminal(): void;
  /**
   * A UI action (Delete pod, Scale, Kill container …) as the command line it stands for: run
   * through the terminal's path, so the terminal shows the line and its output.
   */
  runAction(line: string): Promise<CommandResult>;
  clearTerminal(): void;
  dismissWorkerNotice(): void;
  /** Animation over: drop these spans from activeSpans. */
  expireSpans(ids: ReadonlySet<number>): void;
  /** What a running container sees (env and files with sources); undefined when not running. */
  containerView(namespace: string, pod: string, container?: string): Promise<ContainerView | undefined>;
  /** Start the worker; returns the cleanup (React effect). `spawn` replaces the worker in tests. */
  connect(opts?: { seed?: number; workers?: number; spawn?: () => WorkerLike }): () => void;
}

let bridge: Bridge | undefined;
/** How to interrupt each running terminal job (kept out of the state: functions, not data). */
const interrupts = new Map<number, () => void>();
let nextJobId = 1;

/**
 * Deltas wait for the next animation frame and are applied together, in order, as one store
 * update: when the main thread falls behind, a frame renders once, not once per queued message.
 * A timer backs the frame up, since hidden tabs get no animation frames.
 *
 * A frame applies at most {@link MAX_CHANGES_PER_FRAME} object changes: an Apply of 300 pods
 * (or the scheduler binding them all) then mounts its chips over a few frames instead of in one
 * long task. Past {@link MAX_BACKLOG} queued deltas everything is applied at once, so the picture
 * never lags the simulation by more than a few frames.
 */
const FLUSH_FALLBACK_MS = 100;
const MAX_CHANGES_PER_FRAME = 60;
const MAX_BACKLOG = 8;
let pending: DeltaMessage[] = [];
let flushFrame = 0;
let flushTimer: ReturnType<typeof setTimeout> | undefined;

function flushDeltas(): void {
  if (flushFrame && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(flushFrame);
  if (flushTimer !== undefined) clearTimeout(flushTimer);
  flushFrame = 0;
  flushTimer = undefined;
  const { batch, rest } = pending.length > MAX_BACKLOG ? { batch: pending, rest: [] } : takeChanges(pending, MAX_CHANGES_PER_FRAME);
  pending = rest;
  if (pending.length > 0) scheduleFlush();
  if (batch.length === 0) return;
  const liveBefore = useStore.getState().liveScheduling;
  useStore.setState((s) => {
    // Objects of the whole batch at once (each map and list copied once), then the trace in order.
    let next: StoreState = applyObjectsBatch(s, batch);
    for (const d of batch) next = applyScheduling(applyTrace(next, d), d.released, d.reset);
    // Deltas without a table mean no generator is running or recently stopped.
    const traffic = batch.at(-1)!.traffic ?? [];
    if (traffic.length || next.traffic.length) next = { ...next, traffic };
    return next;
  });
  const live = useStore.getState().liveScheduling;
  if (live && live !== liveBefore) armLive(live.spanId);
  // A (re)started worker sends a reset first and has forgotten the pin: pin and fetch again,
  // after the reset has cleared the old cluster's explanations.
  if (batch.some((d) => d.reset)) {
    const pod = selectedPod(useStore.getState().selection);
    if (pod) syncPin(pod);
  }
}

/**
 * The node cards show a just-released scheduling attempt for {@link LIVE_HOPS} hop durations of
 * playing time (paused, it stays until the next attempt or Play).
 */
let liveTimer: ReturnType<typeof setTimeout> | undefined;
function armLive(spanId: number): void {
  if (liveTimer !== undefined) clearTimeout(liveTimer);
  const tick = () => {
    liveTimer = undefined;
    const s = useStore.getState();
    if (s.liveScheduling?.spanId !== spanId) return;
    if (!s.playback.playing) liveTimer = setTimeout(tick, LIVE_HOPS * s.hopMs);
    else useStore.setState((st) => clearLive(st, spanId));
  };
  liveTimer = setTimeout(tick, LIVE_HOPS * useStore.getState().hopMs);
}

const selectedPod = (sel: Selection | undefined) => (sel?.kind === 'pod' ? schedulerPodKey(sel.key) : undefined);

/**
 * Pin the selected pod in kube-scheduler (full detail for its attempts) and fetch its latest
 * attempt, in case no span brought it (an older pod, a restored worker); unpin on deselect.
 */
function syncPin(pod: string | undefined): void {
  if (!bridge) return;
  if (!pod) {
    void bridge.explain(undefined, false);
    return;
  }
  void bridge.explain(pod, true).then((m) => {
    const e = m.explanation;
    if (!e) return;
    useStore.setState((s) => {
      const explanations = recordExplanations(s.explanations, [e]);
      return explanations === s.explanations ? s : { explanations };
    });
  });
}

function scheduleFlush(): void {
  if (flushTimer !== undefined) return;
  if (typeof requestAnimationFrame === 'function') flushFrame = requestAnimationFrame(flushDeltas);
  flushTimer = setTimeout(flushDeltas, FLUSH_FALLBACK_MS);
}

function queueDelta(delta: DeltaMessage): void {
  if (delta.reset) pending = []; // a reset replaces everything before it
  pending.push(delta);
  scheduleFlush();
}

const notConnected: CommandResult = { stdout: '', stderr: 'error: the simulation is not running\n', exitCode: 1 };

export const useStore = create<StoreState>()((set, get) => ({
  ...emptyCluster(),
  ...emptyScheduling(),
  spans: [],
  activeSpans: [],
  narration: undefined,
  hopMs: hopMsFor(1),
  busy: false,
  playback: { playing: true, speed: 1, now: 0, epochMs: 0 },
  seed: 7,
  workers: 3,
  selection: undefined,
  diagnostics: [],
  worker: 'starting',
  workerNotice: undefined,
  terminal: [],
  terminalJobs: [],
  traffic: [],
  terminalReveal: 0,
  lastAction: undefined,

  play() {
    set((s) => ({ playback: { ...s.playback, playing: true } }));
    bridge?.play();
  },
  pause() {
    set((s) => ({ playback: { ...s.playback, playing: false } }));
    bridge?.pause();
  },
  step() {
    set((s) => ({ playback: { ...s.playback, playing: false } }));
    bridge?.step();
  },
  setSpeed(n) {
    if (!(n > 0)) return;
    set((s) => ({ playback: { ...s.playback, speed: n }, hopMs: hopMsFor(n) }));
    bridge?.setSpeed(n);
  },
  select(sel) {
    const before = selectedPod(get().selection);
    set((s) => (s.selection?.key === sel?.key ? { selection: sel } : { selection: sel, lastAction: undefined }));
    const after = selectedPod(sel);
    if (after !== before) syncPin(after);
  },
  async apply(text, file = 'manifest.yaml') {
    if (!bridge) return notConnected;
    const result = await bridge.apply(text, file);
    set({ diagnostics: result.diagnostics ?? [] });
    return result;
  },
  async runTerminal(line, opts = {}) {
    const job: TerminalJob = { id: nextJobId++, line, typed: !!opts.typed };
    set((s) => ({ terminal: appendTerminal(s.terminal, { kind: 'input', text: line, cmd: job.id }), terminalJobs: [...s.terminalJobs, job] }));
    let result = notConnected;
    const b = bridge;
    if (b) {
      // What it prints shows under its line as it prints it; the result then replaces that preview.
      const run = b.runLine(line, (c) => set((s) => ({ terminal: appendStream(s.terminal, job.id, c.stream, c.text) })));
      interrupts.set(job.id, () => b.cancel(run.id));
      try {
        result = await run.result;
      } finally {
        interrupts.delete(job.id);
      }
    }
    set((s) => ({ terminal: appendResult(s.terminal, job.id, result), terminalJobs: s.terminalJobs.filter((j) => j.id !== job.id) }));
    return result;
  },
  ctrlC(input) {
    const fg = get().terminalJobs.filter((j) => j.typed).at(-1);
    if (fg) {
      interrupts.get(fg.id)?.();
      return;
    }
    set((s) => ({ terminal: appendTerminal(s.terminal, { kind: 'input', text: input + CTRL_C }) }));
  },
  stopTerminal() {
    for (const j of get().terminalJobs) interrupts.get(j.id)?.();
  },
  async runAction(line) {
    set((s) => ({ terminalReveal: s.terminalReveal + 1, lastAction: { line } }));
    const result = await get().runTerminal(line);
    set((s) => (s.lastAction?.line === line && !s.lastAction.result ? { lastAction: { line, result } } : s));
    return result;
  },
  clearTerminal() {
    set({ terminal: [] });
  },
  dismissWorkerNotice() {
    set({ workerNotice: undefined });
  },
  expireSpans(ids) {
    set((s) => {
      const activeSpans = expireSpans(s.activeSpans, ids);
      return activeSpans === s.activeSpans ? s : { activeSpans };
    });
  },
  async containerView(namespace, pod, container) {
    if (!bridge) return undefined;
    return (await bridge.containerView(namespace, pod, container)).view;
  },
  connect(opts = {}) {
    const seed = opts.seed ?? get().seed;
    const workers = opts.workers ?? get().workers;
    bridge?.dispose();
    const mine = new Bridge(
      { seed, workers, ...(opts.spawn ? { spawn: opts.spawn } : {}) },
      {
        onDelta: (delta: DeltaMessage) => {
          if (bridge === mine) queueDelta(delta);
        },
        onReady: (ready) => set({ seed: ready.seed, workers: ready.workers }),
        onStatus: (status, detail) => {
          if (status === 'crashed') console.error(`[desired-state] simulation worker stopped: ${detail ?? ''}`);
          set((s) => ({
            worker: status,
            workerNotice: status === 'crashed' || status === 'restarting' ? { detail } : s.workerNotice,
          }));
        },
      },
    );
    bridge = mine;
    set({ seed, workers, worker: 'starting' });
    mine.start();
    return () => {
      mine.dispose();
      if (bridge === mine) {
        bridge = undefined;
        pending = [];
      }
    };
  },
}));

/** For e2e tests: force a worker crash to exercise recovery. */
export function crashWorkerForTest(): void {
  bridge?.crashForTest();
}

// e2e hook: `window.__desiredState.crashWorker()` (there is no other way to kill a worker from a test).
if (typeof window !== 'undefined') {
  (window as unknown as { __desiredState?: unknown }).__desiredState = { crashWorker: crashWorkerForTest };
}
