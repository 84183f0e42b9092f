/**
 * Scaling, cleanup and status: k/k pkg/controller/deployment/sync.go (syncStatusOnly, sync,
 * checkPausedConditions, getAllReplicaSetsAndSyncRevision, scale, scaleReplicaSetAndRecordEvent,
 * scaleReplicaSet, cleanupDeployment, syncDeploymentStatus, calculateStatus, isScalingEvent).
 * getNewReplicaSet lives in newReplicaSet.ts.
 */
import { deepEqual } from '../../api/equal.ts';
import { getDesiredReplicasAnnotation, replicasAnnotationsNeedUpdate, revision, setReplicasAnnotations } from './annotations.ts';
import {
  getDeploymentCondition, hasProgressDeadline, hasRevisionHistoryLimit, MinimumReplicasAvailable, MinimumReplicasUnavailable,
  newDeploymentCondition, PausedDeployReason, ResumedDeployReason, setDeploymentCondition, TimedOutReason,
} from './conditions.ts';
import {
  byRevision, bySizeNewer, bySizeOlder, filterActiveReplicaSets, findActiveOrLatest, findOldReplicaSets,
  getActualReplicaCountForReplicaSets, getAvailableReplicaCountForReplicaSets, getProportion, getReadyReplicaCountForReplicaSets,
  getReplicaCountForReplicaSets, isRollingUpdate, isSaturated, maxSurge, maxUnavailable,
} from './deploymentUtil.ts';
import { getNewReplicaSet } from './newReplicaSet.ts';
import { dReplicas, nsOf, rsReplicas, writeStatus, type DeploymentClient, type DeploymentStatus, type V1Deployment, type V1ReplicaSet } from './types.ts';

/** Why a ReplicaSet is scaled: picks the narration (span args.reason). */
export type ScaleReason = 'rollingUpdate' | 'rollingUpdateOld' | 'cleanupUnhealthy' | 'recreate' | 'proportional' | 'scale' | 'saturated' | 'newReplicaSetDown';

/** getAllReplicaSetsAndSyncRevision: [newRS (created when asked and absent), all old RSs]. */
export function getAllReplicaSetsAndSyncRevision(
  dc: DeploymentClient, d: V1Deployment, rsList: V1ReplicaSet[], createIfNotExisted: boolean,
): [V1ReplicaSet | undefined, V1ReplicaSet[]] {
  const [, allOldRSs] = findOldReplicaSets(d, rsList);
  const newRS = getNewReplicaSet(dc, d, rsList, allOldRSs, createIfNotExisted);
  return [newRS, allOldRSs];
}

/** syncStatusOnly: a Deployment being deleted only gets its status refreshed. */
export function syncStatusOnly(dc: DeploymentClient, d: V1Deployment, rsList: V1ReplicaSet[]): void {
  const [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  syncDeploymentStatus(dc, [...oldRSs, newRS], newRS, d);
}

/** sync: scaling events and paused Deployments (no rollout). */
export function sync(dc: DeploymentClient, d: V1Deployment, rsList: V1ReplicaSet[]): void {
  const [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  scale(dc, d, newRS, oldRSs);
  if (d.spec?.paused) cleanupDeployment(dc, oldRSs, d);
  syncDeploymentStatus(dc, [...oldRSs, newRS], newRS, d);
}

/**
 * checkPausedConditions: Progressing=Unknown DeploymentPaused / DeploymentResumed, so a resumed
 * rollout is not judged against time spent paused. A timed-out condition is kept.
 */
export function checkPausedConditions(dc: DeploymentClient, d: V1Deployment): void {
  if (!hasProgressDeadline(d)) return;
  const cond = getDeploymentCondition(d.status, 'Progressing');
  if (cond?.reason === TimedOutReason) return;
  const pausedCondExists = cond?.reason === PausedDeployReason;
  const status: DeploymentStatus = { ...(d.status ?? {}) };
  if (d.spec?.paused && !pausedCondExists) {
    setDeploymentCondition(status, newDeploymentCondition('Progressing', 'Unknown', PausedDeployReason, 'Deployment is paused', dc.timestamp()));
  } else if (!d.spec?.paused && pausedCondExists) {
    setDeploymentCondition(status, newDeploymentCondition('Progressing', 'Unknown', ResumedDeployReason, 'Deployment is resumed', dc.timestamp()));
  } else return;
  writeStatus(dc, d, status, dc.cause);
}

function decisionSummary(d: V1Deployment, rs: V1ReplicaSet, from: number, to: number, reason: ScaleReason): string {
  const dn = d.metadata.name;
  const rn = rs.metadata.name;
  const want = dReplicas(d);
  switch (reason) {
    case 'rollingUpdate':
      return `Deployment ${dn}: rolling update, new ReplicaSet ${rn} ${from} → ${to} (maxSurge ${maxSurge(d)}).`;
    case 'rollingUpdateOld':
      return `Deployment ${dn}: rolling update, old ReplicaSet ${rn} ${from} → ${to} (at least ${want - maxUnavailable(d)} of ${want} stay available).`;
    case 'cleanupUnhealthy':
      return `Deployment ${dn}: old ReplicaSet ${rn} has unavailable pods, scaling it ${from} → ${to}.`;
    case 'recreate':
      return to === 0
        ? `Deployment ${dn}: Recreate, old ReplicaSet ${rn} ${from} → 0 before any new pod starts.`
        : `Deployment ${dn}: Recreate, old pods are gone, new ReplicaSet ${rn} ${from} → ${to}.`;
    case 'proportional':
      return `Deployment ${dn}: scaled to ${want} during a rollout, ReplicaSet ${rn} ${from} → ${to} (proportional).`;
    case 'saturated':
      return `Deployment ${dn}: new ReplicaSet is saturated, old ReplicaSet ${rn} ${from} → ${to}.`;
    case 'newReplicaSetDown':
    case 'scale':
      return `Deployment ${dn}: scaled to ${want}, ReplicaSet ${rn} ${from} → ${to}.`;
  }
}

/**
 * scaleReplicaSet: set spec.replicas and the desired/max annotations in one update; the event
 * (`Scaled up replica set web-7d4b9 from 1 to 2`) only when the size changed. A size change is
 * narrated first (span kind `deploymentScale`) and that span causes the write.
 */
export function scaleReplicaSet(
  dc: DeploymentClient, rs: V1ReplicaSet, newScale: number, d: V1Deployment, op: 'up' | 'down' | '', reason: ScaleReason,
): [boolean, V1ReplicaSet] {
  const from = rsReplicas(rs);
  const sizeNeedsUpdate = from !== newScale;
  const want = dReplicas(d);
  const max = want + maxSurge(d);
  if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, want, max)) return [false, rs];
  let cause = dc.cause;
  if (sizeNeedsUpdate) {
    cause = dc.decide(d, {
      kind: 'deploymentScale',
      args: { deployment: d.metadata.name, namespace: nsOf(d), rs: rs.metadata.name, from, to: newScale, reason, replicas: want, maxSurge: maxSurge(d), maxUnavailable: maxUnavailable(d) },
      summary: decisionSummary(d, rs, from, newScale, reason),
    }) ?? cause;
  }
  const copy: V1ReplicaSet = { ...rs, metadata: { ...rs.metadata, annotations: { ...(rs.metadata.annotations ?? {}) } }, spec: { ...rs.spec!, replicas: newScale } };
  setReplicasAnnotations(copy, want, max);
  const updated = dc.updateReplicaSet(copy, cause);
  if (sizeNeedsUpdate) dc.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${op} replica set ${rs.metadata.name} from ${from} to ${newScale}`);
  return [sizeNeedsUpdate, updated];
}

/** scaleReplicaSetAndRecordEvent: no-op when already at `newScale`. */
export function scaleReplicaSetAndRecordEvent(dc: DeploymentClient, rs: V1ReplicaSet, newScale: number, d: V1Deployment, reason: ScaleReason): [boolean, V1ReplicaSet] {
  if (rsReplicas(rs) === newScale) return [false, rs];
  return scaleReplicaSet(dc, rs, newScale, d, rsReplicas(rs) < newScale ? 'up' : 'down', reason);
}

/**
 * scale: one active RS goes straight to spec.replicas; a saturated new RS means old ones go to 0;
 * otherwise (RollingUpdate) `replicas + maxSurge − current` is spread proportionally, largest RS
 * first (newer first on ties when adding, older first when removing), leftovers to the first.
 */
export function scale(dc: DeploymentClient, d: V1Deployment, newRS: V1ReplicaSet | undefined, oldRSs: V1ReplicaSet[]): void {
  const want = dReplicas(d);
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    if (rsReplicas(activeOrLatest) === want) return;
    scaleReplicaSetAndRecordEvent(dc, activeOrLatest, want, d, 'scale');
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const old of filterActiveReplicaSets(oldRSs)) scaleReplicaSetAndRecordEvent(dc, old, 0, d, 'saturated');
    return;
  }
  if (!isRollingUpdate(d)) return;
  const allRSs = filterActiveReplicaSets([...oldRSs, newRS]);
  const allRSsReplicas = getReplicaCountForReplicaSets(allRSs);
  const allowedSize = want > 0 ? want + maxSurge(d) : 0;
  const toAdd = allowedSize - allRSsReplicas;
  let op: 'up' | 'down' | '' = '';
  if (toAdd > 0) {
    allRSs.sort(bySizeNewer);
    op = 'up';
  } else if (toAdd < 0) {
    allRSs.sort(bySizeOlder);
    op = 'down';
  }
  let added = 0;
  const nameToSize = new Map<string, number>();
  for (const rs of allRSs) {
    if (toAdd !== 0) {
      const proportion = getProportion(rs, d, toAdd, added);
      nameToSize.set(rs.metadata.name, rsReplicas(rs) + proportion);
      added += proportion;
    } else nameToSize.set(rs.metadata.name, rsReplicas(rs));
  }
  allRSs.forEach((rs, i) => {
    if (i === 0 && toAdd !== 0) {
      const leftover = toAdd - added;
      nameToSize.set(rs.metadata.name, Math.max(0, nameToSize.get(rs.metadata.name)! + leftover));
    }
    scaleReplicaSet(dc, rs, nameToSize.get(rs.metadata.name)!, d, op, 'proportional');
  });
}

/**
 * cleanupDeployment: keep the newest `revisionHistoryLimit` old RSs; older ones go only when they
 * have no replicas (spec and status) and the RS controller has observed their latest spec.
 */
export function cleanupDeployment(dc: DeploymentClient, oldRSs: V1ReplicaSet[], d: V1Deployment): void {
  if (!hasRevisionHistoryLimit(d)) return;
  const limit = d.spec!.revisionHistoryLimit!;
  const cleanable = oldRSs.filter((rs) => rs && !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - limit;
  if (diff <= 0) return;
  cleanable.sort(byRevision);
  for (let i = 0; i < diff; i++) {
    const rs = cleanable[i];
    if ((rs.status?.replicas ?? 0) !== 0 || rsReplicas(rs) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0) || rs.metadata.deletionTimestamp) continue;
    const cause = dc.decide(d, {
      kind: 'deploymentCleanup',
      args: { deployment: d.metadata.name, namespace: nsOf(d), rs: rs.metadata.name, revision: revision(rs), limit },
      summary: `Deployment ${d.metadata.name} keeps ${limit} old ReplicaSet${limit === 1 ? '' : 's'} (revisionHistoryLimit): deleting ${rs.metadata.name} (revision ${revision(rs)}).`,
    });
    dc.deleteReplicaSet(rs, cause ?? dc.cause);
  }
}

/** calculateStatus: sums over the RSs, observedGeneration, and the Available condition. Zero counts are omitted (omitempty). */
export function calculateStatus(allRSs: (V1ReplicaSet | undefined)[], newRS: V1ReplicaSet | undefined, d: V1Deployment, now: string): DeploymentStatus {
  const available = getAvailableReplicaCountForReplicaSets(allRSs);
  const total = getReplicaCountForReplicaSets(allRSs);
  const unavailable = Math.max(0, total - available);
  const s: DeploymentStatus = {
    observedGeneration: d.metadata.generation,
    replicas: getActualReplicaCountForReplicaSets(allRSs),
    updatedReplicas: getActualReplicaCountForReplicaSets([newRS]),
    readyReplicas: getReadyReplicaCountForReplicaSets(allRSs),
    availableReplicas: available,
    unavailableReplicas: unavailable,
  };
  // status.terminatingReplicas needs DeploymentReplicaSetTerminatingReplicas: alpha (off) in
  // v1.33–v1.34, so a v1.34 controller leaves it out (getTerminatingReplicaCountForReplicaSets).
  for (const k of ['observedGeneration', 'replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas'] as const) {
    if (!s[k]) delete s[k];
  }
  if (d.status?.conditions?.length) s.conditions = d.status.conditions.map((c) => ({ ...c }));
  if (d.status?.collisionCount !== undefined) s.collisionCount = d.status.collisionCount;
  if (available >= dReplicas(d) - maxUnavailable(d)) {
    setDeploymentCondition(s, newDeploymentCondition('Available', 'True', MinimumReplicasAvailable, 'Deployment has minimum availability.', now));
  } else {
    setDeploymentCondition(s, newDeploymentCondition('Available', 'False', MinimumReplicasUnavailable, 'Deployment does not have minimum availability.', now));
  }
  return s;
}

/** syncDeploymentStatus: write the calculated status when it differs. */
export function syncDeploymentStatus(dc: DeploymentClient, allRSs: (V1ReplicaSet | undefined)[], newRS: V1ReplicaSet | undefined, d: V1Deployment): void {
  const s = calculateStatus(allRSs, newRS, d, dc.timestamp());
  if (deepEqual(d.status ?? {}, s)) return;
  writeStatus(dc, d, s, dc.cause);
}

/** isScalingEvent: an active RS's desired-replicas annotation differs from spec.replicas. */
export function isScalingEvent(dc: DeploymentClient, d: V1Deployment, rsList: V1ReplicaSet[]): boolean {
  const [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  for (const rs of filterActiveReplicaSets([...oldRSs, newRS])) {
    const desired = getDesiredReplicasAnnotation(rs);
    if (desired === undefined) continue;
    if (desired !== dReplicas(d)) return true;
  }
  return false;
}
