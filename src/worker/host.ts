/**
 * The worker's host logic, free of Worker globals so it runs under vitest: owns the cluster,
 * the pacer, the coalescer, and answers every ToWorker message. The Worker entry
 * (sim.worker.ts) only wires `post`, the clock and the frame timer.
 */
import type { Cluster, ClusterOptions, ClusterSnapshot, KubeObject } from '../engine/types.ts';
import type { RestRequest } from '../engine/apiserver/types.ts';
import type { CancelSignal, KubectlIO, OutputStream } from '../kubectl/types.ts';
import type { CommandResult, FromWorker, OutputChunk, RestCall, ToWorker, Upsert } from '../protocol/messages.ts';
import { objectKey } from '../protocol/messages.ts';
import type { KubectlResult, Span } from '../protocol/types.ts';
import { Coalescer, UI_RESOURCES, toUpsert } from './coalescer.ts';
import { Pacer } from './pacer.ts';

/** What the host needs from the engine, kubectl and the script runner (injected for tests). */
export interface HostDeps {
  createCluster(opts: ClusterOptions): Cluster;
  restoreCluster(snapshot: ClusterSnapshot): Cluster;
  /** `kubectl(argv, io)`; argv excludes the word `kubectl`. */
  kubectl(argv: string[], io: KubectlIO): Promise<KubectlResult>;
  /** Run one terminal line (`kubectl …`, `sim …`, `sleep …`) as the script runner does; without it only `kubectl …` runs. */
  runLine?(line: string, cluster: Cluster, io: KubectlIO): Promise<KubectlResult>;
  post(msg: FromWorker): void;
  /** Wall-clock ms (performance.now in the worker, a fake in tests). */
  wallNow(): number;
}

/** Collection paths used to list what the UI draws when a cluster (re)starts. */
const LIST_PATHS: Record<string, string> = {
  pods: '/api/v1/pods',
  nodes: '/api/v1/nodes',
  events: '/api/v1/events',
  namespaces: '/api/v1/namespaces',
  'deployments.apps': '/apis/apps/v1/deployments',
  'replicasets.apps': '/apis/apps/v1/replicasets',
  'leases.coordination.k8s.io': '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases',
  'poddisruptionbudgets.policy': '/apis/policy/v1/poddisruptionbudgets',
  'priorityclasses.scheduling.k8s.io': '/apis/scheduling.k8s.io/v1/priorityclasses',
  configmaps: '/api/v1/configmaps',
  secrets: '/api/v1/secrets',
  services: '/api/v1/services',
  'endpointslices.discovery.k8s.io': '/apis/discovery.k8s.io/v1/endpointslices',
  'ingresses.networking.k8s.io': '/apis/networking.k8s.io/v1/ingresses',
  'ingressclasses.networking.k8s.io': '/apis/networking.k8s.io/v1/ingressclasses',
};

/** Spans kept per delta in busy mode (the store keeps ~300 anyway). */
const MAX_RELEASED_PER_DELTA = 300;
/** A delta is sent at least this often even when nothing changed: the heartbeat. */
const HEARTBEAT_MS = 1000;
/** Minimum wall gap between deltas that only advance the clock. */
const CLOCK_ONLY_MS = 100;
/** How often the host posts a snapshot while running. */
const SNAPSHOT_EVERY_MS = 5000;

export interface Host {
  handle(msg: ToWorker): void;
  /** One animation frame: advance the pacer, flush the delta. */
  frame(): void;
}

/** Create the host; nothing happens until an `init` message arrives. */
export function createHost(deps: HostDeps): Host {
  let cluster: Cluster | undefined;
  let pacer: Pacer | undefined;
  const newCoalescer = () => new Coalescer(UI_RESOURCES);
  let coalescer = newCoalescer();
  let released: Span[] = [];
  let muteSpans = false;
  /** Id of the last span the engine recorded, and of the last one released to the diagram. */
  let lastRecorded = 0;
  let lastReleased = 0;
  let reset: Upsert[] | undefined;
  let lastDeltaWall = 0;
  let lastSnapshotWall = 0;
  let lastSentNow = -1;
  let unsubscribe: (() => void)[] = [];
  /**
   * Commands waiting for virtual time. A sleeper wakes when the clock reaches `at`, when its
   * `done()` holds (checked each frame), or when its command is interrupted.
   */
  const sleepers: { at: number; resolve: () => void; signal?: CancelSignal; done?: () => boolean }[] = [];
  /** Running terminal lines and Applies by request id, so a `cancel` can interrupt one. */
  const jobs = new Map<number, AbortController>();
  /**
   * What running terminal commands printed since the last delta, oldest first: sent with the
   * next frame's delta, so a `get -w` row shows while the watch runs.
   */
  let output: OutputChunk[] = [];
  /** The last applied editor text, so `kubectl apply -f manifest.yaml` works in the terminal too. */
  let lastFiles: Record<string, string> = {};

  const post = (msg: FromWorker) => {
    try {
      deps.post(msg);
    } catch (err) {
      // A non-cloneable payload must not kill the frame loop; report it once.
      deps.post({ type: 'fatal', message: `postMessage failed: ${String(err)}` });
    }
  };

  const release = (spans: Span[]) => {
    if (spans.length) {
      released.push(...spans);
      lastReleased = spans[spans.length - 1].id;
    }
    if (released.length > MAX_RELEASED_PER_DELTA) released = released.slice(-MAX_RELEASED_PER_DELTA);
  };

  const wakeSleepers = () => {
    if (!cluster || sleepers.length === 0) return;
    const now = cluster.now();
    for (let i = sleepers.length - 1; i >= 0; i--) {
      const s = sleepers[i];
      if (s.at <= now || s.signal?.aborted || s.done?.()) sleepers.splice(i, 1)[0].resolve();
    }
  };

  const snapshot = () => {
    if (!cluster) return;
    try {
      post({ type: 'snapshot', snapshot: cluster.snapshot() });
    } catch (err) {
      post({ type: 'fatal', message: `snapshot failed: ${String(err)}` });
    }
    lastSnapshotWall = deps.wallNow();
  };

  const listAll = (c: Cluster): Upsert[] => {
    const out: Upsert[] = [];
    muteSpans = true;
    try {
      for (const resource of UI_RESOURCES) {
        // `quiet`: the UI's own listing is not a hop of the story (the API server records no span).
        const req = { verb: 'GET', path: LIST_PATHS[resource], userAgent: 'desired-state-ui', quiet: true } as RestRequest;
        const res = c.handle(req);
        const items = (res.body as { items?: KubeObject[] } | undefined)?.items ?? [];
        for (const obj of items) out.push(toUpsert(objectKey(resource, obj), resource, obj));
      }
    } finally {
      muteSpans = false;
    }
    return out;
  };

  const start = (msg: Extract<ToWorker, { type: 'init' }>) => {
    for (const u of unsubscribe) u();
    unsubscribe = [];
    // Commands still waiting on the old cluster end as interrupted (the bridge has already failed them).
    for (const job of jobs.values()) job.abort();
    jobs.clear();
    for (const s of sleepers.splice(0)) s.resolve();
    released = [];
    output = [];
    lastRecorded = 0;
    lastReleased = 0;
    coalescer = newCoalescer();
    const c = msg.snapshot ? deps.restoreCluster(msg.snapshot) : deps.createCluster({ seed: msg.seed, workers: msg.workers });
    cluster = c;
    const p = new Pacer(c);
    pacer = p;
    if (msg.speed) p.setSpeed(msg.speed);
    unsubscribe.push(c.onSpan((span) => {
      lastRecorded = span.id;
      if (!muteSpans) p.enqueue(span);
    }));
    unsubscribe.push(c.onChange((change) => coalescer.record(change, lastRecorded)));
    reset = listAll(c);
    coalescer = newCoalescer(); // the listing already holds the current objects
    post({ type: 'ready', seed: c.options.seed, workers: c.options.workers, epochMs: c.epochMs });
    if (msg.playing ?? true) p.play(deps.wallNow());
    flush(true);
    snapshot();
  };

  /**
   * kubectl's access to the cluster for one command. With `calls`, every request that became a
   * `kubectl → kube-apiserver` hop (a span with `from: 'kubectl'`) is noted with its response
   * code: per command, so an Apply and a blocking terminal command running at once keep theirs apart.
   * With `signal`, an interrupt wakes the command's waits at once (kubectl then exits 130).
   * With `onOutput`, what the command prints is handed over as it prints it.
   */
  const io = (files: Record<string, string> = lastFiles, calls?: RestCall[], signal?: CancelSignal, onOutput?: KubectlIO['onOutput']): KubectlIO => ({
    request: (req) => {
      const res = cluster!.handle(req);
      if (calls && res.spanId && (req.from ?? 'kubectl') === 'kubectl') {
        calls.push({ method: req.verb, path: withQuery(req.path, req.query), code: res.code, spanId: res.spanId });
      }
      return res;
    },
    watch: (path, query, onEvent) => cluster!.watch(path, query, onEvent),
    trace: (span) => { cluster!.recordSpan(span); },
    nowMs: () => cluster!.epochMs + cluster!.now(),
    sleep: (ms) => new Promise<void>((resolve) => {
      sleepers.push({ at: cluster!.now() + Math.max(0, ms), resolve, signal });
      wakeSleepers();
    }),
    sleepUntil: (ms, done) => new Promise<void>((resolve) => {
      sleepers.push({ at: cluster!.now() + Math.max(0, ms), resolve, signal, done });
      wakeSleepers();
    }),
    ...(signal ? { signal } : {}),
    ...(onOutput ? { onOutput } : {}),
    readFile: (path) => files[path],
  });

  /**
   * Run a command with its own request log and interrupt signal; the result carries the REST
   * requests it became. Commands run concurrently, like kubectl processes in several terminals:
   * a blocked `rollout status` never holds up an Apply or a UI action.
   */
  const answer = (id: number, work: (calls: RestCall[], signal: CancelSignal) => Promise<KubectlResult>) => {
    const calls: RestCall[] = [];
    const job = new AbortController();
    jobs.set(id, job);
    const withCalls = (result: KubectlResult): CommandResult => {
      // Whatever the line was (kubectl, `sleep`, `sim traffic`), an interrupted one exits 128 + SIGINT.
      const r: CommandResult = job.signal.aborted ? { ...result, exitCode: 130, interrupted: true } : result;
      return calls.length ? { ...r, requests: calls } : r;
    };
    let p: Promise<KubectlResult>;
    try {
      p = work(calls, job.signal);
    } catch (err) {
      p = Promise.reject(err);
    }
    const settle = (result: KubectlResult) => {
      // The result carries the whole output: chunks not yet sent would only repeat it.
      if (output.length) output = output.filter((c) => c.id !== id);
      post({ type: 'result', id, result: withCalls(result) });
    };
    p.then(settle, (err: unknown) => settle(internalError(err))).finally(() => {
      if (jobs.get(id) === job) jobs.delete(id);
      flush(true);
      snapshot();
    });
  };

  /** Queue a running terminal command's write for the next frame, merged with its previous one. */
  const queueOutput = (id: number, stream: OutputStream, text: string) => {
    const last = output.at(-1);
    if (last && last.id === id && last.stream === stream) last.text += text;
    else output.push({ id, stream, text });
  };

  const runTerminal = async (id: number, line: string, calls: RestCall[], signal: CancelSignal): Promise<KubectlResult> => {
    const termIo = io(lastFiles, calls, signal, (stream, text) => queueOutput(id, stream, text));
    if (deps.runLine) return deps.runLine(line, cluster!, termIo);
    const words = splitWords(line.trim());
    if (words.length === 0) return { stdout: '', stderr: '', exitCode: 0 };
    if (words[0] === 'kubectl') return deps.kubectl(words.slice(1), termIo);
    return { stdout: '', stderr: `${words[0]}: command not found\n`, exitCode: 127 };
  };

  /**
   * Send a delta when something changed (or as heartbeat / clock tick). Terminal output goes
   * only with the frame's delta (`withOutput`): a command that finishes without waiting answers
   * before the next frame, and its result alone shows what it printed.
   */
  function flush(force = false, withOutput = false): void {
    if (!cluster || !pacer) return;
    const wall = deps.wallNow();
    const now = cluster.now();
    // Objects change in step with the story: a change waits until the span before it is shown.
    const upTo = pacer.queued === 0 ? Number.POSITIVE_INFINITY : lastReleased;
    const sendOutput = withOutput && output.length > 0;
    const changed = coalescer.ready(upTo) || released.length > 0 || reset !== undefined || sendOutput;
    // A delta that would only move the clock is sent ~10×/s: the header shows whole seconds.
    const clockOnly = now !== lastSentNow && wall - lastDeltaWall >= CLOCK_ONLY_MS;
    if (!force && !changed && !clockOnly && wall - lastDeltaWall < HEARTBEAT_MS) return;
    const { upserts, deletes } = coalescer.take(upTo);
    // Live traffic tables ride with every delta while a generator runs (or stopped in the last minute).
    const traffic = cluster.trafficStatus?.();
    post({
      type: 'delta',
      now,
      epochMs: cluster.epochMs,
      playing: pacer.playing,
      speed: pacer.speed,
      busy: pacer.busy,
      ...(reset ? { reset: true } : {}),
      upserts: reset ? [...reset, ...upserts] : upserts,
      deletes: reset ? [] : deletes,
      released,
      ...(sendOutput ? { output } : {}),
      ...(traffic?.length ? { traffic } : {}),
    });
    if (sendOutput) output = [];
    reset = undefined;
    released = [];
    lastDeltaWall = wall;
    lastSentNow = now;
  }

  /**
   * kube-scheduler's latest attempt for a pod, and pinning (the UI's selected pod keeps full
   * detail). Read-only for the cluster's story: no flush, no snapshot, no span.
   */
  const explain = (msg: Extract<ToWorker, { type: 'explain' }>) => {
    const sched = cluster?.scheduling;
    if (sched && msg.pin !== undefined) sched.pin(msg.pin ? msg.pod : undefined);
    const explanation = sched && msg.pod ? sched.explain(msg.pod) : undefined;
    post({ type: 'explanation', id: msg.id, ...(msg.pod ? { pod: msg.pod } : {}), ...(explanation ? { explanation } : {}) });
  };

  /** What a running container sees, for the inspector. Read-only like `explain`. */
  const containerView = (msg: Extract<ToWorker, { type: 'containerView' }>) => {
    const view = cluster?.containerView?.(msg.namespace, msg.pod, msg.container);
    post({ type: 'containerView', id: msg.id, ...(view ? { view } : {}) });
  };

  const guarded = (what: string, fn: () => void) => {
    try {
      fn();
    } catch (err) {
      post({ type: 'fatal', message: `${what}: ${err instanceof Error ? err.stack ?? err.message : String(err)}` });
    }
  };

  return {
    handle(msg) {
      guarded(msg.type, () => {
        if (msg.type === 'init') return start(msg);
        if (msg.type === 'cancel') {
          // Only the client stops: nothing in the cluster changes, so no flush or snapshot here.
          jobs.get(msg.id)?.abort();
          wakeSleepers();
          return;
        }
        if (msg.type === 'explain') return explain(msg);
        if (msg.type === 'containerView') return containerView(msg);
        if (!cluster || !pacer) {
          if (msg.type === 'apply' || msg.type === 'terminal') {
            post({ type: 'result', id: msg.id, result: { stdout: '', stderr: 'error: the cluster is not ready yet\n', exitCode: 1 } });
          }
          return;
        }
        switch (msg.type) {
          case 'play': pacer.play(deps.wallNow()); break;
          case 'pause': pacer.pause(); break;
          case 'speed': pacer.setSpeed(msg.speed); break;
          case 'step':
            release(pacer.step(deps.wallNow()));
            wakeSleepers();
            break;
          case 'apply': {
            const files = { [msg.file]: msg.text };
            lastFiles = files;
            answer(msg.id, (calls, signal) => deps.kubectl(['apply', '-f', msg.file], io(files, calls, signal)));
            break;
          }
          case 'terminal': answer(msg.id, (calls, signal) => runTerminal(msg.id, msg.line, calls, signal)); break;
        }
        flush(true);
        if (msg.type !== 'apply' && msg.type !== 'terminal') snapshot(); // those snapshot when answered
      });
    },
    frame() {
      guarded('frame', () => {
        if (!cluster || !pacer) return;
        release(pacer.tick(deps.wallNow()));
        wakeSleepers();
        flush(false, true);
        if (deps.wallNow() - lastSnapshotWall >= SNAPSHOT_EVERY_MS) snapshot();
      });
    },
  };
}

/** `path?k=v&…` as kubectl logs a request URL (the query in the order kubectl set it). */
export function withQuery(path: string, query: Record<string, string> | undefined): string {
  if (!query) return path;
  const q = new URLSearchParams(query).toString();
  return q ? `${path}?${q}` : path;
}

/** A KubectlResult for a bug in kubectl or the engine (never thrown at the user). */
function internalError(err: unknown): KubectlResult {
  const message = err instanceof Error ? err.message : String(err);
  return { stdout: '', stderr: `error: internal error in the simulator: ${message}\n`, exitCode: 1 };
}

/** Split a command line into words as a POSIX shell would (quotes and backslashes). */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else cur += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = undefined;
      else if (ch === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) cur += line[++i];
      else cur += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      cur += line[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else if (ch === '#' && !inWord) {
      break;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  return words;
}
