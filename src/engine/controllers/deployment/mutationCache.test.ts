import { describe, expect, it } from 'vitest';
import type { Informer } from '../../component.ts';
import { ReplicaSetMutationCache } from './mutationCache.ts';
import type { V1ReplicaSet } from './types.ts';

function rs(name: string, rv: number, replicas: number, uid = `uid-${name}`): V1ReplicaSet {
  return { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name, namespace: 'default', uid, resourceVersion: String(rv) }, spec: { replicas, selector: {} } };
}

function informer(items: V1ReplicaSet[]): Informer<V1ReplicaSet> & { items: Map<string, V1ReplicaSet> } {
  const m = new Map(items.map((x) => [`default/${x.metadata.name}`, x]));
  return { items: m, get: (k) => m.get(k), list: () => [...m.values()], addEventHandler: () => {} };
}

describe('ReplicaSetMutationCache', () => {
  it('our newer write wins over the stale cache until the informer catches up', () => {
    const inf = informer([rs('a', 5, 3)]);
    const c = new ReplicaSetMutationCache(inf);
    c.mutated(rs('a', 7, 2));
    expect(c.get('default', 'a')!.spec!.replicas).toBe(2);
    inf.items.set('default/a', rs('a', 9, 4)); // someone else wrote after us
    expect(c.get('default', 'a')!.spec!.replicas).toBe(4);
  });

  it('a created RS is listed before its ADDED arrives; a deleted one disappears at once', () => {
    const inf = informer([rs('old', 3, 1)]);
    const c = new ReplicaSetMutationCache(inf);
    c.mutated(rs('new', 8, 1));
    c.deleted(rs('old', 3, 1));
    expect(c.list().map((x) => x.metadata.name)).toEqual(['new']);
  });

  it('no ghosts: a write whose object was deleted before we looked again is forgotten', () => {
    const inf = informer([]);
    const c = new ReplicaSetMutationCache(inf);
    const created = rs('new', 8, 1);
    c.mutated(created);
    c.gone(created); // ADDED then DELETED delivered before the next list
    expect(c.list()).toEqual([]);
  });
});
