/**
 * Pod helpers the controllers share. Mirrors k/k pkg/api/v1/pod/util.go (IsPodReady,
 * IsPodAvailable, GetPodReadyCondition), pkg/controller/controller_utils.go (IsPodActive,
 * FilterActivePods) and apimachinery meta/v1 controller_ref.go (GetControllerOf, NewControllerRef).
 */
import type { KubeObject } from '../types.ts';

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

interface PodLike extends KubeObject {
  spec?: { nodeName?: string; [k: string]: unknown };
  status?: { phase?: string; conditions?: { type: string; status: string; lastTransitionTime?: string }[]; [k: string]: unknown };
}

/** Not Succeeded/Failed and not being deleted: counts toward replicas (IsPodActive). */
export function isPodActive(pod: KubeObject): boolean {
  const phase = (pod as PodLike).status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

export function filterActivePods<T extends KubeObject>(pods: T[]): T[] {
  return pods.filter(isPodActive);
}

/** Not Succeeded/Failed, deletion or not: "terminating" pods still count here (controller_utils.go IsPodTerminating's complement). */
export function isPodTerminal(pod: KubeObject): boolean {
  const phase = (pod as PodLike).status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

export function podReadyCondition(pod: KubeObject): { status: string; lastTransitionTime?: string } | undefined {
  return (pod as PodLike).status?.conditions?.find((c) => c.type === 'Ready');
}

/** IsPodReady: the Ready condition is True. */
export function isPodReady(pod: KubeObject): boolean {
  return podReadyCondition(pod)?.status === 'True';
}

/**
 * IsPodAvailable: ready for at least `minReadySeconds` at `nowMs` (Unix ms on the virtual wall
 * clock). With minReadySeconds 0 a ready pod is available at once.
 */
export function isPodAvailable(pod: KubeObject, minReadySeconds: number, nowMs: number): boolean {
  const c = podReadyCondition(pod);
  if (c?.status !== 'True') return false;
  if (minReadySeconds <= 0) return true;
  const since = c.lastTransitionTime ? Date.parse(c.lastTransitionTime) : NaN;
  return Number.isFinite(since) && since + minReadySeconds * 1000 <= nowMs;
}

/** GetControllerOf: the ownerReference with `controller: true`, if any. */
export function getControllerOf(obj: KubeObject): OwnerReference | undefined {
  const refs = obj.metadata.ownerReferences as OwnerReference[] | undefined;
  return refs?.find((r) => r.controller === true);
}

/** NewControllerRef: `{apiVersion, kind, name, uid, controller: true, blockOwnerDeletion: true}`. */
export function newControllerRef(owner: KubeObject, apiVersion: string, kind: string): OwnerReference {
  return { apiVersion, kind, name: owner.metadata.name, uid: owner.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
}
