/**
 * ReplicaSet status. Mirrors k/k pkg/controller/replicaset/replica_set_utils.go
 * (calculateStatus, updateReplicaSetStatus, NewReplicaSetCondition/SetCondition/RemoveCondition).
 */
import type { ReplicaSet, ReplicaSetCondition, ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import type { ComponentContext } from '../../component.ts';
import type { V1Pod } from '../../scheduler/types.ts';
import type { KubeObject } from '../../types.ts';
import { isPodAvailable, isPodReady, podReadyCondition } from '../podutil.ts';

export type V1ReplicaSet = ReplicaSet & KubeObject;

/** Status counts plus, for the requeue, how long until the next ready pod becomes available. */
export interface CalculatedStatus {
  status: ReplicaSetStatus;
  /** ms until the earliest ready-but-not-yet-available pod passes minReadySeconds, if any. */
  nextAvailableInMs?: number;
}

function labelsMatch(want: Record<string, string> | undefined, have: Record<string, string> | undefined): boolean {
  for (const k in want) if (have?.[k] !== want[k]) return false;
  return true;
}

/**
 * calculateStatus: counts over the active, claimed pods. `manageErr` (the message of a failed
 * manageReplicas) sets ReplicaFailure=True (reason FailedCreate or FailedDelete); success removes it.
 * Zero counts are omitted, as Go's `omitempty` does.
 */
export function calculateStatus(
  rs: V1ReplicaSet,
  filteredPods: V1Pod[],
  manageErr: string | undefined,
  nowMs: number,
  timestamp: string,
): CalculatedStatus {
  const templateLabels = rs.spec?.template?.metadata?.labels;
  const minReady = rs.spec?.minReadySeconds ?? 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  let next: number | undefined;
  for (const pod of filteredPods) {
    if (labelsMatch(templateLabels, pod.metadata.labels)) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReady, nowMs)) available++;
      else {
        const since = Date.parse(podReadyCondition(pod)?.lastTransitionTime ?? '');
        if (Number.isFinite(since)) {
          const wait = since + minReady * 1000 - nowMs;
          if (next === undefined || wait < next) next = wait;
        }
      }
    }
  }
  const conditions = (rs.status?.conditions ?? []).filter((c) => c.type !== 'ReplicaFailure');
  const failure = rs.status?.conditions?.find((c) => c.type === 'ReplicaFailure');
  if (manageErr !== undefined) {
    if (failure) conditions.push(failure);
    else {
      const diff = filteredPods.length - (rs.spec?.replicas ?? 1);
      const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
      const cond: ReplicaSetCondition = { type: 'ReplicaFailure', status: 'True', lastTransitionTime: timestamp, reason, message: manageErr };
      conditions.push(cond);
    }
  }
  const status: ReplicaSetStatus = { replicas: filteredPods.length };
  if (fullyLabeled) status.fullyLabeledReplicas = fullyLabeled;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  if (rs.status?.observedGeneration) status.observedGeneration = rs.status.observedGeneration;
  if (conditions.length) status.conditions = conditions;
  return { status, nextAvailableInMs: next };
}

function sameStatus(a: ReplicaSetStatus | undefined, b: ReplicaSetStatus): boolean {
  return (
    (a?.replicas ?? 0) === b.replicas &&
    (a?.fullyLabeledReplicas ?? 0) === (b.fullyLabeledReplicas ?? 0) &&
    (a?.readyReplicas ?? 0) === (b.readyReplicas ?? 0) &&
    (a?.availableReplicas ?? 0) === (b.availableReplicas ?? 0) &&
    (a?.observedGeneration ?? 0) === (b.observedGeneration ?? 0) &&
    JSON.stringify(a?.conditions ?? []) === JSON.stringify(b.conditions ?? [])
  );
}

/**
 * updateReplicaSetStatus: PUT …/replicasets/NAME/status when something changed, with
 * observedGeneration = generation; on a conflict GET the latest and retry once
 * (statusUpdateRetries = 1). Returns the error message, if the write failed. Writes that only
 * move counts are quiet (not drawn): at 1,000 replicas they would drown the diagram.
 */
export function updateReplicaSetStatus(
  ctx: ComponentContext,
  rs: V1ReplicaSet,
  newStatus: ReplicaSetStatus,
  userAgent: string,
  causeId: number | undefined,
): string | undefined {
  const gen = rs.metadata.generation ?? 0;
  const status = { ...newStatus };
  if (gen) status.observedGeneration = gen;
  else delete status.observedGeneration;
  if (sameStatus(rs.status, status)) return undefined;
  const ns = rs.metadata.namespace ?? 'default';
  const path = `/apis/apps/v1/namespaces/${ns}/replicasets/${rs.metadata.name}/status`;
  const quiet =
    (rs.status?.observedGeneration ?? 0) === (status.observedGeneration ?? 0) &&
    JSON.stringify(rs.status?.conditions ?? []) === JSON.stringify(status.conditions ?? []);
  let cur: V1ReplicaSet = rs;
  for (let i = 0; ; i++) {
    const res = ctx.request({ verb: 'PUT', path, body: { ...cur, status }, causeId, userAgent, quiet });
    if (res.code < 300) return undefined;
    const msg = (res.body as { message?: string } | undefined)?.message ?? `status ${res.code}`;
    if (i >= 1 || res.code !== 409) return msg;
    const fresh = ctx.request({ verb: 'GET', path: `/apis/apps/v1/namespaces/${ns}/replicasets/${rs.metadata.name}`, userAgent, quiet: true });
    if (fresh.code >= 300) return msg;
    cur = fresh.body as V1ReplicaSet;
  }
}
