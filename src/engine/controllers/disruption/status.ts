/**
 * The disruption controller's arithmetic. Mirrors pkg/controller/disruption/disruption.go
 * (getExpectedPodCount, getExpectedScale, buildDisruptedPodMap, countHealthyPods, updatePdbStatus)
 * and apimachinery intstr.GetScaledValueFromIntOrPercent (rounding up).
 */
import type { KubeObject } from '../../types.ts';
import { getControllerOf, isPodReady } from '../podutil.ts';

type Obj = Record<string, unknown>;

/** DeletionTimeout: an evicted pod not deleted within 2 minutes counts again. */
export const DELETION_TIMEOUT_MS = 2 * 60 * 1000;

/** What a controller finder returns: the owning scalable controller's UID and spec.replicas. */
export interface ControllerScale {
  uid: string;
  scale: number;
}

/** Looks up the controller a pod's controllerRef names (ReplicaSet→Deployment, StatefulSet…). */
export type ControllerFinder = (ref: { kind: string; apiVersion: string; name: string; uid: string }, namespace: string) => ControllerScale | undefined;

/** GetScaledValueFromIntOrPercent(v, total, roundUp=true). Throws on a malformed value. */
export function scaledValue(v: unknown, total: number): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const m = /^([0-9]+)%$/.exec(v);
    if (m) return Math.ceil((Number(m[1]) * total) / 100);
    if (!v.endsWith('%')) throw new Error('invalid value for IntOrString: invalid type: string is not a percentage');
    throw new Error(`invalid value for IntOrString: invalid value ${JSON.stringify(v)}: strconv.Atoi: parsing ${JSON.stringify(v.slice(0, -1))}: invalid syntax`);
  }
  throw new Error('invalid value for IntOrString: invalid type: neither int nor percentage');
}

export interface ExpectedCount {
  expectedCount: number;
  desiredHealthy: number;
  unmanagedPods: string[];
}

/** getExpectedScale: the sum of the scales of the pods' controllers (each counted once). */
function expectedScale(pods: KubeObject[], find: ControllerFinder): { expected: number; unmanaged: string[] } {
  const scales = new Map<string, number>();
  const unmanaged: string[] = [];
  for (const pod of pods) {
    const ref = getControllerOf(pod);
    if (!ref) {
      unmanaged.push(pod.metadata.name);
      continue;
    }
    if (scales.has(ref.uid)) continue;
    const found = find(ref, pod.metadata.namespace ?? 'default');
    if (!found) throw new Error(`found no controllers for pod ${JSON.stringify(pod.metadata.name)}`);
    scales.set(found.uid, found.scale);
  }
  let expected = 0;
  for (const s of scales.values()) expected += s;
  return { expected, unmanaged };
}

/** getExpectedPodCount. Throws (with upstream wording) when a controller cannot be found. */
export function getExpectedPodCount(spec: Obj, pods: KubeObject[], find: ControllerFinder): ExpectedCount {
  const min = spec.minAvailable;
  const max = spec.maxUnavailable;
  if (max !== undefined && max !== null) {
    const { expected, unmanaged } = expectedScale(pods, find);
    const desired = Math.max(0, expected - scaledValue(max, expected));
    return { expectedCount: expected, desiredHealthy: desired, unmanagedPods: unmanaged };
  }
  if (typeof min === 'number') return { expectedCount: pods.length, desiredHealthy: min, unmanagedPods: [] };
  if (typeof min === 'string') {
    const { expected, unmanaged } = expectedScale(pods, find);
    return { expectedCount: expected, desiredHealthy: scaledValue(min, expected), unmanagedPods: unmanaged };
  }
  return { expectedCount: 0, desiredHealthy: 0, unmanagedPods: [] };
}

/**
 * buildDisruptedPodMap: the entries still waiting for their pod's deletion (pods already being
 * deleted, or gone, drop out); `expired` are pods that outlived DeletionTimeout.
 */
export function buildDisruptedPodMap(
  pods: KubeObject[],
  disrupted: Record<string, string> | undefined,
  nowMs: number,
): { map: Record<string, string>; recheckAtMs?: number; expired: KubeObject[] } {
  const map: Record<string, string> = {};
  const expired: KubeObject[] = [];
  let recheckAtMs: number | undefined;
  if (!disrupted) return { map, expired };
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    const at = disrupted[pod.metadata.name];
    if (at === undefined) continue;
    const expectedDeletion = Date.parse(at) + DELETION_TIMEOUT_MS;
    if (expectedDeletion < nowMs) expired.push(pod);
    else {
      if (recheckAtMs === undefined || expectedDeletion < recheckAtMs) recheckAtMs = expectedDeletion;
      map[pod.metadata.name] = at;
    }
  }
  return { map, recheckAtMs, expired };
}

/** countHealthyPods: Ready pods that are neither being deleted nor recently evicted. */
export function countHealthyPods(pods: KubeObject[], disrupted: Record<string, string>, nowMs: number): number {
  let n = 0;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    const at = disrupted[pod.metadata.name];
    if (at !== undefined && Date.parse(at) + DELETION_TIMEOUT_MS > nowMs) continue;
    if (isPodReady(pod)) n++;
  }
  return n;
}

/** updatePdbStatus's rule: no disruptions while nothing is expected or the budget is not exceeded. */
export function disruptionsAllowed(currentHealthy: number, desiredHealthy: number, expectedCount: number): number {
  const d = currentHealthy - desiredHealthy;
  return expectedCount <= 0 || d <= 0 ? 0 : d;
}
