/**
 * The object store (etcd + the registry's indexes): one global resourceVersion counter, objects
 * indexed by resource, namespace, and pods by spec.nodeName so kubelets list in O(own pods).
 * Stored objects are deep-frozen: informers share them, and a component that mutates one by
 * mistake fails loudly instead of corrupting the store (client-go's "never mutate the cache").
 */
import type { KubeObject } from '../types.ts';

export function keyOf(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/**
 * keyOf for a key a map keeps: one flat string. `${namespace}/${name}` is a rope of a fresh
 * "default/" and the name (56 bytes); each pod's key is held by the store and every informer cache.
 */
export function storedKeyOf(namespace: string | undefined, name: string): string {
  return namespace ? [namespace, name].join('/') : name;
}

export function deepFreeze<T>(o: T): T {
  if (o !== null && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    const r = o as Record<string, unknown>;
    for (const k in r) {
      const v = r[k];
      if (v !== null && typeof v === 'object') deepFreeze(v);
      // Stored strings live as long as the object. One built by concatenation is a rope of its
      // pieces; reading a character makes V8 flatten it, and the GC then drops the pieces.
      else if (typeof v === 'string' && v.length > 12) v.charCodeAt(0);
    }
  }
  return o;
}

function nodeNameOf(o: KubeObject): string {
  return ((o.spec as { nodeName?: string } | undefined)?.nodeName ?? '') as string;
}

/**
 * One resource's objects by namespace, then name (cluster-scoped objects under ''): the name is a
 * string the object already holds, so an object costs one map entry and no key of its own. Pods
 * are also indexed by node.
 */
class Table {
  readonly byNs = new Map<string, Map<string, KubeObject>>();
  readonly byNode: Map<string, Map<string, KubeObject>> | undefined;
  size = 0;

  constructor(indexNode: boolean) {
    this.byNode = indexNode ? new Map() : undefined;
  }

  get(namespace: string | undefined, name: string): KubeObject | undefined {
    return this.byNs.get(namespace ?? '')?.get(name);
  }

  *all(): Generator<KubeObject> {
    for (const m of this.byNs.values()) yield* m.values();
  }

  put(obj: KubeObject, old: KubeObject | undefined): void {
    const { namespace, name } = obj.metadata;
    let m = this.byNs.get(namespace ?? '');
    if (!m) this.byNs.set(namespace ?? '', (m = new Map()));
    m.set(name, obj);
    if (!old) this.size++;
    if (this.byNode) {
      const key = keyOf(namespace, name);
      if (old && nodeNameOf(old) !== nodeNameOf(obj)) this.byNode.get(nodeNameOf(old))?.delete(key);
      const n = nodeNameOf(obj);
      let nm = this.byNode.get(n);
      if (!nm) this.byNode.set(n, (nm = new Map()));
      if (!nm.has(key)) nm.set(storedKeyOf(namespace, name), obj);
      else nm.set(key, obj);
    }
  }

  remove(namespace: string | undefined, name: string): KubeObject | undefined {
    const m = this.byNs.get(namespace ?? '');
    const old = m?.get(name);
    if (!old) return undefined;
    m!.delete(name);
    this.size--;
    this.byNode?.get(nodeNameOf(old))?.delete(keyOf(namespace, name));
    return old;
  }
}

export class Store {
  private tables = new Map<string, Table>();
  private rv = 0;

  /** The current global resourceVersion (etcd revision). */
  revision(): number {
    return this.rv;
  }

  /** Bump the revision for a write and return it as the decimal string Kubernetes uses. */
  nextRevision(): string {
    return String(++this.rv);
  }

  private table(resource: string): Table {
    let t = this.tables.get(resource);
    if (!t) this.tables.set(resource, (t = new Table(resource === 'pods')));
    return t;
  }

  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.tables.get(resource)?.get(namespace, name);
  }

  /** Objects of a resource, optionally in one namespace and (pods) on one node. Unsorted. */
  list(resource: string, namespace?: string, nodeName?: string): Iterable<KubeObject> {
    const t = this.tables.get(resource);
    if (!t) return [];
    if (nodeName !== undefined && t.byNode) {
      const m = t.byNode.get(nodeName);
      if (!m) return [];
      if (!namespace) return m.values();
      return [...m.values()].filter((o) => o.metadata.namespace === namespace);
    }
    if (namespace) return t.byNs.get(namespace)?.values() ?? [];
    return t.all();
  }

  count(resource: string, namespace?: string): number {
    const t = this.tables.get(resource);
    if (!t) return 0;
    return namespace ? (t.byNs.get(namespace)?.size ?? 0) : t.size;
  }

  /** Store (freezing) an object whose resourceVersion is already set. Returns the previous one. */
  put(resource: string, obj: KubeObject): KubeObject | undefined {
    const t = this.table(resource);
    const old = t.get(obj.metadata.namespace, obj.metadata.name);
    t.put(deepFreeze(obj), old);
    return old;
  }

  remove(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.tables.get(resource)?.remove(namespace, name);
  }
}
