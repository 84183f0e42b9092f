/**
 * kubectl's pod STATUS / READY / RESTARTS columns.
 * Mirrors kubernetes pkg/printers/internalversion/printers.go: printPod (k8s-facts §11).
 * Lives in the protocol layer so the worker can compute the columns for the UI's pod chips
 * without the UI importing kubectl.
 */
import type { PodColumns } from './messages.ts';
import type { KubeObject } from './types.ts';

interface ContainerState {
  waiting?: { reason?: string };
  running?: { startedAt?: string };
  terminated?: { reason?: string; exitCode?: number; signal?: number };
}
interface ContainerStatus {
  name: string;
  ready?: boolean;
  started?: boolean;
  restartCount?: number;
  state?: ContainerState;
}
interface Condition {
  type: string;
  status: string;
  reason?: string;
}
interface PodLike {
  metadata: KubeObject['metadata'];
  spec?: { containers?: unknown[]; initContainers?: { name: string; restartPolicy?: string }[] };
  status?: {
    phase?: string;
    reason?: string;
    conditions?: Condition[];
    initContainerStatuses?: ContainerStatus[];
    containerStatuses?: ContainerStatus[];
  };
}

/** The STATUS, READY and RESTARTS columns of `kubectl get pods` for one pod. */
export function podColumns(obj: KubeObject): PodColumns {
  const pod = obj as unknown as PodLike;
  const status = pod.status ?? {};
  const initSpecs = pod.spec?.initContainers ?? [];
  const sidecars = new Set(initSpecs.filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  let restarts = 0;
  let totalContainers = (pod.spec?.containers?.length ?? 0) + sidecars.size;
  let readyContainers = 0;

  let reason = status.phase ?? '';
  if (status.reason) reason = status.reason;
  const conditions = status.conditions ?? [];
  const scheduled = conditions.find((c) => c.type === 'PodScheduled');
  if (scheduled?.reason === 'SchedulingGated') reason = 'SchedulingGated';

  const initStatuses = status.initContainerStatuses ?? [];
  let initializing = false;
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    restarts += c.restartCount ?? 0;
    const term = c.state?.terminated;
    const wait = c.state?.waiting;
    if (term && term.exitCode === 0) continue;
    if (sidecars.has(c.name) && c.started) {
      if (c.ready) readyContainers++;
      continue;
    }
    if (term) {
      if (!term.reason) {
        reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode ?? 0}`;
      } else {
        reason = `Init:${term.reason}`;
      }
      initializing = true;
    } else if (wait?.reason && wait.reason !== 'PodInitializing') {
      reason = `Init:${wait.reason}`;
      initializing = true;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
      initializing = true;
    }
    break;
  }

  const initialized = conditions.some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initialized) {
    restarts = 0;
    for (const c of initStatuses) restarts += c.restartCount ?? 0;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount ?? 0;
      const st = c.state ?? {};
      if (st.waiting?.reason) {
        reason = st.waiting.reason;
      } else if (st.terminated?.reason) {
        reason = st.terminated.reason;
      } else if (st.terminated) {
        reason = st.terminated.signal ? `Signal:${st.terminated.signal}` : `ExitCode:${st.terminated.exitCode ?? 0}`;
      } else if (c.ready && st.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const podReady = conditions.some((c) => c.type === 'Ready' && c.status === 'True');
      reason = podReady ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata.deletionTimestamp) {
    if (status.reason === 'NodeLost') reason = 'Unknown';
    else if (status.phase !== 'Succeeded' && status.phase !== 'Failed') reason = 'Terminating';
  }
  if (totalContainers === 0) totalContainers = status.containerStatuses?.length ?? 0;
  return { status: reason || 'Pending', ready: `${readyContainers}/${totalContainers}`, restarts };
}
