/**
 * Watch fan-out (the watch cache's dispatch). Watchers are indexed by what their field selector
 * pins — `spec.nodeName=X` or `metadata.name=X` — so a pod event reaches its node's kubelet and
 * the generic watchers only: dispatch is O(matching watchers), not O(all kubelets).
 * A watcher sees ADDED / MODIFIED / DELETED relative to its selectors, as upstream's filtered
 * watch does (an object that starts matching is ADDED, one that stops matching is DELETED).
 */
import type { KubeObject } from '../types.ts';
import type { WatchEventType } from './types.ts';
import { matchesFields, matchesLabels, type FieldSelector, type LabelSelector } from '../api/selectors.ts';

export interface Watcher {
  resource: string;
  namespace?: string;
  labels: LabelSelector;
  fields: FieldSelector;
  /** Called synchronously at write time; `causeId` is the etcd span of the write (0 if quiet). */
  deliver(type: WatchEventType, obj: KubeObject, causeId: number): void;
}

interface Buckets {
  all: Set<Watcher>;
  byNode: Map<string, Set<Watcher>>;
  byName: Map<string, Set<Watcher>>;
}

function matches(w: Watcher, o: KubeObject): boolean {
  if (w.namespace && o.metadata.namespace !== w.namespace) return false;
  return matchesLabels(w.labels, o.metadata.labels) && matchesFields(w.fields, o as Record<string, unknown>);
}

export class WatchHub {
  private buckets = new Map<string, Buckets>();

  private get(resource: string): Buckets {
    let b = this.buckets.get(resource);
    if (!b) this.buckets.set(resource, (b = { all: new Set(), byNode: new Map(), byName: new Map() }));
    return b;
  }

  add(w: Watcher): () => void {
    const b = this.get(w.resource);
    const pin = (field: string) => w.fields.find((f) => f.field === field && f.op === '=');
    const node = w.resource === 'pods' ? pin('spec.nodeName') : undefined;
    const name = pin('metadata.name');
    let set: Set<Watcher>;
    if (node) set = getOrAdd(b.byNode, node.value);
    else if (name) set = getOrAdd(b.byName, name.value);
    else set = b.all;
    set.add(w);
    return () => set.delete(w);
  }

  /** Fan a write out: `oldObj` undefined for a create, `newObj` undefined for a delete. */
  dispatch(resource: string, oldObj: KubeObject | undefined, newObj: KubeObject | undefined, causeId: number): void {
    const b = this.buckets.get(resource);
    if (!b) return;
    const candidates: Set<Watcher>[] = [b.all];
    if (b.byNode.size > 0) {
      const n1 = nodeOf(oldObj);
      const n2 = nodeOf(newObj);
      if (n1 !== undefined) pushIf(candidates, b.byNode.get(n1));
      if (n2 !== undefined && n2 !== n1) pushIf(candidates, b.byNode.get(n2));
    }
    if (b.byName.size > 0) pushIf(candidates, b.byName.get((newObj ?? oldObj)!.metadata.name));
    for (const set of candidates) {
      for (const w of set) {
        const was = oldObj !== undefined && matches(w, oldObj);
        const is = newObj !== undefined && matches(w, newObj);
        if (was && is) w.deliver('MODIFIED', newObj!, causeId);
        else if (is) w.deliver('ADDED', newObj!, causeId);
        else if (was) w.deliver('DELETED', newObj ?? oldObj!, causeId);
      }
    }
  }
}

function nodeOf(o: KubeObject | undefined): string | undefined {
  if (!o) return undefined;
  return ((o.spec as { nodeName?: string } | undefined)?.nodeName ?? '') as string;
}

function getOrAdd<K, V>(m: Map<K, Set<V>>, k: K): Set<V> {
  let s = m.get(k);
  if (!s) m.set(k, (s = new Set()));
  return s;
}

function pushIf<T>(arr: T[], x: T | undefined): void {
  if (x) arr.push(x);
}
