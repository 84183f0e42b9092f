/**
 * Rollout progress: k/k pkg/controller/deployment/progress.go (syncRolloutStatus,
 * getReplicaFailures, requeueStuckDeployment). progressDeadlineSeconds runs on the virtual clock:
 * a stuck rollout is requeued for the moment its deadline passes.
 */
import { deepEqual } from '../../api/equal.ts';
import {
  deploymentComplete, deploymentProgressing, deploymentTimedOut, getDeploymentCondition, getReplicaFailures, hasProgressDeadline,
  newDeploymentCondition, NewRSAvailableReason, removeDeploymentCondition, ReplicaSetUpdatedReason, setDeploymentCondition, TimedOutReason,
} from './conditions.ts';
import { calculateStatus } from './sync.ts';
import { nsOf, writeStatus, type DeploymentClient, type DeploymentStatus, type V1Deployment, type V1ReplicaSet } from './types.ts';

/**
 * syncRolloutStatus: the status plus the Progressing condition (NewReplicaSetAvailable when
 * complete, ReplicaSetUpdated with a fresh lastUpdateTime on any progress, ProgressDeadlineExceeded
 * once lastUpdateTime + progressDeadlineSeconds has passed) and ReplicaFailure from the RSs.
 */
export function syncRolloutStatus(dc: DeploymentClient, allRSs: (V1ReplicaSet | undefined)[], newRS: V1ReplicaSet | undefined, d: V1Deployment): void {
  const now = dc.timestamp();
  const s = calculateStatus(allRSs, newRS, d, now);
  if (!hasProgressDeadline(d)) removeDeploymentCondition(s, 'Progressing');
  const currentCond = getDeploymentCondition(d.status, 'Progressing');
  const isCompleteDeployment = (s.replicas ?? 0) === (s.updatedReplicas ?? 0) && currentCond?.reason === NewRSAvailableReason;
  const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
  if (hasProgressDeadline(d) && !isCompleteDeployment) {
    if (deploymentComplete(d, s)) {
      setDeploymentCondition(s, newDeploymentCondition('Progressing', 'True', NewRSAvailableReason, `${subject} has successfully progressed.`, now));
    } else if (deploymentProgressing(d, s)) {
      const c = newDeploymentCondition('Progressing', 'True', ReplicaSetUpdatedReason, `${subject} is progressing.`, now);
      // Same reason, new lastUpdateTime: SetDeploymentCondition would ignore it, so replace.
      if (currentCond) {
        if (currentCond.status === 'True') c.lastTransitionTime = currentCond.lastTransitionTime;
        removeDeploymentCondition(s, 'Progressing');
      }
      setDeploymentCondition(s, c);
    } else if (deploymentTimedOut(d, s, dc.nowMs())) {
      setDeploymentCondition(s, newDeploymentCondition('Progressing', 'False', TimedOutReason, `${subject} has timed out progressing.`, now));
    }
  }
  const failures = getReplicaFailures(allRSs, newRS);
  if (failures.length) setDeploymentCondition(s, failures[0]);
  else removeDeploymentCondition(s, 'ReplicaFailure');

  if (deepEqual(d.status ?? {}, s)) {
    requeueStuckDeployment(dc, d, s);
    return;
  }
  writeStatus(dc, d, s, narrateConditions(dc, d, s) ?? dc.cause);
}

/** A decision span when the rollout finishes or fails, or availability flips. */
function narrateConditions(dc: DeploymentClient, d: V1Deployment, s: DeploymentStatus): number | undefined {
  const before = getDeploymentCondition(d.status, 'Progressing');
  const after = getDeploymentCondition(s, 'Progressing');
  const notable = after && after.reason !== before?.reason && (after.reason === NewRSAvailableReason || after.reason === TimedOutReason);
  const availBefore = getDeploymentCondition(d.status, 'Available');
  const availAfter = getDeploymentCondition(s, 'Available');
  const c = notable ? after : availAfter && availBefore && availAfter.status !== availBefore.status ? availAfter : undefined;
  if (!c) return undefined;
  return dc.decide(d, {
    kind: 'deploymentCondition',
    args: { deployment: d.metadata.name, namespace: nsOf(d), type: c.type, status: c.status, reason: c.reason ?? '', message: c.message ?? '' },
    summary: `Deployment ${d.metadata.name}: ${c.type}=${c.status} (${c.reason}): ${c.message}`,
  });
}

/**
 * requeueStuckDeployment: with no progress, sync again when the deadline passes (lastUpdateTime +
 * progressDeadlineSeconds − now, plus a second against skew); now if less than a second remains.
 * Returns the delay in ms, 0 for "now", −1 for "not needed".
 */
export function requeueStuckDeployment(dc: DeploymentClient, d: V1Deployment, s: DeploymentStatus): number {
  const currentCond = getDeploymentCondition(d.status, 'Progressing');
  if (!hasProgressDeadline(d) || !currentCond) return -1;
  if (deploymentComplete(d, s) || currentCond.reason === TimedOutReason) return -1;
  const last = Date.parse(currentCond.lastUpdateTime ?? '');
  if (!Number.isFinite(last)) return -1;
  const after = last + (d.spec?.progressDeadlineSeconds ?? 0) * 1000 - dc.nowMs();
  if (after < 1000) {
    dc.enqueueRateLimited(d);
    return 0;
  }
  dc.enqueueAfter(d, after + 1000);
  return after;
}
