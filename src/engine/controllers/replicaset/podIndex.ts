/**
 * Pods indexed by their controller's UID, and orphans by namespace — the informer indexer the
 * upstream controllers query (controller_utils.go: PodControllerUIDIndex, orphan pods), so a
 * sync reads only its own pods instead of listing every pod in the cluster.
 */
import type { V1Pod } from '../../scheduler/types.ts';
import { podKey } from '../../scheduler/types.ts';
import { getControllerOf } from '../podutil.ts';

export class PodIndex {
  private readonly byOwner = new Map<string, Map<string, V1Pod>>();
  private readonly orphans = new Map<string, Map<string, V1Pod>>();
  /** Where each pod key currently sits: `uid:<uid>` or `ns:<namespace>`. */
  private readonly bucketOf = new Map<string, string>();

  private bucket(b: string, create: boolean): Map<string, V1Pod> | undefined {
    const uid = b.startsWith('uid:');
    const map = uid ? this.byOwner : this.orphans;
    const k = b.slice(uid ? 4 : 3);
    let m = map.get(k);
    if (!m && create) map.set(k, (m = new Map()));
    return m;
  }

  upsert(pod: V1Pod): void {
    const key = podKey(pod);
    const ref = getControllerOf(pod);
    const b = ref ? `uid:${ref.uid}` : `ns:${pod.metadata.namespace ?? 'default'}`;
    const prev = this.bucketOf.get(key);
    if (prev !== undefined && prev !== b) this.removeFrom(prev, key);
    this.bucketOf.set(key, b);
    this.bucket(b, true)!.set(key, pod);
  }

  remove(pod: V1Pod): void {
    const key = podKey(pod);
    const prev = this.bucketOf.get(key);
    if (prev === undefined) return;
    this.removeFrom(prev, key);
    this.bucketOf.delete(key);
  }

  private removeFrom(b: string, key: string): void {
    const m = this.bucket(b, false);
    if (!m) return;
    m.delete(key);
    if (m.size === 0) (b.startsWith('uid:') ? this.byOwner : this.orphans).delete(b.slice(b.startsWith('uid:') ? 4 : 3));
  }

  /** Pods whose controller ref names `uid`. */
  owned(uid: string): Iterable<V1Pod> {
    return this.byOwner.get(uid)?.values() ?? [];
  }

  ownedCount(uid: string): number {
    return this.byOwner.get(uid)?.size ?? 0;
  }

  /** Pods without a controller ref in `namespace`. */
  orphansIn(namespace: string): Iterable<V1Pod> {
    return this.orphans.get(namespace)?.values() ?? [];
  }
}
