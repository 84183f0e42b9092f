/**
 * Revision history and the replica annotations: k/k pkg/controller/deployment/util/
 * deployment_util.go (Revision, MaxRevision, SetNewReplicaSetAnnotations, annotationsToSkip,
 * copyDeploymentAnnotationsToReplicaSet, SetDeploymentRevision, SetReplicasAnnotations).
 */
import type { KubeObject } from '../../types.ts';
import type { V1Deployment, V1ReplicaSet } from './types.ts';

export const RevisionAnnotation = 'deployment.kubernetes.io/revision';
export const RevisionHistoryAnnotation = 'deployment.kubernetes.io/revision-history';
export const DesiredReplicasAnnotation = 'deployment.kubernetes.io/desired-replicas';
export const MaxReplicasAnnotation = 'deployment.kubernetes.io/max-replicas';
export const LastAppliedConfigAnnotation = 'kubectl.kubernetes.io/last-applied-configuration';
export const DeprecatedRollbackTo = 'deprecated.deployment.rollback.to';
/** sync.go maxRevHistoryLengthInChars. */
export const MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000;

const annotationsToSkip = new Set([
  LastAppliedConfigAnnotation,
  RevisionAnnotation,
  RevisionHistoryAnnotation,
  DesiredReplicasAnnotation,
  MaxReplicasAnnotation,
  DeprecatedRollbackTo,
]);

export function skipCopyAnnotation(key: string): boolean {
  return annotationsToSkip.has(key);
}

/** Revision: the revision annotation as an integer; 0 when absent, NaN when unparsable. */
export function revision(obj: KubeObject): number {
  const v = obj.metadata.annotations?.[RevisionAnnotation];
  if (v === undefined) return 0;
  return /^-?\d+$/.test(v) ? Number(v) : NaN;
}

/** MaxRevision: the highest parsable revision (0 for none). */
export function maxRevision(rss: V1ReplicaSet[]): number {
  let max = 0;
  for (const rs of rss) {
    const v = revision(rs);
    if (Number.isFinite(v) && v > max) max = v;
  }
  return max;
}

/** copyDeploymentAnnotationsToReplicaSet: mutates `rs` (a copy); true if something changed. */
export function copyDeploymentAnnotationsToReplicaSet(d: V1Deployment, rs: V1ReplicaSet): boolean {
  let changed = false;
  const a = (rs.metadata.annotations ??= {});
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (skipCopyAnnotation(k) || (k in a && a[k] === v)) continue;
    a[k] = v;
    changed = true;
  }
  return changed;
}

/** SetReplicasAnnotations: desired-replicas and max-replicas; true if either changed. */
export function setReplicasAnnotations(rs: V1ReplicaSet, desired: number, max: number): boolean {
  const a = (rs.metadata.annotations ??= {});
  let updated = false;
  if (a[DesiredReplicasAnnotation] !== String(desired)) {
    a[DesiredReplicasAnnotation] = String(desired);
    updated = true;
  }
  if (a[MaxReplicasAnnotation] !== String(max)) {
    a[MaxReplicasAnnotation] = String(max);
    updated = true;
  }
  return updated;
}

export function replicasAnnotationsNeedUpdate(rs: V1ReplicaSet, desired: number, max: number): boolean {
  const a = rs.metadata.annotations;
  return !a || a[DesiredReplicasAnnotation] !== String(desired) || a[MaxReplicasAnnotation] !== String(max);
}

function intAnnotation(rs: V1ReplicaSet, key: string): number | undefined {
  const v = rs.metadata.annotations?.[key];
  return v !== undefined && /^[+-]?\d+$/.test(v) ? Number(v) : undefined;
}

export function getDesiredReplicasAnnotation(rs: V1ReplicaSet): number | undefined {
  return intAnnotation(rs, DesiredReplicasAnnotation);
}

export function getMaxReplicasAnnotation(rs: V1ReplicaSet): number | undefined {
  return intAnnotation(rs, MaxReplicasAnnotation);
}

/**
 * SetNewReplicaSetAnnotations: copy the Deployment's annotations, raise the revision to
 * `newRevision` when lower (appending the old number to revision-history: a rollback), and on
 * create set the replica annotations. Mutates `rs` (a copy); true if anything changed.
 */
export function setNewReplicaSetAnnotations(
  d: V1Deployment,
  rs: V1ReplicaSet,
  newRevision: number,
  exists: boolean,
  maxSurgeValue: number,
  revHistoryLimitInChars = MAX_REV_HISTORY_LENGTH_IN_CHARS,
): boolean {
  let changed = copyDeploymentAnnotationsToReplicaSet(d, rs);
  const a = (rs.metadata.annotations ??= {});
  const had = RevisionAnnotation in a;
  const oldRevision = a[RevisionAnnotation] ?? '';
  let oldRevisionInt = 0;
  if (oldRevision !== '') {
    if (!/^-?\d+$/.test(oldRevision)) return false;
    oldRevisionInt = Number(oldRevision);
  }
  if (oldRevisionInt < newRevision) {
    a[RevisionAnnotation] = String(newRevision);
    changed = true;
  }
  if (had && oldRevisionInt < newRevision) {
    const history = a[RevisionHistoryAnnotation] ?? '';
    const old = history.split(',');
    if (old[0].length === 0) a[RevisionHistoryAnnotation] = oldRevision;
    else {
      let totalLen = history.length + oldRevision.length + 1;
      let start = 0;
      while (totalLen > revHistoryLimitInChars && start < old.length) {
        totalLen -= old[start].length + 1;
        start++;
      }
      if (totalLen <= revHistoryLimitInChars) a[RevisionHistoryAnnotation] = [...old.slice(start), oldRevision].join(',');
    }
  }
  const want = d.spec?.replicas ?? 1;
  if (!exists && setReplicasAnnotations(rs, want, want + maxSurgeValue)) changed = true;
  return changed;
}

/** SetDeploymentRevision: mutates `d` (a copy); true if the annotation changed. */
export function setDeploymentRevision(d: V1Deployment, rev: string): boolean {
  const a = (d.metadata.annotations ??= {});
  if (a[RevisionAnnotation] === rev) return false;
  a[RevisionAnnotation] = rev;
  return true;
}
