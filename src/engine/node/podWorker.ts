/**
 * One pod on one node: sandbox, then images and containers in order, restarts with back-off,
 * graceful termination. Mirrors pkg/kubelet/pod_workers.go + kuberuntime/kuberuntime_manager.go
 * (SyncPod, doBackOff), kuberuntime_container.go (startContainer, killContainer) and
 * images/image_manager.go (EnsureImageExists).
 */
import type { TimerHandle } from '../component.ts';
import { parseImageRef } from '../registry/reference.ts';
import type { Container, V1Pod } from '../scheduler/types.ts';
import type { KubeletCore } from './kubelet.ts';
import { goDuration } from './goDuration.ts';
import { generatePodStatus, type ContainerRecord } from './podStatus.ts';
import { CREATE_CONTAINER_MS, processModel, SANDBOX_MS, SIGTERM_EXIT_MS, START_CONTAINER_MS } from './runtime.ts';

/** The kubelet re-syncs a pod shortly after a failed image pull; the next sync shows the back-off. */
export const ERROR_RESYNC_MS = 1_000;
const MINIMUM_GRACE_PERIOD_S = 2;

export class PodWorker {
  pod: V1Pod;
  readonly containers: ContainerRecord[];
  private readonly specs = new Map<string, Container>();
  private sandboxReady = false;
  private podIP?: string;
  private readonly startTime: string;
  private timers = new Set<TimerHandle>();
  private terminating = false;
  private gone = false;
  /** Index into `containers` of the next one to start. */
  private next = 0;
  private causeId?: number;

  constructor(private readonly k: KubeletCore, pod: V1Pod, causeId: number | undefined) {
    this.pod = pod;
    this.causeId = causeId;
    this.startTime = k.ctx.clock.timestamp();
    const hasInit = (pod.spec?.initContainers ?? []).length > 0;
    const rec = (c: Container, init: boolean): ContainerRecord => {
      this.specs.set(c.name, c);
      return {
        name: c.name, specImage: c.image ?? '', init, sidecar: init && c.restartPolicy === 'Always', phase: 'waiting',
        reason: hasInit ? 'PodInitializing' : 'ContainerCreating', ready: false, started: false, restartCount: 0,
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

  private after(ms: number, fn: () => void): void {
    const h = this.k.ctx.clock.after(ms, () => {
      this.timers.delete(h);
      if (!this.gone) fn();
    });
    this.timers.add(h);
  }

  private event(c: ContainerRecord | undefined, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.k.recorder.event(this.pod, type, reason, message, c ? { fieldPath: `spec.${c.init ? 'initContainers' : 'containers'}{${c.name}}` } : undefined);
  }

  private runtimeSpan(verb: string, kind: string, duration: number, summary: string, args: Record<string, string | number>): number {
    return this.k.ctx.trace({
      from: 'kubelet', to: 'runtime', node: this.k.nodeName, verb, kind, duration, causeId: this.causeId,
      object: `Pod/${this.ns}/${this.name}`, args: { pod: this.name, node: this.k.nodeName, ...args }, summary,
    }).id;
  }

  /** Writes the status the kubelet computes now (PATCH pods/{name}/status). */
  writeStatus(podIsTerminal = false): void {
    if (this.gone) return;
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
      this.next++;
      this.startNext();
    }));
  }

  /** EnsureImageExists with the container's imagePullPolicy. */
  private ensureImage(c: ContainerRecord, then: () => void): void {
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
        this.event(c, 'Normal', 'Pulled', `Container image "${image}" already present on machine`);
        c.image = present.name;
        c.imageID = `${ref.repository}@${present.digest}`;
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
        c.imageID = `${ref.repository}@${r.image.digest}`;
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

  private createAndStart(c: ContainerRecord, then: () => void): void {
    this.runtimeSpan('CreateContainer', 'runtimeCreate', CREATE_CONTAINER_MS, `containerd on ${this.k.nodeName} creates container ${c.name} of pod ${this.name}.`, { container: c.name });
    this.after(CREATE_CONTAINER_MS, () => {
      if (this.terminating) return;
      const restarting = c.lastTerminated !== undefined || c.terminated !== undefined;
      if (c.terminated) c.lastTerminated = c.terminated;
      c.terminated = undefined;
      c.containerID = this.k.runtime.newID();
      this.event(c, 'Normal', 'Created', `Created container: ${c.name}`);
      this.runtimeSpan('StartContainer', 'runtimeStart', START_CONTAINER_MS, `containerd on ${this.k.nodeName} starts container ${c.name} of pod ${this.name}.`, { container: c.name });
      this.after(START_CONTAINER_MS, () => {
        if (this.terminating) return;
        if (restarting) c.restartCount++;
        c.phase = 'running';
        c.reason = undefined;
        c.message = undefined;
        c.startedAt = this.k.ctx.clock.timestamp();
        c.started = true;
        // No readiness probes yet: a running regular or sidecar container is ready.
        c.ready = !c.init || c.sidecar;
        this.event(c, 'Normal', 'Started', `Started container ${c.name}`);
        const spec = this.specs.get(c.name);
        const proc = processModel(c.specImage, spec?.command, spec?.args);
        if (proc.exitAfterMs !== undefined) {
          const id = c.containerID;
          this.after(proc.exitAfterMs, () => {
            if (c.containerID === id && c.phase === 'running' && !this.terminating) this.onExit(c, proc.exitCode);
          });
        }
        if (c.init && !c.sidecar) this.writeStatus();
        then();
      });
    });
  }

  /** The container's process exited on its own. */
  private onExit(c: ContainerRecord, exitCode: number, reason = exitCode === 0 ? 'Completed' : 'Error'): void {
    c.phase = 'terminated';
    c.terminated = { exitCode, reason, startedAt: c.startedAt, finishedAt: this.k.ctx.clock.timestamp(), containerID: c.containerID };
    c.ready = false;
    c.started = false;
    const policy = this.pod.spec?.restartPolicy ?? 'Always';
    const restart = c.sidecar || policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
    if (c.init && !c.sidecar && exitCode === 0) {
      this.writeStatus();
      this.next++;
      return this.startNext();
    }
    if (!restart) {
      const allDone = this.containers.every((x) => x.phase === 'terminated' || (x.init && x.phase !== 'running'));
      return this.writeStatus(allDone);
    }
    this.writeStatus();
    this.restartWithBackoff(c);
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

  /** The pod got a deletionTimestamp: killContainer for each, then confirm the deletion. */
  terminate(): void {
    if (this.terminating || this.gone) return;
    this.terminating = true;
    const grace = Math.max(
      MINIMUM_GRACE_PERIOD_S,
      Number(this.pod.metadata.deletionGracePeriodSeconds ?? this.pod.spec?.terminationGracePeriodSeconds ?? 30),
    );
    let longest = 0;
    for (const c of this.containers) {
      if (c.phase !== 'running') continue;
      this.event(c, 'Normal', 'Killing', `Stopping container ${c.name}`);
      const spec = this.specs.get(c.name);
      const proc = processModel(c.specImage, spec?.command, spec?.args);
      const ms = proc.handlesSigterm ? Math.min(SIGTERM_EXIT_MS, grace * 1000) : grace * 1000;
      this.runtimeSpan('StopContainer', 'runtimeStop', ms, `containerd on ${this.k.nodeName} stops container ${c.name} of pod ${this.name}.`, { container: c.name, gracePeriod: grace });
      longest = Math.max(longest, ms);
      const killed = !proc.handlesSigterm;
      this.after(ms, () => {
        c.phase = 'terminated';
        c.terminated = {
          exitCode: killed ? 137 : 0, reason: killed ? 'Error' : 'Completed', startedAt: c.startedAt,
          finishedAt: this.k.ctx.clock.timestamp(), containerID: c.containerID,
        };
        c.ready = false;
        c.started = false;
      });
    }
    this.after(longest, () => {
      this.runtimeSpan('StopPodSandbox', 'runtimeStopSandbox', 0, `containerd on ${this.k.nodeName} removes the sandbox of pod ${this.name}.`, {});
      this.sandboxReady = false;
      this.writeStatus(true);
      this.k.runtime.releaseIP(this.podIP);
      this.k.ctx.request({
        verb: 'DELETE', path: `/api/v1/namespaces/${this.ns}/pods/${this.name}`, query: { gracePeriodSeconds: '0' },
        body: { kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: 0, preconditions: { uid: this.uid } },
        causeId: this.causeId, userAgent: this.k.userAgent,
      });
    });
  }

  /** The pod is gone from the API (deleted, or force-deleted): drop everything. */
  destroy(): void {
    if (this.gone) return;
    this.gone = true;
    for (const t of this.timers) t.cancel();
    this.timers.clear();
    this.k.runtime.releaseIP(this.podIP);
  }
}
