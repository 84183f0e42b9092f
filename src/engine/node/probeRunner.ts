/**
 * Running a container's probes on the virtual clock: prober/worker.go (run, doProbe) and what
 * the kubelet does with a changed result (prober_manager.go UpdatePodStatus for ready/started,
 * kuberuntime_manager.go computePodActions for a liveness/startup failure). The pod worker lends
 * itself as the host; the simulated results are prober.ts.
 */
import type { TimerHandle } from '../component.ts';
import type { Container } from '../scheduler/types.ts';
import type { ContainerRecord } from './podStatus.ts';
import { INITIAL, PROBE_NAME, probeDefaults, recordResult, simulateProbe, type ProbeWorker } from './prober.ts';

/** What the probes need from their pod worker. */
export interface ProbeHost {
  readonly podName: string;
  nowMs(): number;
  after(ms: number, fn: () => void): TimerHandle;
  cancel(h: TimerHandle | undefined): void;
  containerSpec(name: string): Container | undefined;
  currentPodIP(): string;
  isTerminating(): boolean;
  event(c: ContainerRecord, type: 'Normal' | 'Warning', reason: string, message: string): void;
  runtimeSpan(verb: string, kind: string, duration: number, summary: string, args: Record<string, string | number>): number;
  writeStatus(): void;
  /** The startup probe succeeded (a sidecar may now let the next container start). */
  onStarted(c: ContainerRecord): void;
  /** computePodActions: kill `c` with `message` (the probe's own grace period if it sets one), restart it or not. */
  killForProbe(c: ContainerRecord, message: string, probeGracePeriodS: number | undefined, restart: boolean): void;
  readonly restartPolicy: string;
}

type Inst = NonNullable<ContainerRecord['instance']>;

/** A new container of `c` runs: every probe starts over from its initial result. */
export function startProbes(h: ProbeHost, c: ContainerRecord): void {
  for (const w of c.probes!) {
    h.cancel(w.timer);
    w.timer = undefined;
    w.result = INITIAL[w.kind];
    w.lastResult = 'Unknown';
    w.resultRun = 0;
    w.onHold = false;
  }
  // Liveness and readiness wait until the startup probe has succeeded.
  const startup = c.probes!.find((w) => w.kind === 'startup');
  if (startup) scheduleProbe(h, c, startup);
  else startLivenessAndReadiness(h, c);
}

/** The container stopped or is being stopped: no more ticks. */
export function stopProbes(h: ProbeHost, c: ContainerRecord): void {
  for (const w of c.probes ?? []) {
    h.cancel(w.timer);
    w.timer = undefined;
  }
}

/**
 * The container has started. UpdatePodStatus triggers an immediate readiness run while a
 * started container has no readiness result yet, so with no initialDelaySeconds the container
 * can be Ready at once; otherwise probes tick every periodSeconds.
 */
function startLivenessAndReadiness(h: ProbeHost, c: ContainerRecord): void {
  const inst = c.instance!;
  for (const w of c.probes!) {
    if (w.kind === 'startup') continue;
    if (w.kind === 'readiness' && probeDefaults(w.probe).initialDelaySeconds === 0) w.timer = h.after(0, () => doProbe(h, c, w, inst));
    else scheduleProbe(h, c, w);
  }
}

/** Probes tick every periodSeconds from the container's start, none before initialDelaySeconds. */
function scheduleProbe(h: ProbeHost, c: ContainerRecord, w: ProbeWorker): void {
  const inst = c.instance;
  if (!inst) return;
  const d = probeDefaults(w.probe);
  const period = Math.max(1, d.periodSeconds) * 1000;
  const elapsed = h.nowMs() - inst.startWallMs;
  const k = Math.max(1, Math.ceil((d.initialDelaySeconds * 1000) / period), Math.floor(elapsed / period) + 1);
  w.timer = h.after(k * period - elapsed, () => doProbe(h, c, w, inst));
}

function doProbe(h: ProbeHost, c: ContainerRecord, w: ProbeWorker, inst: Inst): void {
  w.timer = undefined;
  if (h.isTerminating() || c.instance !== inst || c.phase !== 'running' || w.onHold) return;
  const spec = h.containerSpec(c.name) ?? { name: c.name };
  const r = simulateProbe(w.probe, spec, inst.proc, h.nowMs() - inst.startWallMs, h.currentPodIP(), c.forced?.has(w.kind) ?? false);
  if (!r.ok) h.event(c, 'Warning', 'Unhealthy', `${PROBE_NAME[w.kind]} probe failed: ${r.output}`);
  if (recordResult(w, r.ok)) onProbeResult(h, c, w, r.output);
  if (c.instance === inst && c.phase === 'running' && !w.onHold && !(w.kind === 'startup' && c.started)) scheduleProbe(h, c, w);
}

/** The result the kubelet acts on changed (or a liveness/startup failure reached its threshold). */
function onProbeResult(h: ProbeHost, c: ContainerRecord, w: ProbeWorker, output: string): void {
  const probe = w.kind;
  if (w.result === 'Failure') {
    const n = probeDefaults(w.probe).failureThreshold;
    h.runtimeSpan('ProbeFailed', 'probeFailed', 0,
      `The ${probe} probe of container ${c.name} in pod ${h.podName} failed ${n === 1 ? 'once' : `${n} times in a row`}${output ? `: ${output}` : '.'}`,
      { container: c.name, probe, message: output });
  } else {
    h.runtimeSpan('ProbeSucceeded', 'probeSucceeded', 0, `The ${probe} probe of container ${c.name} in pod ${h.podName} succeeds.`, { container: c.name, probe });
  }
  if (probe === 'readiness') {
    c.ready = w.result === 'Success' && c.started;
    return h.writeStatus();
  }
  if (probe === 'startup' && w.result === 'Success') {
    c.started = true;
    c.ready = (!c.init || c.sidecar) && !c.probes!.some((x) => x.kind === 'readiness');
    h.writeStatus();
    startLivenessAndReadiness(h, c);
    return h.onStarted(c);
  }
  // computePodActions: kill the container; restart it unless restartPolicy is Never.
  const restart = h.restartPolicy !== 'Never' || c.sidecar;
  stopProbes(h, c);
  h.killForProbe(c, `Container ${c.name} failed ${probe} probe${restart ? ', will be restarted' : ''}`,
    w.probe.terminationGracePeriodSeconds, restart);
}
