/**
 * Our own ReplicaSet writes laid over the informer cache (after client-go tools/cache
 * MutationCache). Upstream's Deployment controller reads the plain cache; here a watch delivery
 * takes 1–5 virtual ms, so a sync started by one event (a spec change) can run before the echo of
 * the previous sync's RS write arrives and, reading the stale size of an RS it did not write this
 * time, scale another one past maxSurge. Reading our writes back closes that window.
 */
import type { Informer } from '../../component.ts';
import { nsOf, type V1ReplicaSet } from './types.ts';

const rv = (o: { metadata: { resourceVersion?: string } }) => Number(o.metadata.resourceVersion ?? 0);
const keyOf = (rs: V1ReplicaSet) => `${nsOf(rs)}/${rs.metadata.name}`;

export class ReplicaSetMutationCache {
  /** key → what we last wrote (or `{deleted: uid}`), until the informer has caught up. */
  private readonly written = new Map<string, V1ReplicaSet | { deleted: string | undefined }>();

  constructor(private readonly inf: Informer<V1ReplicaSet>) {}

  mutated(rs: V1ReplicaSet): void {
    this.written.set(keyOf(rs), rs);
  }

  deleted(rs: V1ReplicaSet): void {
    this.written.set(keyOf(rs), { deleted: rs.metadata.uid });
  }

  /** The informer delivered `rs` (added or modified): our write is superseded once it has caught up. */
  observed(rs: V1ReplicaSet): void {
    const key = keyOf(rs);
    const w = this.written.get(key);
    if (w && !('deleted' in w) && (rv(rs) >= rv(w) || rs.metadata.uid !== w.metadata.uid)) this.written.delete(key);
  }

  /** The informer delivered a deletion: nothing we wrote under that name is current any more. */
  gone(rs: V1ReplicaSet): void {
    this.written.delete(keyOf(rs));
  }

  private resolve(key: string, cached: V1ReplicaSet | undefined): V1ReplicaSet | undefined {
    const w = this.written.get(key);
    if (!w) return cached;
    if ('deleted' in w) {
      if (!cached || cached.metadata.uid !== w.deleted) {
        this.written.delete(key);
        return cached;
      }
      return undefined;
    }
    if (cached && (rv(cached) >= rv(w) || cached.metadata.uid !== w.metadata.uid)) {
      this.written.delete(key);
      return cached;
    }
    return w;
  }

  get(namespace: string, name: string): V1ReplicaSet | undefined {
    const key = `${namespace}/${name}`;
    return this.resolve(key, this.inf.get(key));
  }

  /** Every ReplicaSet, newest knowledge first: the cache with our fresher writes in place. */
  list(): V1ReplicaSet[] {
    const out: V1ReplicaSet[] = [];
    const seen = new Set<string>();
    for (const cached of this.inf.list()) {
      const key = keyOf(cached);
      seen.add(key);
      const rs = this.resolve(key, cached);
      if (rs) out.push(rs);
    }
    for (const [key, w] of this.written) {
      if (seen.has(key)) continue;
      if ('deleted' in w) this.written.delete(key);
      else out.push(w);
    }
    return out;
  }
}
