/**
 * RollingUpdate: k/k pkg/controller/deployment/rolling.go (rolloutRolling, reconcileNewReplicaSet,
 * reconcileOldReplicaSets, cleanupUnhealthyReplicas, scaleDownOldReplicaSetsForRollingUpdate).
 * Each sync makes at most one scaling step: up the new RS if it can, else down old ones.
 */
import { deploymentComplete } from './conditions.ts';
import {
  byCreationTimestamp, filterActiveReplicaSets, getAvailableReplicaCountForReplicaSets, getReplicaCountForReplicaSets, maxUnavailable,
  newRSNewReplicas,
} from './deploymentUtil.ts';
import { syncRolloutStatus } from './progress.ts';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision, scaleReplicaSetAndRecordEvent } from './sync.ts';
import { dReplicas, rsReplicas, SyncError, type DeploymentClient, type V1Deployment, type V1ReplicaSet } from './types.ts';

export function rolloutRolling(dc: DeploymentClient, d: V1Deployment, rsList: V1ReplicaSet[]): void {
  const [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(dc, d, rsList, true);
  if (!newRS) throw new SyncError('no new replica set');
  const allRSs = [...oldRSs, newRS];
  if (reconcileNewReplicaSet(dc, allRSs, newRS, d)) return syncRolloutStatus(dc, allRSs, newRS, d);
  if (reconcileOldReplicaSets(dc, allRSs, filterActiveReplicaSets(oldRSs), newRS, d)) return syncRolloutStatus(dc, allRSs, newRS, d);
  if (deploymentComplete(d, d.status ?? {})) cleanupDeployment(dc, oldRSs, d);
  syncRolloutStatus(dc, allRSs, newRS, d);
}

/** reconcileNewReplicaSet: down to spec.replicas when above it, else up as far as the surge allows. */
export function reconcileNewReplicaSet(dc: DeploymentClient, allRSs: V1ReplicaSet[], newRS: V1ReplicaSet, d: V1Deployment): boolean {
  const want = dReplicas(d);
  if (rsReplicas(newRS) === want) return false;
  if (rsReplicas(newRS) > want) return scaleReplicaSetAndRecordEvent(dc, newRS, want, d, 'newReplicaSetDown')[0];
  return scaleReplicaSetAndRecordEvent(dc, newRS, newRSNewReplicas(d, allRSs, newRS), d, 'rollingUpdate')[0];
}

/**
 * reconcileOldReplicaSets: maxScaledDown = allPods − minAvailable − newRSUnavailable (unavailable
 * new pods must not let us remove old ones); first shed unhealthy old replicas, then scale old RSs
 * down while available pods stay above minAvailable.
 */
export function reconcileOldReplicaSets(dc: DeploymentClient, allRSs: V1ReplicaSet[], oldRSs: V1ReplicaSet[], newRS: V1ReplicaSet, d: V1Deployment): boolean {
  const oldPodsCount = getReplicaCountForReplicaSets(oldRSs);
  if (oldPodsCount === 0) return false;
  const allPodsCount = getReplicaCountForReplicaSets(allRSs);
  const minAvailable = dReplicas(d) - maxUnavailable(d);
  const newRSUnavailablePodCount = rsReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPodsCount - minAvailable - newRSUnavailablePodCount;
  if (maxScaledDown <= 0) return false;
  const [cleaned, cleanupCount] = cleanupUnhealthyReplicas(dc, oldRSs, d, maxScaledDown);
  const scaledDownCount = scaleDownOldReplicaSetsForRollingUpdate(dc, [...cleaned, newRS], cleaned, d);
  return cleanupCount + scaledDownCount > 0;
}

/** cleanupUnhealthyReplicas: oldest first, drop up to `spec − available` replicas of each old RS. */
export function cleanupUnhealthyReplicas(dc: DeploymentClient, oldRSs: V1ReplicaSet[], d: V1Deployment, maxCleanupCount: number): [V1ReplicaSet[], number] {
  const rss = [...oldRSs].sort(byCreationTimestamp);
  let total = 0;
  for (let i = 0; i < rss.length; i++) {
    if (total >= maxCleanupCount) break;
    const rs = rss[i];
    const spec = rsReplicas(rs);
    const available = rs.status?.availableReplicas ?? 0;
    if (spec === 0 || spec === available) continue;
    const count = Math.min(maxCleanupCount - total, spec - available);
    const target = spec - count;
    if (target > spec) throw new SyncError(`when cleaning up unhealthy replicas, got invalid request to scale down ${rs.metadata.namespace}/${rs.metadata.name} ${spec} -> ${target}`);
    rss[i] = scaleReplicaSetAndRecordEvent(dc, rs, target, d, 'cleanupUnhealthy')[1];
    total += count;
  }
  return [rss, total];
}

/** scaleDownOldReplicaSetsForRollingUpdate: oldest first, remove up to `available − minAvailable`. */
export function scaleDownOldReplicaSetsForRollingUpdate(dc: DeploymentClient, allRSs: V1ReplicaSet[], oldRSs: V1ReplicaSet[], d: V1Deployment): number {
  const minAvailable = dReplicas(d) - maxUnavailable(d);
  const availablePodCount = getAvailableReplicaCountForReplicaSets(allRSs);
  if (availablePodCount <= minAvailable) return 0;
  const rss = [...oldRSs].sort(byCreationTimestamp);
  let total = 0;
  const totalScaleDownCount = availablePodCount - minAvailable;
  for (const rs of rss) {
    if (total >= totalScaleDownCount) break;
    const spec = rsReplicas(rs);
    if (spec === 0) continue;
    const count = Math.min(spec, totalScaleDownCount - total);
    scaleReplicaSetAndRecordEvent(dc, rs, spec - count, d, 'rollingUpdateOld');
    total += count;
  }
  return total;
}
