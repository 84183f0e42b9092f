/**
 * Deployment conditions and rollout-state predicates: k/k pkg/controller/deployment/util/
 * deployment_util.go (NewDeploymentCondition, SetDeploymentCondition, DeploymentComplete,
 * DeploymentProgressing, DeploymentTimedOut, HasProgressDeadline).
 */
import type { DeploymentCondition, DeploymentStatus, V1Deployment, V1ReplicaSet } from './types.ts';
import { dReplicas } from './types.ts';

// Progressing reasons.
export const ReplicaSetUpdatedReason = 'ReplicaSetUpdated';
export const FailedRSCreateReason = 'ReplicaSetCreateError';
export const NewReplicaSetReason = 'NewReplicaSetCreated';
export const FoundNewRSReason = 'FoundNewReplicaSet';
export const NewRSAvailableReason = 'NewReplicaSetAvailable';
export const TimedOutReason = 'ProgressDeadlineExceeded';
export const PausedDeployReason = 'DeploymentPaused';
export const ResumedDeployReason = 'DeploymentResumed';
// Available reasons.
export const MinimumReplicasAvailable = 'MinimumReplicasAvailable';
export const MinimumReplicasUnavailable = 'MinimumReplicasUnavailable';

/** math.MaxInt32: "no deadline" / "keep every revision". */
const MAX_INT32 = 2147483647;

/** NewDeploymentCondition: both times are now. */
export function newDeploymentCondition(type: string, status: string, reason: string, message: string, now: string): DeploymentCondition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

export function getDeploymentCondition(status: DeploymentStatus | undefined, type: string): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/**
 * SetDeploymentCondition: a condition with the same status and reason is left alone (message and
 * times included); a same-status change keeps lastTransitionTime. The condition moves to the end.
 */
export function setDeploymentCondition(status: DeploymentStatus, condition: DeploymentCondition): void {
  const cur = getDeploymentCondition(status, condition.type);
  if (cur && cur.status === condition.status && cur.reason === condition.reason) return;
  const c = { ...condition };
  if (cur && cur.status === c.status) c.lastTransitionTime = cur.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((x) => x.type !== c.type), c];
}

export function removeDeploymentCondition(status: DeploymentStatus, type: string): void {
  if (!status.conditions) return;
  const rest = status.conditions.filter((c) => c.type !== type);
  if (rest.length) status.conditions = rest;
  else delete status.conditions;
}

/** ReplicaSetToDeploymentCondition: lastUpdateTime is the RS condition's lastTransitionTime. */
export function replicaSetToDeploymentCondition(c: { type: string; status: string; lastTransitionTime?: string; reason?: string; message?: string }): DeploymentCondition {
  return { type: c.type, status: c.status, lastUpdateTime: c.lastTransitionTime, lastTransitionTime: c.lastTransitionTime, reason: c.reason, message: c.message };
}

/** The ReplicaFailure conditions to surface: the new RS's, else any RS's (getReplicaFailures). */
export function getReplicaFailures(allRSs: (V1ReplicaSet | undefined)[], newRS: V1ReplicaSet | undefined): DeploymentCondition[] {
  const from = (rs: V1ReplicaSet) => (rs.status?.conditions ?? []).filter((c) => c.type === 'ReplicaFailure').map(replicaSetToDeploymentCondition);
  if (newRS) {
    const c = from(newRS);
    if (c.length) return c;
  }
  return allRSs.flatMap((rs) => (rs ? from(rs) : []));
}

export function hasProgressDeadline(d: V1Deployment): boolean {
  const s = d.spec?.progressDeadlineSeconds;
  return s !== undefined && s !== null && s !== MAX_INT32;
}

export function hasRevisionHistoryLimit(d: V1Deployment): boolean {
  const l = d.spec?.revisionHistoryLimit;
  return l !== undefined && l !== null && l !== MAX_INT32;
}

/** DeploymentComplete: every desired replica updated and available, nothing extra, generation observed. */
export function deploymentComplete(d: V1Deployment, s: DeploymentStatus): boolean {
  const want = dReplicas(d);
  return (s.updatedReplicas ?? 0) === want && (s.replicas ?? 0) === want && (s.availableReplicas ?? 0) === want && (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}

/** DeploymentProgressing: more updated, ready or available replicas, or fewer old ones, than the stored status. */
export function deploymentProgressing(d: V1Deployment, s: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (
    (s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

/** DeploymentTimedOut: the Progressing condition's lastUpdateTime + progressDeadlineSeconds is before now. */
export function deploymentTimedOut(d: V1Deployment, s: DeploymentStatus, nowMs: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = getDeploymentCondition(s, 'Progressing');
  if (!c) return false;
  // After a finished rollout, no progress estimation (a resync may see a stale status).
  if (c.reason === NewRSAvailableReason) return false;
  if (c.reason === TimedOutReason) return true;
  const from = Date.parse(c.lastUpdateTime ?? '');
  if (!Number.isFinite(from)) return false;
  return from + (d.spec?.progressDeadlineSeconds ?? 0) * 1000 < nowMs;
}
