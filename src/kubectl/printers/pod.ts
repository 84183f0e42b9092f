/**
 * Pod table rows. Mirrors k8s.io/kubernetes pkg/printers/internalversion/printers.go: printPod
 * (STATUS column algorithm, READY, RESTARTS with "(x ago)", wide columns).
 */
import type { Pod, ContainerStatus } from 'kubernetes-types/core/v1';
import { ageSince } from '../duration.ts';

export const POD_COLUMNS = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'];
export const POD_WIDE_COLUMNS = ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'];

function later(a: string | undefined, b: string | undefined): string | undefined {
  if (!b) return a;
  if (!a) return b;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

/** kubectl's STATUS, READY and RESTARTS for a pod. */
export function podStatusCells(pod: Pod, nowMs: number): { ready: string; status: string; restarts: string } {
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  let restarts = 0;
  let restartableInitRestarts = 0;
  let totalContainers = (spec.containers ?? []).length;
  let readyContainers = 0;
  let lastRestartDate: string | undefined;
  let lastRestartableInitDate: string | undefined;

  const phase = status.phase ?? '';
  let reason = status.reason ? status.reason : phase;
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const restartable = new Set<string>();
  for (const ic of spec.initContainers ?? []) {
    if (ic.restartPolicy === 'Always') {
      restartable.add(ic.name);
      totalContainers++;
    }
  }

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i]!;
    restarts += c.restartCount ?? 0;
    lastRestartDate = later(lastRestartDate, c.lastState?.terminated?.finishedAt);
    if (restartable.has(c.name)) {
      restartableInitRestarts += c.restartCount ?? 0;
      lastRestartableInitDate = later(lastRestartableInitDate, c.lastState?.terminated?.finishedAt);
    }
    const term = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (term && term.exitCode === 0) continue;
    if (restartable.has(c.name) && c.started) {
      if (c.ready) readyContainers++;
      continue;
    }
    if (term) {
      if (!term.reason) reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
      else reason = `Init:${term.reason}`;
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    }
    initializing = true;
    break;
  }

  const initialized = (status.conditions ?? []).some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initialized) {
    restarts = restartableInitRestarts;
    lastRestartDate = lastRestartableInitDate;
    let hasRunning = false;
    const cs: ContainerStatus[] = status.containerStatuses ?? [];
    for (let i = cs.length - 1; i >= 0; i--) {
      const c = cs[i]!;
      restarts += c.restartCount ?? 0;
      lastRestartDate = later(lastRestartDate, c.lastState?.terminated?.finishedAt);
      const waiting = c.state?.waiting;
      const term = c.state?.terminated;
      if (waiting?.reason) reason = waiting.reason;
      else if (term?.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const podReady = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
      reason = podReady ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata?.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  let restartsStr = String(restarts);
  if (restarts !== 0 && lastRestartDate) restartsStr = `${restarts} (${ageSince(lastRestartDate, nowMs)} ago)`;
  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsStr };
}

/** One row of `kubectl get pods` (with `-o wide` extras when `wide`). */
export function podRow(pod: Pod, nowMs: number, wide: boolean): string[] {
  const { ready, status, restarts } = podStatusCells(pod, nowMs);
  const row = [pod.metadata?.name ?? '', ready, status, restarts, ageSince(pod.metadata?.creationTimestamp, nowMs)];
  if (wide) {
    const ip = pod.status?.podIPs?.[0]?.ip || '<none>';
    const node = pod.spec?.nodeName || '<none>';
    const nominated = pod.status?.nominatedNodeName || '<none>';
    let gates = '<none>';
    const rg = pod.spec?.readinessGates ?? [];
    if (rg.length > 0) {
      let trueConditions = 0;
      for (const g of rg) {
        const c = (pod.status?.conditions ?? []).find((x) => x.type === g.conditionType);
        if (c?.status === 'True') trueConditions++;
      }
      gates = `${trueConditions}/${rg.length}`;
    }
    row.push(ip, node, nominated, gates);
  }
  return row;
}
