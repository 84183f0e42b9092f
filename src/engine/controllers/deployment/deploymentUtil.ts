/**
 * Replica arithmetic and ReplicaSet bookkeeping: k/k pkg/controller/deployment/util/
 * deployment_util.go (ResolveFenceposts, MaxSurge, MaxUnavailable, NewRSNewReplicas, GetProportion,
 * IsSaturated, FindNewReplicaSet, FindOldReplicaSets, FindActiveOrLatest, EqualIgnoreHash, the
 * Get*ReplicaCountForReplicaSets sums), apimachinery intstr GetScaledValueFromIntOrPercent and the
 * sort orders of pkg/controller/controller_utils.go.
 */
import { deepEqual } from '../../api/equal.ts';
import { getMaxReplicasAnnotation, getDesiredReplicasAnnotation, revision } from './annotations.ts';
import { dReplicas, rsReplicas, type PodTemplateSpec, type V1Deployment, type V1ReplicaSet } from './types.ts';

export const DefaultDeploymentUniqueLabelKey = 'pod-template-hash';

/** intstr.GetScaledValueFromIntOrPercent: `"25%"` of `total`, rounded up or down; an int as is. */
export function getScaledValueFromIntOrPercent(v: number | string | undefined, total: number, roundUp: boolean): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return v;
  const m = /^(-?\d+)%$/.exec(v);
  if (!m) return /^-?\d+$/.test(v) ? Number(v) : 0;
  const scaled = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

/**
 * ResolveFenceposts: maxSurge rounds up, maxUnavailable rounds down; when both resolve to 0,
 * maxUnavailable becomes 1 (rounding may zero it; surge alone might be blocked by quota).
 */
export function resolveFenceposts(maxSurge: number | string | undefined, maxUnavailable: number | string | undefined, desired: number): [number, number] {
  const surge = getScaledValueFromIntOrPercent(maxSurge ?? 0, desired, true);
  let unavailable = getScaledValueFromIntOrPercent(maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

export function isRollingUpdate(d: V1Deployment): boolean {
  return (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

function fenceposts(d: V1Deployment): [number, number] {
  const ru = d.spec?.strategy?.rollingUpdate;
  // The API server defaults both to 25%; objects built without it (tests) get the same.
  return resolveFenceposts(ru?.maxSurge ?? '25%', ru?.maxUnavailable ?? '25%', dReplicas(d));
}

/** MaxSurge: 0 unless RollingUpdate. */
export function maxSurge(d: V1Deployment): number {
  return isRollingUpdate(d) ? fenceposts(d)[0] : 0;
}

/** MaxUnavailable: 0 unless RollingUpdate with replicas > 0; capped at replicas. */
export function maxUnavailable(d: V1Deployment): number {
  const want = dReplicas(d);
  if (!isRollingUpdate(d) || want === 0) return 0;
  return Math.min(fenceposts(d)[1], want);
}

export function getReplicaCountForReplicaSets(rss: (V1ReplicaSet | undefined)[]): number {
  let n = 0;
  for (const rs of rss) if (rs) n += rsReplicas(rs);
  return n;
}

export function getActualReplicaCountForReplicaSets(rss: (V1ReplicaSet | undefined)[]): number {
  let n = 0;
  for (const rs of rss) if (rs) n += rs.status?.replicas ?? 0;
  return n;
}

export function getReadyReplicaCountForReplicaSets(rss: (V1ReplicaSet | undefined)[]): number {
  let n = 0;
  for (const rs of rss) if (rs) n += rs.status?.readyReplicas ?? 0;
  return n;
}

export function getAvailableReplicaCountForReplicaSets(rss: (V1ReplicaSet | undefined)[]): number {
  let n = 0;
  for (const rs of rss) if (rs) n += rs.status?.availableReplicas ?? 0;
  return n;
}

/** Sum of status.terminatingReplicas; undefined when any RS does not report it (as upstream). */
export function getTerminatingReplicaCountForReplicaSets(rss: (V1ReplicaSet | undefined)[]): number | undefined {
  let n = 0;
  for (const rs of rss) {
    if (!rs) continue;
    const t = (rs.status as { terminatingReplicas?: number } | undefined)?.terminatingReplicas;
    if (t === undefined) return undefined;
    n += t;
  }
  return n;
}

/**
 * NewRSNewReplicas: RollingUpdate scales the new RS up to replicas + maxSurge in total, never past
 * spec.replicas; Recreate goes straight to spec.replicas.
 */
export function newRSNewReplicas(d: V1Deployment, allRSs: (V1ReplicaSet | undefined)[], newRS: V1ReplicaSet): number {
  const want = dReplicas(d);
  if (!isRollingUpdate(d)) return want;
  const surge = getScaledValueFromIntOrPercent(d.spec?.strategy?.rollingUpdate?.maxSurge ?? '25%', want, true);
  const current = getReplicaCountForReplicaSets(allRSs);
  const maxTotal = want + surge;
  if (current >= maxTotal) return rsReplicas(newRS);
  return rsReplicas(newRS) + Math.min(maxTotal - current, want - rsReplicas(newRS));
}

/** IsSaturated: the new RS holds, is annotated for, and has available every desired replica. */
export function isSaturated(d: V1Deployment, rs: V1ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desired = getDesiredReplicasAnnotation(rs);
  if (desired === undefined) return false;
  const want = dReplicas(d);
  return rsReplicas(rs) === want && desired === want && (rs.status?.availableReplicas ?? 0) === want;
}

/** Go's math.Round (half away from zero). */
function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/** getReplicaSetFraction: this RS's share of the new size, scaled from its max-replicas annotation. */
function getReplicaSetFraction(rs: V1ReplicaSet, d: V1Deployment): number {
  if (dReplicas(d) === 0) return -rsReplicas(rs);
  const deploymentReplicas = dReplicas(d) + maxSurge(d);
  const annotated = getMaxReplicasAnnotation(rs) ?? d.status?.replicas ?? 0;
  if (annotated === 0) return 0;
  return roundHalfAway((rsReplicas(rs) * deploymentReplicas) / annotated) - rsReplicas(rs);
}

/** GetProportion: how many replicas this RS gains (or loses) in a proportional scale. */
export function getProportion(rs: V1ReplicaSet | undefined, d: V1Deployment, toAdd: number, added: number): number {
  if (!rs || rsReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = getReplicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/** EqualIgnoreHash: templates equal once the pod-template-hash label is ignored. */
export function equalIgnoreHash(t1: PodTemplateSpec | undefined, t2: PodTemplateSpec | undefined): boolean {
  const strip = (t: PodTemplateSpec | undefined) => {
    const labels = { ...(t?.metadata?.labels ?? {}) };
    delete labels[DefaultDeploymentUniqueLabelKey];
    const meta = { ...(t?.metadata ?? {}), labels: Object.keys(labels).length ? labels : undefined };
    return { ...(t ?? {}), metadata: meta };
  };
  return deepEqual(strip(t1), strip(t2));
}

function createdMs(rs: V1ReplicaSet): number {
  const t = Date.parse(rs.metadata.creationTimestamp ?? '');
  return Number.isFinite(t) ? t : 0;
}

/** ReplicaSetsByCreationTimestamp: oldest first, name breaks ties. */
export function byCreationTimestamp(a: V1ReplicaSet, b: V1ReplicaSet): number {
  return createdMs(a) - createdMs(b) || (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0);
}

/** ReplicaSetsBySizeOlder: largest first, older first on ties. */
export function bySizeOlder(a: V1ReplicaSet, b: V1ReplicaSet): number {
  return rsReplicas(b) - rsReplicas(a) || byCreationTimestamp(a, b);
}

/** ReplicaSetsBySizeNewer: largest first, newer first on ties. */
export function bySizeNewer(a: V1ReplicaSet, b: V1ReplicaSet): number {
  return rsReplicas(b) - rsReplicas(a) || byCreationTimestamp(b, a);
}

/** ReplicaSetsByRevision: lowest revision first, creation time breaks ties. */
export function byRevision(a: V1ReplicaSet, b: V1ReplicaSet): number {
  const ra = revision(a);
  const rb = revision(b);
  if (!Number.isFinite(ra) || !Number.isFinite(rb) || ra === rb) return byCreationTimestamp(a, b);
  return ra - rb;
}

/** FilterActiveReplicaSets: spec.replicas > 0. */
export function filterActiveReplicaSets(rss: (V1ReplicaSet | undefined)[]): V1ReplicaSet[] {
  return rss.filter((rs): rs is V1ReplicaSet => !!rs && rsReplicas(rs) > 0);
}

/** FindNewReplicaSet: the oldest RS whose template equals the Deployment's (ignoring the hash label). */
export function findNewReplicaSet(d: V1Deployment, rsList: V1ReplicaSet[]): V1ReplicaSet | undefined {
  return [...rsList].sort(byCreationTimestamp).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

/** FindOldReplicaSets: [old RSs with replicas, all old RSs]. */
export function findOldReplicaSets(d: V1Deployment, rsList: V1ReplicaSet[]): [V1ReplicaSet[], V1ReplicaSet[]] {
  const newRS = findNewReplicaSet(d, rsList);
  const all = rsList.filter((rs) => !newRS || rs.metadata.uid !== newRS.metadata.uid);
  return [all.filter((rs) => rsReplicas(rs) !== 0), all];
}

/** FindActiveOrLatest: the only active RS, or the newest when none is active; undefined when several are. */
export function findActiveOrLatest(newRS: V1ReplicaSet | undefined, oldRSs: V1ReplicaSet[]): V1ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const sortedOld = [...oldRSs].sort((a, b) => byCreationTimestamp(b, a));
  const active = filterActiveReplicaSets([...sortedOld, newRS]);
  if (active.length === 0) return newRS ?? sortedOld[0];
  return active.length === 1 ? active[0] : undefined;
}
