/**
 * Pods indexed by their controller's UID, and orphans by namespace — the informer indexer the
 * upstream controllers query (controller_utils.go: PodControllerUIDIndex, orphan pods), so a
 * sync reads only its own pods instead of listing every pod in the cluster.
 */
import type { V1Pod } from '../../scheduler/types.ts';
import { podKey } from '../../scheduler/types.ts';
import { getControllerOf } from '../podutil.ts';

/** One bucket of pods and where it hangs, so an emptied bucket can be dropped. */
interface Bucket {
  pods: Map<string, V1Pod>;
  parent: Map<string, Bucket>;
  key: string;
}

export class PodIndex {
  private readonly byOwner = new Map<string, Bucket>();
  private readonly orphans = new Map<string, Bucket>();
  /**
   * The bucket each pod key currently sits in (its controller's UID, or its namespace for an
   * orphan). Holding the bucket itself, not a `uid:…` string, costs no string per pod update.
   */
  private readonly bucketOf = new Map<string, Bucket>();

  upsert(pod: V1Pod): void {
    const key = podKey(pod);
    const ref = getControllerOf(pod);
    const parent = ref ? this.byOwner : this.orphans;
    const k = ref ? ref.uid : (pod.metadata.namespace ?? 'default');
    let b = parent.get(k);
    if (!b) parent.set(k, (b = { pods: new Map(), parent, key: k }));
    const prev = this.bucketOf.get(key);
    if (prev === b) {
      b.pods.set(key, pod);
      return;
    }
    if (prev !== undefined) this.removeFrom(prev, key);
    this.bucketOf.set(key, b);
    b.pods.set(key, pod);
  }

  remove(pod: V1Pod): void {
    const key = podKey(pod);
    const prev = this.bucketOf.get(key);
    if (prev === undefined) return;
    this.removeFrom(prev, key);
    this.bucketOf.delete(key);
  }

  private removeFrom(b: Bucket, key: string): void {
    b.pods.delete(key);
    if (b.pods.size === 0 && b.parent.get(b.key) === b) b.parent.delete(b.key);
  }

  /** Pods whose controller ref names `uid`. */
  owned(uid: string): Iterable<V1Pod> {
    return this.byOwner.get(uid)?.pods.values() ?? [];
  }

  ownedCount(uid: string): number {
    return this.byOwner.get(uid)?.pods.size ?? 0;
  }

  /** Pods without a controller ref in `namespace`. */
  orphansIn(namespace: string): Iterable<V1Pod> {
    return this.orphans.get(namespace)?.pods.values() ?? [];
  }
}
