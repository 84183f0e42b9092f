/**
 * One pod on one node: sandbox, then images and containers in order, restarts with back-off,
 * probes, OOM kills, graceful termination. Mirrors pkg/kubelet/pod_workers.go +
 * kuberuntime/kuberuntime_manager.go (SyncPod, computePodActions, doBackOff),
 * kuberuntime_container.go (startContainer, killContainer) and
 * images/image_manager.go (EnsureImageExists). Probes run in probeRunner.ts, the stop sequence
 * (preStop, SIGTERM, SIGKILL) is containerStop.ts, the process model process.ts.
 */
import { memoryBytes } from '../api/quantity.ts';
import type { TimerHandle } from '../component.ts';
import { parseImageRef } from '../registry/reference.ts';
import type { Container, V1Pod } from '../scheduler/types.ts';
import type { SimResult } from '../types.ts';
import type { KubeletCore, PodLogs } from './kubelet.ts';
import { goDuration } from './goDuration.ts';
import { instanceLines, newInstance, pickInstance } from './containerLogs.ts';
import { stopContainer, type StopHost } from './containerStop.ts';
import { generatePodStatus, type ContainerRecord } from './podStatus.ts';
import { probeWorkers, type ProbeWorker } from './prober.ts';
import { startProbes, stopProbes, type ProbeHost } from './probeRunner.ts';
import { CREATE_CONTAINER_MS, processModel, SANDBOX_MS, START_CONTAINER_MS } from './runtime.ts';
import { apiConfigSource, expand, type ConfigPurpose, type ConfigSource } from './envInjection.ts';
import { containerStartEnv, type StartEnv } from './containerView.ts';
import { execCommand, type ExecResult } from './exec.ts';
import { PodMounts, readMounted } from './podMounts.ts';
import { MOUNT_RETRY_INITIAL_MS, MOUNT_RETRY_MAX_MS, VOLUME_SYNC_MS } from './volumes.ts';

/** The kubelet re-syncs a pod shortly after a failed image pull; the next sync shows the back-off. */
export const ERROR_RESYNC_MS = 1_000;
/** A container whose limit is below its working set is OOM-killed this long after it started. */
export const OOM_AFTER_MS = 500;
/**
 * A sync that failed (CreateContainerConfigError) is retried after the pod worker's back-off
 * period (kubelet.go backOffPeriod = 10s); nothing watches the ConfigMap to retry sooner.
 */
export const CONFIG_RETRY_MS = 10_000;
/** Shared by every container without env (100k pods hold no arrays of their own). */
const NO_START_ENV: StartEnv = { env: [], sources: [] };

export class PodWorker implements ProbeHost {
  pod: V1Pod;
  readonly containers: ContainerRecord[];
  private readonly specs = new Map<string, Container>();
  /** The environment each container was last created with, with sources (it never changes while it runs). */
  envs?: Map<string, StartEnv>;
  /** configMap/secret volumes, made only for pods that mount one. */
  mounts?: PodMounts;
  private sandboxReady = false;
  private ipReleased = false;
  private podIP?: string;
  private readonly startTime: string;
  private timers = new Set<TimerHandle>();
  private terminating = false;
  private gone = false;
  /** Containers stopped while the machine was down: the DELETE that confirms it waits for recovery. */
  private deletePending = false;
  /** Index into `containers` of the next one to start. */
  private next = 0;
  private causeId?: number;
  /** A sidecar whose startup probe must succeed before the next container starts. */
  private awaitingSidecar?: ContainerRecord;

  constructor(readonly k: KubeletCore, pod: V1Pod, causeId: number | undefined) {
    this.pod = pod;
    this.causeId = causeId;
    this.startTime = k.ctx.clock.timestamp();
    const hasInit = (pod.spec?.initContainers ?? []).length > 0;
    const rec = (c: Container, init: boolean): ContainerRecord => {
      this.specs.set(c.name, c);
      const probes = probeWorkers(c);
      return {
        name: c.name, specImage: c.image ?? '', init, sidecar: init && c.restartPolicy === 'Always', phase: 'waiting',
        reason: hasInit ? 'PodInitializing' : 'ContainerCreating', ready: false, started: false, restartCount: 0,
        // Declared up front: one object shape, the fields in-object rather than in a backing store.
        instance: undefined, prevInstance: undefined, probes,
      };
    };
    this.containers = [
      ...(pod.spec?.initContainers ?? []).map((c) => rec(c, true)),
      ...(pod.spec?.containers ?? []).map((c) => rec(c, false)),
    ];
    if (hasInit) for (const c of this.containers) if (c.init) c.reason = 'PodInitializing';
  }

  private get ns(): string {
    return this.pod.metadata.namespace ?? 'default';
  }
  private get name(): string {
    return this.pod.metadata.name;
  }
  private get uid(): string {
    return this.pod.metadata.uid ?? '';
  }

  after(ms: number, fn: () => void): TimerHandle {
    const h = this.k.ctx.clock.after(ms, () => {
      this.timers.delete(h);
      if (!this.gone) fn();
    });
    this.timers.add(h);
    return h;
  }

  cancel(h: TimerHandle | undefined): void {
    if (!h) return;
    h.cancel();
    this.timers.delete(h);
  }

  /** What the stop sequence (containerStop.ts) needs from this worker. */
  private stopHost(): StopHost {
    return {
      nodeName: this.k.nodeName, podName: this.name, podIP: () => this.podIP ?? '', nowMs: () => this.k.ctx.clock.nowMs(),
      after: (ms, fn) => void this.after(ms, fn), event: (c, t, r, m) => this.event(c, t, r, m),
      runtimeSpan: (verb, kind, d, summary, args) => this.runtimeSpan(verb, kind, d, summary, args),
    };
  }

  /** Whether the pod's status as last computed was terminal (Succeeded/Failed). */
  isTerminal(): boolean {
    const p = this.pod.status?.phase;
    return p === 'Succeeded' || p === 'Failed' || (!this.sandboxReady && this.ipReleased);
  }

  event(c: ContainerRecord | undefined, type: 'Normal' | 'Warning', reason: string, message: string): void {
    // A kubelet that cannot reach the API server loses its events (the recorder has no retry queue here).
    if (this.k.down) return;
    this.k.recorder.event(this.pod, type, reason, message, c ? { fieldPath: this.k.shared(`spec.${c.init ? 'initContainers' : 'containers'}{${c.name}}`) } : undefined);
  }

  runtimeSpan(verb: string, kind: string, duration: number, summary: string, args: Record<string, string | number>, from: 'kubelet' | 'runtime' = 'kubelet'): number {
    return this.k.ctx.trace({
      from, to: from === 'kubelet' ? 'runtime' : 'kubelet', node: this.k.nodeName, verb, kind, duration, causeId: this.causeId,
      object: `Pod/${this.ns}/${this.name}`, args: { pod: this.name, node: this.k.nodeName, ...args }, summary,
    }).id;
  }

  /** Writes the status the kubelet computes now (PATCH pods/{name}/status). */
  writeStatus(podIsTerminal = false): void {
    if (this.gone) return;
    if (this.k.down) {
      this.k.unsynced.add(this);
      return;
    }
    const status = generatePodStatus({
      pod: this.pod, containers: this.containers, sandboxReady: this.sandboxReady, hostIP: this.k.machine.internalIP,
      podIP: this.podIP, startTime: this.startTime, now: this.k.ctx.clock.timestamp(), podIsTerminal,
    });
    const res = this.k.ctx.request({
      verb: 'PATCH', path: `/api/v1/namespaces/${this.ns}/pods/${this.name}/status`, body: { status },
      patchType: 'application/merge-patch+json', causeId: this.causeId, userAgent: this.k.userAgent,
    });
    if (res.code < 300) this.pod = res.body as V1Pod;
  }

  /** syncPod, first time: status, then RunPodSandbox. */
  start(): void {
    this.writeStatus();
    this.mountVolumes(() => this.runSandbox());
  }

  /**
   * WaitForAttachAndMount: every configMap/secret volume is set up before the sandbox; a failure
   * is a FailedMount event and a retry with the operation back-off (the pod stays ContainerCreating).
   */
  private mountVolumes(then: () => void, delay = MOUNT_RETRY_INITIAL_MS): void {
    if (this.terminating) return;
    if (!PodMounts.needed(this.pod)) return then();
    const failed = (this.mounts ??= new PodMounts()).mountAll(this.pod, (v) => this.configSource({ volume: v }, true));
    if (failed) {
      this.event(undefined, 'Warning', 'FailedMount', `MountVolume.SetUp failed for volume "${failed.volume}" : ${failed.error}`);
      this.after(delay, () => this.mountVolumes(then, Math.min(delay * 2, MOUNT_RETRY_MAX_MS)));
      return;
    }
    this.after(VOLUME_SYNC_MS, () => this.syncVolumes());
    then();
  }

  /** The periodic sync rewrites mounted files from the current objects. */
  private syncVolumes(): void {
    if (this.terminating) return;
    if (!this.k.down) this.mounts?.sync(this.pod, (v) => this.configSource({ volume: v, sync: true }, true), this.k.nodeName, this.k.ctx.trace, this.causeId);
    this.after(VOLUME_SYNC_MS, () => this.syncVolumes());
  }

  private runSandbox(): void {
    this.runtimeSpan('RunPodSandbox', 'runtimeCreateSandbox', SANDBOX_MS, `The kubelet on ${this.k.nodeName} asks containerd to create the sandbox for pod ${this.name}.`, {});
    this.after(SANDBOX_MS, () => {
      this.podIP = this.k.runtime.allocateIP();
      this.sandboxReady = true;
      this.startNext();
    });
  }

  /** Starts containers in order: each init container must finish before the next one. */
  private startNext(): void {
    if (this.terminating) return;
    const c = this.containers[this.next];
    if (!c) {
      this.writeStatus();
      return;
    }
    if (c.init && !c.sidecar && c.phase === 'terminated' && c.terminated?.exitCode === 0) {
      this.next++;
      return this.startNext();
    }
    if (!c.init && this.next > 0 && this.containers[this.next - 1]!.init && !this.containers[this.next - 1]!.sidecar) {
      // First regular container: the pod is initialized now.
      for (const r of this.containers) if (!r.init && r.reason === 'PodInitializing') r.reason = 'ContainerCreating';
    }
    this.ensureImage(c, () => this.createAndStart(c, () => {
      if (c.init && !c.sidecar) return; // wait for it to exit (onExit advances)
      // A sidecar with a startup probe holds the next container until the probe succeeds.
      if (c.sidecar && !c.started) {
        this.awaitingSidecar = c;
        return;
      }
      this.next++;
      this.startNext();
    }));
  }

  /** EnsureImageExists with the container's imagePullPolicy. */
  private ensureImage(c: ContainerRecord, then: () => void): void {
    if (this.terminating) return;
    const image = c.specImage;
    const ref = parseImageRef(image);
    if ('error' in ref) {
      this.waiting(c, 'InvalidImageName', `Failed to apply default image tag "${image}": couldn't parse image name "${image}": ${ref.error}`);
      this.event(c, 'Warning', 'InspectFailed', c.message!);
      this.event(c, 'Warning', 'Failed', 'Error: InvalidImageName');
      return this.writeStatus();
    }
    const spec = this.specs.get(c.name);
    const policy = spec?.imagePullPolicy ?? (ref.tag === 'latest' && !ref.digest ? 'Always' : 'IfNotPresent');
    const present = this.k.runtime.hasImage(image);
    if (policy === 'Never' || (policy === 'IfNotPresent' && present)) {
      if (present) {
        this.event(c, 'Normal', 'Pulled', this.k.shared(`Container image "${image}" already present on machine`));
        c.image = present.name;
        c.imageID = this.k.shared(`${ref.repository}@${present.digest}`);
        return then();
      }
      const msg = `Container image "${image}" is not present with pull policy of Never`;
      this.waiting(c, 'ErrImageNeverPull', msg);
      this.event(c, 'Warning', 'ErrImageNeverPull', msg);
      this.event(c, 'Warning', 'Failed', 'Error: ErrImageNeverPull');
      return this.writeStatus();
    }
    const key = `${this.uid}_${image}`;
    const now = this.k.ctx.clock.now();
    if (this.k.imageBackoff.isInBackOffSinceUpdate(key, now)) {
      const lastErr = this.k.lastPullError.get(key) ?? '';
      this.waiting(c, 'ImagePullBackOff', `Back-off pulling image "${image}": ErrImagePull: ${lastErr}`);
      this.event(c, 'Normal', 'BackOff', `Back-off pulling image "${image}"`);
      this.event(c, 'Warning', 'Failed', 'Error: ImagePullBackOff');
      this.writeStatus();
      this.after(this.k.imageBackoff.remaining(key, now), () => this.ensureImage(c, then));
      return;
    }
    this.event(c, 'Normal', 'Pulling', `Pulling image "${image}"`);
    const gen = c.restartCount;
    this.k.pull(image, this.causeId, (r) => {
      if (this.gone || this.terminating || c.restartCount !== gen) return;
      if (r.ok && r.image) {
        this.k.lastPullError.delete(key);
        this.event(c, 'Normal', 'Pulled',
          `Successfully pulled image "${image}" in ${goDuration(r.pullMs)} (${goDuration(r.totalMs)} including waiting). Image size: ${r.image.sizeBytes} bytes.`);
        c.image = r.image.name;
        c.imageID = this.k.shared(`${ref.repository}@${r.image.digest}`);
        return then();
      }
      const err = r.error ?? 'unknown error';
      this.k.lastPullError.set(key, err);
      this.k.imageBackoff.next(key, this.k.ctx.clock.now());
      this.event(c, 'Warning', 'Failed', `Failed to pull image "${image}": ${err}`);
      this.waiting(c, 'ErrImagePull', err);
      this.event(c, 'Warning', 'Failed', 'Error: ErrImagePull');
      this.writeStatus();
      this.after(ERROR_RESYNC_MS, () => this.ensureImage(c, then));
    });
  }

  private waiting(c: ContainerRecord, reason: string, message?: string): void {
    c.phase = 'waiting';
    c.reason = reason;
    c.message = message;
    c.ready = false;
    c.started = false;
  }

  /** The kubelet's read of ConfigMaps and Secrets for this sync (drawn as hops that say why). */
  configSource(purpose: ConfigPurpose, binary = false): ConfigSource {
    const k = this.k;
    return apiConfigSource({ request: k.ctx.request, trace: k.ctx.trace, nodeName: k.nodeName, podName: this.name, userAgent: k.userAgent }, this.causeId, binary, purpose);
  }

  /** generateContainerConfig's environment; on error the container waits in CreateContainerConfigError and the sync is retried. */
  private containerEnv(c: ContainerRecord, retry: () => void): StartEnv | undefined {
    const r = containerStartEnv(this.k, this, this.specs.get(c.name), this.podIP ?? '');
    for (const w of r.warnings ?? []) this.event(undefined, 'Warning', 'InvalidEnvironmentVariableNames', w);
    if (r.error === undefined) return r;
    this.waiting(c, 'CreateContainerConfigError', r.error);
    this.event(c, 'Warning', 'Failed', `Error: ${r.error}`);
    this.writeStatus();
    this.after(CONFIG_RETRY_MS, retry);
    return undefined;
  }

  private createAndStart(c: ContainerRecord, then: () => void): void {
    if (this.terminating) return;
    const env = this.containerEnv(c, () => this.ensureImage(c, () => this.createAndStart(c, then)));
    if (!env) return;
    if (env.env.length || this.envs) (this.envs ??= new Map()).set(c.name, env);
    this.runtimeSpan('CreateContainer', 'runtimeCreate', CREATE_CONTAINER_MS, `containerd on ${this.k.nodeName} creates container ${c.name} of pod ${this.name}.`, { container: c.name });
    this.after(CREATE_CONTAINER_MS, () => {
      if (this.terminating) return;
      const restarting = c.lastTerminated !== undefined || c.terminated !== undefined;
      if (c.terminated) c.lastTerminated = c.terminated;
      c.terminated = undefined;
      c.containerID = this.k.runtime.newID();
      this.event(c, 'Normal', 'Created', this.k.shared(`Created container: ${c.name}`));
      this.runtimeSpan('StartContainer', 'runtimeStart', START_CONTAINER_MS, `containerd on ${this.k.nodeName} starts container ${c.name} of pod ${this.name}.`, { container: c.name });
      this.after(START_CONTAINER_MS, () => {
        if (this.terminating) return;
        if (restarting) c.restartCount++;
        this.running(c);
        if (c.init && !c.sidecar) this.writeStatus();
        then();
      });
    });
  }

  /** StartContainer returned: the process runs; its exit, OOM kill and probes are scheduled. */
  private running(c: ContainerRecord): void {
    c.phase = 'running';
    c.reason = undefined;
    c.message = undefined;
    c.startedAt = this.k.ctx.clock.timestamp();
    const spec = this.specs.get(c.name);
    const env = (this.envs?.get(c.name) ?? NO_START_ENV).env;
    // ExpandContainerCommandAndArgs: $(VAR) in command and args takes the container's env value.
    const vars = new Map(env);
    const ex = (a: readonly string[] | undefined) => a?.map((x) => expand(x, (n) => vars.get(n)));
    const proc = processModel(c.specImage, ex(spec?.command), ex(spec?.args), env.map(([n]) => n), (n) => vars.get(n));
    const inst = newInstance(c.containerID ?? '', proc, this.k.ctx.clock.nowMs(), (p) => readMounted(this.mounts, this.pod, c.name, spec, p));
    this.mounts?.snapshotSubPaths(c.name, this.specs.get(c.name));
    c.prevInstance = c.instance;
    c.instance = inst;
    // Without a startup probe the container counts as started at once; without a readiness
    // probe a running regular or sidecar container is ready at once.
    c.started = !c.probes?.some((w) => w.kind === 'startup');
    c.ready = (!c.init || c.sidecar) && c.started && !c.probes?.some((w) => w.kind === 'readiness');
    this.event(c, 'Normal', 'Started', this.k.shared(`Started container ${c.name}`));
    const limit = spec?.resources?.limits?.memory !== undefined ? memoryBytes(spec.resources.limits.memory) : undefined;
    const live = () => c.instance === inst && c.phase === 'running';
    if (limit !== undefined && limit < proc.workingSetBytes && (proc.exitAfterMs === undefined || proc.exitAfterMs > OOM_AFTER_MS)) {
      this.after(OOM_AFTER_MS, () => {
        if (!live()) return;
        this.runtimeSpan('ContainerDied', 'containerOOMKilled', 0,
          `The kernel OOM-kills container ${c.name} of pod ${this.name}: its memory limit (${limit} bytes) is below what it needs (${proc.workingSetBytes} bytes).`,
          { container: c.name, limitBytes: limit, workingSetBytes: proc.workingSetBytes }, 'runtime');
        this.onExit(c, 137, 'OOMKilled', { traced: true });
      });
    } else if (proc.exitAfterMs !== undefined) {
      this.after(proc.exitAfterMs, () => {
        if (live()) this.onExit(c, proc.exitCode);
      });
    }
    if (c.probes) startProbes(this, c);
  }

  /** The container stopped: state terminated, probes off, the log instance closed. */
  private markTerminated(c: ContainerRecord, exitCode: number, reason: string, stopped = false): void {
    const inst = c.instance;
    if (inst && inst.endMs === undefined) {
      inst.endMs = this.k.ctx.clock.nowMs() - inst.startWallMs;
      inst.stopped = stopped;
    }
    stopProbes(this, c);
    c.phase = 'terminated';
    c.terminated = { exitCode, reason, startedAt: c.startedAt, finishedAt: this.k.ctx.clock.timestamp(), containerID: c.containerID };
    c.ready = false;
    c.started = false;
  }

  /**
   * The container's process exited (on its own, killed, OOM-killed or stopped after a failed
   * liveness/startup probe); `restart` overrides the restartPolicy decision (computePodActions
   * decides it when it kills for a probe).
   */
  private onExit(c: ContainerRecord, exitCode: number, reason = exitCode === 0 ? 'Completed' : 'Error', o: { restart?: boolean; stopped?: boolean; traced?: boolean } = {}): void {
    if (!o.traced) {
      this.runtimeSpan('ContainerDied', 'containerExited', 0, `Container ${c.name} of pod ${this.name} exited with code ${exitCode} (${reason}).`,
        { container: c.name, exitCode, reason }, 'runtime');
    }
    this.markTerminated(c, exitCode, reason, o.stopped);
    if (this.terminating) return;
    const policy = this.pod.spec?.restartPolicy ?? 'Always';
    const restart = o.restart ?? (c.sidecar || policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0));
    if (c.init && !c.sidecar && exitCode === 0) {
      this.writeStatus();
      this.next++;
      return this.startNext();
    }
    if (!restart) {
      const allDone = this.containers.every((x) => x.phase === 'terminated' || (x.init && x.phase !== 'running'));
      if (allDone) {
        // A terminal pod's sandbox is torn down (PodReadyToStartContainers turns False).
        this.runtimeSpan('StopPodSandbox', 'runtimeStopSandbox', 0, `containerd on ${this.k.nodeName} removes the sandbox of pod ${this.name}.`, {});
        this.sandboxReady = false;
        this.releaseIP();
      }
      return this.writeStatus(allDone);
    }
    this.writeStatus();
    this.restartWithBackoff(c);
  }

  // ---- ProbeHost (probeRunner.ts) ----

  get podName(): string {
    return this.name;
  }
  get restartPolicy(): string {
    return this.pod.spec?.restartPolicy ?? 'Always';
  }
  nowMs(): number {
    return this.k.ctx.clock.nowMs();
  }
  containerSpec(name: string): Container | undefined {
    return this.specs.get(name);
  }
  currentPodIP(): string {
    return this.podIP ?? '';
  }
  isTerminating(): boolean {
    return this.terminating;
  }

  onStarted(c: ContainerRecord): void {
    if (this.awaitingSidecar !== c) return;
    this.awaitingSidecar = undefined;
    this.next++;
    this.startNext();
  }

  killForProbe(c: ContainerRecord, message: string, probeGraceS: number | undefined, restart: boolean): void {
    const grace = Number(probeGraceS ?? this.pod.spec?.terminationGracePeriodSeconds ?? 30);
    stopContainer(this.stopHost(), c, this.specs.get(c.name), message, grace, (code, reason, stopped) => this.onExit(c, code, reason, { restart, stopped }));
  }

  // ---- sim actions and logs (KubeletHandle) ----

  /** The container named `name`, or the kubelet's answer when the pod has none. */
  private container(name: string): ContainerRecord | string {
    return this.containers.find((x) => x.name === name) ?? `container ${name} is not valid for pod ${this.name}`;
  }

  /** `sim container kill`: the process exits now with `exitCode`. */
  kill(name: string, exitCode: number): SimResult {
    const c = this.container(name);
    if (typeof c === 'string') return { ok: false, message: c };
    if (c.phase !== 'running' || this.gone) return { ok: false, message: `container "${name}" is not running` };
    const reason = exitCode === 0 ? 'Completed' : 'Error';
    this.runtimeSpan('ContainerDied', 'containerKilled', 0, `The process of container ${name} in pod ${this.name} was killed: exit code ${exitCode} (${reason}).`,
      { container: name, exitCode, reason }, 'runtime');
    if (this.terminating) this.markTerminated(c, exitCode, reason);
    else this.onExit(c, exitCode, reason, { traced: true });
    return { ok: true, message: `container "${name}" in pod "${this.name}" killed (exit code ${exitCode})` };
  }

  /** `sim probe fail|pass`: force `probe` of container `name` to fail, or go back to the simulated result. */
  forceProbe(name: string, probe: ProbeWorker['kind'], fail: boolean): SimResult {
    const c = this.container(name);
    if (typeof c === 'string') return { ok: false, message: c };
    if (!c.probes?.some((w) => w.kind === probe)) return { ok: false, message: `container "${name}" has no ${probe} probe` };
    if (fail) (c.forced ??= new Set()).add(probe);
    else c.forced?.delete(probe);
    return { ok: true, message: `${probe} probe of container "${name}" in pod "${this.name}" ${fail ? 'now fails' : 'is back to its simulated result'}` };
  }

  /** The kubelet's containerLogs: the lines of the current or previous instance, or the error. */
  logs(name: string, previous: boolean): PodLogs {
    const c = this.container(name);
    if (typeof c === 'string') return { error: c };
    const pick = pickInstance(c, this.name, previous);
    if ('error' in pick) return pick;
    return { lines: instanceLines(pick.inst, this.k.ctx.clock.nowMs() - pick.inst.startWallMs, this.podIP ?? '') };
  }

  /**
   * The kubelet's exec endpoint: runs `argv` in the running container `name`. A container that is
   * not running has no process to exec in (`container not found`, which the API server reports as
   * an upgrade failure).
   */
  exec(name: string, argv: string[]): ExecResult | { notRunning: string } {
    const c = this.container(name);
    if (typeof c === 'string') return { error: c };
    if (c.phase !== 'running' || this.gone) return { notRunning: `container not found ("${name}")` };
    const mounts = (this.mounts ?? new PodMounts()).execMounts(this.pod, name, this.specs.get(name));
    const hostname = String((this.pod.spec as { hostname?: string } | undefined)?.hostname ?? this.name);
    return execCommand({ hostname, env: (this.envs?.get(name) ?? NO_START_ENV).env, mounts, execID: () => this.k.runtime.newID(), net: { pod: this.pod, podIP: this.podIP ?? '', image: c.specImage, view: this.k.network?.() } }, argv);
  }

  /** doBackOff: restart at once the first time, then 10 s, 20 s … 300 s (CrashLoopBackOff). */
  private restartWithBackoff(c: ContainerRecord): void {
    const key = `${this.name}_${this.ns}_${this.uid}_${c.name}`;
    const finished = this.k.ctx.clock.now();
    if (this.k.crashBackoff.isInBackOffSince(key, finished, finished)) {
      const d = this.k.crashBackoff.get(key);
      const podDesc = `${this.name}_${this.ns}(${this.uid})`;
      c.lastTerminated = c.terminated;
      this.waiting(c, 'CrashLoopBackOff', `back-off ${goDuration(d)} restarting failed container=${c.name} pod=${podDesc}`);
      c.terminated = undefined;
      this.event(c, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${podDesc}`);
      this.writeStatus();
      this.after(d, () => {
        this.k.crashBackoff.next(key, finished);
        this.ensureImage(c, () => this.createAndStart(c, () => this.writeStatus()));
      });
      return;
    }
    this.k.crashBackoff.next(key, finished);
    this.ensureImage(c, () => this.createAndStart(c, () => this.writeStatus()));
  }

  /** The pod got a deletionTimestamp: killContainer for each (preStop, SIGTERM, SIGKILL), then confirm the deletion. */
  terminate(): void {
    if (this.terminating || this.gone) return;
    this.terminating = true;
    const grace = Number(this.pod.metadata.deletionGracePeriodSeconds ?? this.pod.spec?.terminationGracePeriodSeconds ?? 30);
    let longest = 0;
    const host = this.stopHost();
    for (const c of this.containers) {
      stopProbes(this, c);
      if (c.phase !== 'running') continue;
      const ms = stopContainer(host, c, this.specs.get(c.name), `Stopping container ${c.name}`, grace, (code, reason, stopped) => {
        this.runtimeSpan('ContainerDied', 'containerExited', 0, `Container ${c.name} of pod ${this.name} exited with code ${code} (${reason}).`,
          { container: c.name, exitCode: code, reason }, 'runtime');
        this.markTerminated(c, code, reason, stopped);
      });
      longest = Math.max(longest, ms);
    }
    this.after(longest, () => {
      this.runtimeSpan('StopPodSandbox', 'runtimeStopSandbox', 0, `containerd on ${this.k.nodeName} removes the sandbox of pod ${this.name}.`, {});
      this.sandboxReady = false;
      this.confirmDeletion();
    });
  }

  /** The final status and the DELETE with grace 0 that removes the pod (or, while the machine is down, later). */
  private confirmDeletion(): void {
    if (this.k.down) {
      this.deletePending = true;
      this.k.unsynced.add(this);
      return;
    }
    this.writeStatus(true);
    this.releaseIP();
    this.k.ctx.request({
      verb: 'DELETE', path: `/api/v1/namespaces/${this.ns}/pods/${this.name}`, query: { gracePeriodSeconds: '0' },
      body: { kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: 0, preconditions: { uid: this.uid } },
      causeId: this.causeId, userAgent: this.k.userAgent,
    });
  }

  /**
   * The machine is back (`sim node recover`): the status manager writes the status the API server
   * missed (or overwrote: the node-lifecycle-controller marks pods NotReady), and a deletion
   * finished while down is confirmed.
   */
  resync(): void {
    if (this.gone) return;
    if (this.deletePending) {
      this.deletePending = false;
      this.confirmDeletion();
      return;
    }
    if (!this.terminating) this.writeStatus(this.isTerminal());
  }

  /** The IP goes back to the pool once; the status keeps showing it (as upstream does for terminal pods). */
  private releaseIP(): void {
    if (this.ipReleased) return;
    this.ipReleased = true;
    this.k.runtime.releaseIP(this.podIP);
  }

  /** The pod is gone from the API (deleted, or force-deleted): drop everything. */
  destroy(): void {
    if (this.gone) return;
    this.gone = true;
    this.k.unsynced.delete(this);
    for (const t of this.timers) t.cancel();
    this.timers.clear();
    this.releaseIP();
  }
}
