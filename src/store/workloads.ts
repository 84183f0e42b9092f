/**
 * Ownership as the cluster view draws it: Deployment → ReplicaSets (newest revision first) →
 * Pods, read from ownerReferences (the controller ref) and the
 * `deployment.kubernetes.io/revision` annotation, as `kubectl describe deployment` pairs them.
 * Pure functions over the store's maps, so they run under vitest.
 */
import type { KubeObject } from '../protocol/types.ts';

/** Store resource names (qualified as the API server's change feed names them). */
export const DEPLOYMENTS = 'deployments.apps';
export const REPLICASETS = 'replicasets.apps';
export const REVISION = 'deployment.kubernetes.io/revision';

interface OwnerRef { kind?: string; name?: string; uid?: string; controller?: boolean }

/** The controller ownerReference of `obj` (podutil.getControllerOf). */
export function controllerOf(obj: KubeObject | undefined): OwnerRef | undefined {
  const refs = (obj?.metadata as { ownerReferences?: OwnerRef[] } | undefined)?.ownerReferences;
  return refs?.find((r) => r.controller === true);
}

/** Store key of an object of `resource` named `name` in `namespace`. */
export const keyOf = (resource: string, namespace: string | undefined, name: string) => `${resource}/${namespace ?? ''}/${name}`;

/** The revision annotation as a number (0 when absent). */
export function revisionOf(obj: KubeObject | undefined): number {
  const raw = obj?.metadata.annotations?.[REVISION];
  const n = raw === undefined ? NaN : Number.parseInt(raw, 10);
  return Number.isFinite(n) ? n : 0;
}

/** How a pod's ReplicaSet relates to its Deployment: the current template, an older one, or no Deployment. */
export type OwnerRole = 'new' | 'old' | 'solo';

/**
 * The role of the ReplicaSet keyed `rsKey` under its Deployment: `new` when its revision is the
 * Deployment's (the controller stamps both with the same number), `old` otherwise; `solo` when
 * no Deployment controls it.
 */
export function replicaSetRole(byResource: Record<string, Record<string, KubeObject> | undefined>, rsKey: string): OwnerRole | undefined {
  const rs = byResource[REPLICASETS]?.[rsKey];
  if (!rs) return undefined;
  const owner = controllerOf(rs);
  if (owner?.kind !== 'Deployment' || !owner.name) return 'solo';
  const d = byResource[DEPLOYMENTS]?.[keyOf(DEPLOYMENTS, rs.metadata.namespace, owner.name)];
  if (!d) return 'solo';
  const dRev = revisionOf(d);
  return dRev === 0 || revisionOf(rs) === dRev ? 'new' : 'old';
}

/** A pod's controlling ReplicaSet name and role (`undefined` for a bare pod). */
export function podOwner(byResource: Record<string, Record<string, KubeObject> | undefined>, pod: KubeObject | undefined): { name: string; role: OwnerRole } | undefined {
  const ref = controllerOf(pod);
  if (!pod || ref?.kind !== 'ReplicaSet' || !ref.name) return undefined;
  const role = replicaSetRole(byResource, keyOf(REPLICASETS, pod.metadata.namespace, ref.name)) ?? 'solo';
  return { name: ref.name, role };
}

/** Replica counts of a ReplicaSet (spec against status). */
export interface ReplicaSetCounts {
  key: string;
  name: string;
  namespace: string;
  revision: number;
  role: OwnerRole;
  desired: number;
  current: number;
  ready: number;
  available: number;
}

/** A Deployment with its ReplicaSets, or a ReplicaSet no Deployment controls (`deployment` absent). */
export interface WorkloadGroup {
  key: string;
  deployment?: {
    key: string;
    name: string;
    namespace: string;
    revision: number;
    desired: number;
    updated: number;
    ready: number;
    available: number;
    current: number;
  };
  replicaSets: ReplicaSetCounts[];
}

interface RsShape { spec?: { replicas?: number }; status?: { replicas?: number; readyReplicas?: number; availableReplicas?: number } }
interface DeployShape { spec?: { replicas?: number }; status?: { replicas?: number; updatedReplicas?: number; readyReplicas?: number; availableReplicas?: number } }

/** ReplicaSet spec/status counts (unset numbers are 0, as kubectl prints them). */
export function rsCounts(key: string, rs: KubeObject, role: OwnerRole): ReplicaSetCounts {
  const r = rs as unknown as RsShape;
  return {
    key,
    name: rs.metadata.name,
    namespace: rs.metadata.namespace ?? 'default',
    revision: revisionOf(rs),
    role,
    desired: r.spec?.replicas ?? 1,
    current: r.status?.replicas ?? 0,
    ready: r.status?.readyReplicas ?? 0,
    available: r.status?.availableReplicas ?? 0,
  };
}

/**
 * Every Deployment with its ReplicaSets (newest revision first; old ReplicaSets scaled to 0 are
 * kept only while they still have pods, so the strip shows the rollout and not the history),
 * then every ReplicaSet without a Deployment. Sorted by namespace/name.
 */
export function workloadGroups(
  deployments: Record<string, KubeObject> | undefined,
  replicaSets: Record<string, KubeObject> | undefined,
): WorkloadGroup[] {
  const byOwner = new Map<string, ReplicaSetCounts[]>();
  const solo: WorkloadGroup[] = [];
  for (const [key, rs] of Object.entries(replicaSets ?? {})) {
    const owner = controllerOf(rs);
    const dKey = owner?.kind === 'Deployment' && owner.name ? keyOf(DEPLOYMENTS, rs.metadata.namespace, owner.name) : undefined;
    const d = dKey ? deployments?.[dKey] : undefined;
    if (!d || !dKey) {
      solo.push({ key, replicaSets: [rsCounts(key, rs, 'solo')] });
      continue;
    }
    const dRev = revisionOf(d);
    const role: OwnerRole = dRev === 0 || revisionOf(rs) === dRev ? 'new' : 'old';
    const list = byOwner.get(dKey) ?? [];
    list.push(rsCounts(key, rs, role));
    byOwner.set(dKey, list);
  }
  const groups: WorkloadGroup[] = [];
  for (const [key, d] of Object.entries(deployments ?? {})) {
    const s = d as unknown as DeployShape;
    const all = (byOwner.get(key) ?? []).sort((a, b) => b.revision - a.revision || a.name.localeCompare(b.name));
    const shown = all.filter((rs) => rs.role === 'new' || rs.desired > 0 || rs.current > 0);
    groups.push({
      key,
      deployment: {
        key,
        name: d.metadata.name,
        namespace: d.metadata.namespace ?? 'default',
        revision: revisionOf(d),
        desired: s.spec?.replicas ?? 1,
        updated: s.status?.updatedReplicas ?? 0,
        ready: s.status?.readyReplicas ?? 0,
        available: s.status?.availableReplicas ?? 0,
        current: s.status?.replicas ?? 0,
      },
      replicaSets: shown,
    });
  }
  const order = (g: WorkloadGroup) => g.deployment ? `${g.deployment.namespace}/${g.deployment.name}` : `${g.replicaSets[0]!.namespace}/${g.replicaSets[0]!.name}`;
  return [...groups.sort((a, b) => order(a).localeCompare(order(b))), ...solo.sort((a, b) => order(a).localeCompare(order(b)))];
}
