/**
 * Recreate: k/k pkg/controller/deployment/recreate.go (rolloutRecreate,
 * scaleDownOldReplicaSetsForRecreate, oldPodsRunning, scaleUpNewReplicaSetForRecreate). Every old
 * pod is gone before the new RS is created and scaled straight to spec.replicas.
 */
import type { KubeObject } from '../../types.ts';
import { deploymentComplete } from './conditions.ts';
import { filterActiveReplicaSets, getActualReplicaCountForReplicaSets } from './deploymentUtil.ts';
import { syncRolloutStatus } from './progress.ts';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision, scaleReplicaSetAndRecordEvent } from './sync.ts';
import { dReplicas, rsReplicas, SyncError, type DeploymentClient, type V1Deployment, type V1ReplicaSet } from './types.ts';

/** Pods of this Deployment grouped by the UID of the RS that controls them (getPodMapForDeployment). */
export type PodMap = Map<string, Iterable<KubeObject>>;

export function rolloutRecreate(dc: DeploymentClient, d: V1Deployment, rsList: V1ReplicaSet[], podMap: PodMap): void {
  // No new RS yet: scaling up before the old pods are gone would break the strategy.
  let [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  let allRSs: (V1ReplicaSet | undefined)[] = [...oldRSs, newRS];
  if (scaleDownOldReplicaSetsForRecreate(dc, filterActiveReplicaSets(oldRSs), d)) return syncRolloutStatus(dc, allRSs, newRS, d);
  if (oldPodsRunning(newRS, oldRSs, podMap)) return syncRolloutStatus(dc, allRSs, newRS, d);
  if (!newRS) {
    [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(dc, d, rsList, true);
    if (!newRS) throw new SyncError('no new replica set');
    allRSs = [...oldRSs, newRS];
  }
  scaleReplicaSetAndRecordEvent(dc, newRS, dReplicas(d), d, 'recreate');
  if (deploymentComplete(d, d.status ?? {})) cleanupDeployment(dc, oldRSs, d);
  syncRolloutStatus(dc, allRSs, newRS, d);
}

function scaleDownOldReplicaSetsForRecreate(dc: DeploymentClient, oldRSs: V1ReplicaSet[], d: V1Deployment): boolean {
  let scaled = false;
  for (const rs of oldRSs) {
    if (rsReplicas(rs) === 0) continue;
    if (scaleReplicaSetAndRecordEvent(dc, rs, 0, d, 'recreate')[0]) scaled = true;
  }
  return scaled;
}

/**
 * oldPodsRunning: an old RS still reports pods, or an old pod is not Succeeded/Failed (Unknown
 * counts as running; a terminating pod counts until it is gone). Beyond upstream: an old RS whose
 * scale-down the RS controller has not observed yet (status.observedGeneration < generation) also
 * counts — from a stale cache it may still create a pod, and the docs promise Recreate never runs
 * old and new pods together.
 */
export function oldPodsRunning(newRS: V1ReplicaSet | undefined, oldRSs: V1ReplicaSet[], podMap: PodMap): boolean {
  if (getActualReplicaCountForReplicaSets(oldRSs) > 0) return true;
  if (oldRSs.some((rs) => (rs.status?.observedGeneration ?? 0) < (rs.metadata.generation ?? 0))) return true;
  for (const [rsUID, pods] of podMap) {
    if (newRS && newRS.metadata.uid === rsUID) continue;
    for (const pod of pods) {
      const phase = (pod as { status?: { phase?: string } }).status?.phase;
      if (phase === 'Failed' || phase === 'Succeeded') continue;
      return true;
    }
  }
  return false;
}
