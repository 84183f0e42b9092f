/**
 * getNewReplicaSet (k/k pkg/controller/deployment/sync.go): find the RS whose template equals the
 * Deployment's and sync its revision (a rollback re-uses and re-numbers an old RS), or create
 * `<deployment>-<pod-template-hash>` with NewRSNewReplicas replicas, handling hash collisions.
 */
import { getControllerOf, newControllerRef } from '../podutil.ts';
import { maxRevision, RevisionAnnotation, revision, setDeploymentRevision, setNewReplicaSetAnnotations } from './annotations.ts';
import {
  FailedRSCreateReason, FoundNewRSReason, getDeploymentCondition, hasProgressDeadline, newDeploymentCondition, NewReplicaSetReason,
  setDeploymentCondition,
} from './conditions.ts';
import { DefaultDeploymentUniqueLabelKey, equalIgnoreHash, findNewReplicaSet, maxSurge, newRSNewReplicas } from './deploymentUtil.ts';
import { computeHash } from './hash.ts';
import { nsOf, SyncError, writeStatus, type DeploymentClient, type DeploymentStatus, type V1Deployment, type V1ReplicaSet } from './types.ts';

export function getNewReplicaSet(
  dc: DeploymentClient, d: V1Deployment, rsList: V1ReplicaSet[], oldRSs: V1ReplicaSet[], createIfNotExisted: boolean,
): V1ReplicaSet | undefined {
  const existing = findNewReplicaSet(d, rsList);
  const newRevision = maxRevision(oldRSs) + 1;

  if (existing) {
    const rsCopy: V1ReplicaSet = { ...existing, metadata: { ...existing.metadata, annotations: { ...(existing.metadata.annotations ?? {}) } }, spec: { ...existing.spec! } };
    const before = revision(existing);
    const annotationsUpdated = setNewReplicaSetAnnotations(d, rsCopy, newRevision, true, maxSurge(d));
    const minReadySecondsNeedsUpdate = (rsCopy.spec!.minReadySeconds ?? 0) !== (d.spec?.minReadySeconds ?? 0);
    if (annotationsUpdated || minReadySecondsNeedsUpdate) {
      rsCopy.spec!.minReadySeconds = d.spec?.minReadySeconds;
      let cause = dc.cause;
      const after = revision(rsCopy);
      if (after !== before && before > 0) {
        cause = dc.decide(d, {
          kind: 'deploymentReuseReplicaSet',
          args: { deployment: d.metadata.name, namespace: nsOf(d), rs: existing.metadata.name, from: before, to: after },
          summary: `Deployment ${d.metadata.name}: the pod template matches old ReplicaSet ${existing.metadata.name}; its revision ${before} becomes ${after}.`,
        }) ?? cause;
      }
      const updated = dc.updateReplicaSet(rsCopy, cause);
      // Later steps of this sync read rsList: give them the object we just wrote.
      const i = rsList.indexOf(existing);
      if (i >= 0) rsList[i] = updated;
      return updated;
    }
    // The Deployment's revision follows its new RS's.
    let needsUpdate = setDeploymentRevision(d, rsCopy.metadata.annotations?.[RevisionAnnotation] ?? '');
    const status: DeploymentStatus = { ...(d.status ?? {}) };
    if (hasProgressDeadline(d) && !getDeploymentCondition(d.status, 'Progressing')) {
      setDeploymentCondition(status, newDeploymentCondition('Progressing', 'True', FoundNewRSReason, `Found new replica set "${rsCopy.metadata.name}"`, dc.timestamp()));
      needsUpdate = true;
    }
    if (needsUpdate) writeStatus(dc, d, status, dc.cause);
    return rsCopy;
  }

  if (!createIfNotExisted) return undefined;

  const template = d.spec?.template ?? {};
  const collisionCount = d.status?.collisionCount;
  const hash = computeHash(template, collisionCount);
  const labels = { ...(template.metadata?.labels ?? {}), [DefaultDeploymentUniqueLabelKey]: hash };
  const selector = { ...(d.spec?.selector ?? {}), matchLabels: { ...(d.spec?.selector?.matchLabels ?? {}), [DefaultDeploymentUniqueLabelKey]: hash } };
  const name = `${d.metadata.name}-${hash}`;
  const newRS: V1ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: nsOf(d), ownerReferences: [newControllerRef(d, 'apps/v1', 'Deployment')], labels },
    spec: {
      replicas: 0,
      minReadySeconds: d.spec?.minReadySeconds,
      selector,
      template: { ...template, metadata: { ...(template.metadata ?? {}), labels } },
    },
  };
  const replicas = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
  newRS.spec!.replicas = replicas;
  setNewReplicaSetAnnotations(d, newRS, newRevision, false, maxSurge(d));

  const cause = dc.decide(d, {
    kind: 'deploymentNewReplicaSet',
    args: { deployment: d.metadata.name, namespace: nsOf(d), rs: name, revision: newRevision, replicas },
    summary: `Deployment ${d.metadata.name}: no ReplicaSet has its pod template, creating ${name} (revision ${newRevision}) with ${replicas} replica${replicas === 1 ? '' : 's'}.`,
  }) ?? dc.cause;
  const res = dc.createReplicaSet(newRS, cause);
  let created = res.rs;
  let alreadyExists = false;
  if (res.code === 409) {
    alreadyExists = true;
    const rs = dc.getReplicaSet(nsOf(d), name);
    if (!rs) throw new SyncError(`replicaset.apps "${name}" already exists`);
    const ref = getControllerOf(rs);
    if (ref && ref.uid === d.metadata.uid && equalIgnoreHash(d.spec?.template, rs.spec?.template)) created = rs;
    else {
      // A hash collision: bump collisionCount so the next sync hashes to another name.
      const status: DeploymentStatus = { ...(d.status ?? {}), collisionCount: (d.status?.collisionCount ?? 0) + 1 };
      writeStatus(dc, d, status, cause);
      throw new SyncError(`replicasets.apps "${name}" already exists`);
    }
  } else if (!created) {
    const msg = `Failed to create new replica set "${name}": ${res.message ?? `code ${res.code}`}`;
    if (hasProgressDeadline(d)) {
      const status: DeploymentStatus = { ...(d.status ?? {}) };
      setDeploymentCondition(status, newDeploymentCondition('Progressing', 'False', FailedRSCreateReason, msg, dc.timestamp()));
      try {
        writeStatus(dc, d, status, cause);
      } catch {
        // The bigger problem is the create error, reported below.
      }
    }
    dc.event(d, 'Warning', FailedRSCreateReason, msg);
    throw new SyncError(msg);
  }
  if (!alreadyExists && replicas > 0) dc.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created!.metadata.name} from 0 to ${replicas}`);

  let needsUpdate = setDeploymentRevision(d, String(newRevision));
  const status: DeploymentStatus = { ...(d.status ?? {}) };
  if (!alreadyExists && hasProgressDeadline(d)) {
    setDeploymentCondition(status, newDeploymentCondition('Progressing', 'True', NewReplicaSetReason, `Created new replica set "${created!.metadata.name}"`, dc.timestamp()));
    needsUpdate = true;
  }
  if (needsUpdate) writeStatus(dc, d, status, cause);
  return created;
}
