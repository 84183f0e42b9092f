/**
 * The pod status a kubelet writes: container statuses, conditions in upstream order, phase.
 * Mirrors pkg/kubelet/kubelet_pods.go (generateAPIPodStatus, getPhase,
 * convertToAPIContainerStatuses) and pkg/kubelet/status/generate.go.
 */
import type { V1Pod } from '../scheduler/types.ts';
import type { Instance } from './containerLogs.ts';
import type { ProbeWorker } from './prober.ts';

export type ContainerPhase = 'waiting' | 'running' | 'terminated';

export interface Terminated {
  exitCode: number;
  reason: string;
  startedAt?: string;
  finishedAt: string;
  containerID?: string;
  signal?: number;
}

/** The kubelet's view of one container. */
export interface ContainerRecord {
  name: string;
  /** As written in the spec (`nginx:1.25`). */
  specImage: string;
  init: boolean;
  /** Restartable init container (sidecar). */
  sidecar: boolean;
  phase: ContainerPhase;
  reason?: string;
  message?: string;
  startedAt?: string;
  terminated?: Terminated;
  lastTerminated?: Terminated;
  containerID?: string;
  /** Normalized image name and `repo@sha256:…` once pulled. */
  image?: string;
  imageID?: string;
  ready: boolean;
  started: boolean;
  restartCount: number;
  /** The latest run of the container and the one before (logs, `--previous`). */
  instance?: Instance;
  prevInstance?: Instance;
  /** Only for containers that declare probes. */
  probes?: ProbeWorker[];
  /** Probe kinds forced to fail (`sim probe fail`). */
  forced?: Set<string>;
}

interface Cond {
  type: string;
  status: 'True' | 'False';
  lastProbeTime: null;
  lastTransitionTime: string;
  reason?: string;
  message?: string;
}

export function containerStatus(c: ContainerRecord): Record<string, unknown> {
  const state: Record<string, unknown> =
    c.phase === 'running'
      ? { running: { startedAt: c.startedAt } }
      : c.phase === 'terminated' && c.terminated
        ? { terminated: terminatedJSON(c.terminated) }
        : { waiting: { reason: c.reason ?? 'ContainerCreating', ...(c.message ? { message: c.message } : {}) } };
  const out: Record<string, unknown> = {
    name: c.name,
    state,
    lastState: c.lastTerminated ? { terminated: terminatedJSON(c.lastTerminated) } : {},
    ready: c.ready,
    restartCount: c.restartCount,
    image: c.image ?? c.specImage,
    imageID: c.imageID ?? '',
    started: c.started,
  };
  if (c.containerID) out.containerID = `containerd://${c.containerID}`;
  return out;
}

function terminatedJSON(t: Terminated): Record<string, unknown> {
  return {
    exitCode: t.exitCode,
    ...(t.signal ? { signal: t.signal } : {}),
    reason: t.reason,
    startedAt: t.startedAt ?? null,
    finishedAt: t.finishedAt,
    ...(t.containerID ? { containerID: `containerd://${t.containerID}` } : {}),
  };
}

/** getPhase (kubelet_pods.go), for regular and init containers (sidecars count as started). */
export function getPhase(restartPolicy: string, containers: readonly ContainerRecord[], podIsTerminal: boolean): string {
  let pendingInitialization = 0;
  let failedInitialization = 0;
  const inits = containers.filter((c) => c.init && !c.sidecar);
  const regular = containers.filter((c) => !c.init);
  for (const c of inits) {
    if (c.phase === 'terminated' && c.terminated) {
      if (c.terminated.exitCode !== 0) failedInitialization++;
    } else if (c.phase === 'waiting' && c.lastTerminated && c.lastTerminated.exitCode !== 0) {
      failedInitialization++;
    } else pendingInitialization++;
  }
  let waiting = 0;
  let running = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of regular) {
    if (c.phase === 'running') running++;
    else if (c.phase === 'terminated') {
      stopped++;
      if (c.terminated?.exitCode === 0) succeeded++;
    } else if (c.lastTerminated) stopped++;
    else waiting++;
  }
  if (failedInitialization > 0 && restartPolicy === 'Never') return 'Failed';
  if (pendingInitialization > 0 || (failedInitialization > 0 && running === 0 && stopped === 0)) return 'Pending';
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (podIsTerminal || restartPolicy === 'Never') return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (restartPolicy === 'OnFailure') return stopped === succeeded ? 'Succeeded' : 'Running';
    return 'Running';
  }
  return 'Pending';
}

export interface StatusInput {
  pod: V1Pod;
  containers: readonly ContainerRecord[];
  sandboxReady: boolean;
  hostIP: string;
  podIP?: string;
  startTime: string;
  now: string;
  podIsTerminal: boolean;
}

/** generateAPIPodStatus: the full status object (PUT/PATCH body `status`). */
export function generatePodStatus(s: StatusInput): Record<string, unknown> {
  const restartPolicy = s.pod.spec?.restartPolicy ?? 'Always';
  const phase = getPhase(restartPolicy, s.containers, s.podIsTerminal);
  const prev = new Map<string, Cond>();
  for (const c of (s.pod.status?.conditions ?? []) as unknown as Cond[]) prev.set(c.type, c);
  const cond = (type: string, ok: boolean, reason?: string, message?: string): Cond => {
    const p = prev.get(type);
    const status = ok ? 'True' : 'False';
    return {
      type, status, lastProbeTime: null,
      lastTransitionTime: p && p.status === status ? p.lastTransitionTime : s.now,
      ...(reason ? { reason } : {}), ...(message ? { message } : {}),
    };
  };
  const inits = s.containers.filter((c) => c.init && !c.sidecar);
  const incomplete = inits.filter((c) => !(c.phase === 'terminated' && c.terminated?.exitCode === 0)).map((c) => c.name);
  const initialized = incomplete.length === 0;
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const unready = s.containers.filter((c) => (!c.init || c.sidecar) && !c.ready).map((c) => c.name);
  const ready = unready.length === 0;
  const notReadyReason = terminal ? (phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed') : 'ContainersNotReady';
  const notReadyMsg = terminal ? undefined : `containers with unready status: [${unready.join(' ')}]`;
  const initReason = terminal && phase === 'Succeeded' ? 'PodCompleted' : 'ContainersNotInitialized';
  const conditions: Cond[] = [
    cond('PodReadyToStartContainers', s.sandboxReady),
    initialized ? cond('Initialized', true, terminal && phase === 'Succeeded' ? 'PodCompleted' : undefined)
      : cond('Initialized', false, initReason, `containers with incomplete status: [${incomplete.join(' ')}]`),
    ready ? cond('Ready', true) : cond('Ready', false, notReadyReason, notReadyMsg),
    ready ? cond('ContainersReady', true) : cond('ContainersReady', false, notReadyReason, notReadyMsg),
    prev.get('PodScheduled') ?? cond('PodScheduled', true),
  ];
  const status: Record<string, unknown> = {
    phase,
    conditions,
    hostIP: s.hostIP,
    hostIPs: [{ ip: s.hostIP }],
    ...(s.podIP ? { podIP: s.podIP, podIPs: [{ ip: s.podIP }] } : {}),
    startTime: s.startTime,
    qosClass: s.pod.status?.qosClass ?? 'BestEffort',
  };
  const initStatuses = s.containers.filter((c) => c.init).map(containerStatus);
  if (initStatuses.length) status.initContainerStatuses = initStatuses;
  status.containerStatuses = s.containers.filter((c) => !c.init).map(containerStatus);
  return status;
}
