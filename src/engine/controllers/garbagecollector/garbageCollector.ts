/**
 * The garbage collector in kube-controller-manager. Mirrors k/k
 * pkg/controller/garbagecollector/garbagecollector.go (attemptToDeleteItem, classifyReferences,
 * processDeletingDependentsItem, attemptToOrphanWorker, orphanDependents) and operations.go
 * (deleteObject, removeFinalizer). Informers over the kinds that carry owners feed the graph
 * (graph.ts); two work queues drain on the virtual clock. Before acting it reads the live object
 * (as upstream's uncached GETs do), so informer lag never collects something still owned.
 * Each decision is a span from `controller-manager`; its id is the cause of the request it makes.
 */
import type { ComponentContext } from '../../component.ts';
import type { KubeObject } from '../../types.ts';
import type { WatchEvent, WatchEventType } from '../../apiserver/types.ts';
import { findKind } from '../../../schema/kinds.ts';
import type { OwnerReference } from '../podutil.ts';
import { FINALIZER_FOREGROUND, FINALIZER_ORPHAN, Graph, type GraphChange, type GraphNode, type ObjectIdentity } from './graph.ts';

/** The kinds whose objects have owners here (pods ← replicasets ← deployments, endpointslices ← services). */
export const GC_RESOURCES = ['/api/v1/pods', '/apis/apps/v1/replicasets', '/apis/apps/v1/deployments', '/api/v1/services', '/apis/discovery.k8s.io/v1/endpointslices'];

type Policy = 'Orphan' | 'Background' | 'Foreground';

/** REST path of an object (undefined for kinds this API server does not serve). */
export function objectPath(id: { apiVersion: string; kind: string; name: string; namespace?: string }): string | undefined {
  const k = findKind(id.apiVersion, id.kind);
  if (!k || !k.served) return undefined;
  const base = k.apiVersion.includes('/') ? `/apis/${k.apiVersion}` : `/api/${k.apiVersion}`;
  return k.namespaced ? `${base}/namespaces/${id.namespace}/${k.resource}/${id.name}` : `${base}/${k.resource}/${id.name}`;
}

/** How a sentence names an object: `pod web-1`, `ReplicaSet web-7d4b9`. */
const said = (id: { kind: string; name: string }) => `${id.kind === 'Pod' ? 'pod' : id.kind} ${id.name}`;

/** Starts the garbage collector inside kube-controller-manager. */
export function startGarbageCollector(ctx: ComponentContext): void {
  const graph = new Graph();
  const deleteQueue = new Map<GraphNode, number | undefined>();
  const orphanQueue = new Map<GraphNode, number | undefined>();
  let armed = false;

  const get = (id: ObjectIdentity): KubeObject | undefined => {
    const path = objectPath(id);
    if (!path) return undefined;
    const res = ctx.request({ verb: 'GET', path, quiet: true });
    const o = res.code === 200 ? (res.body as KubeObject) : undefined;
    return o && o.metadata.uid === id.uid ? o : undefined;
  };

  const enqueue = (change: GraphChange, cause: number | undefined) => {
    for (const n of change.attemptToDelete) if (!deleteQueue.has(n)) deleteQueue.set(n, cause);
    for (const n of change.attemptToOrphan) if (!orphanQueue.has(n)) orphanQueue.set(n, cause);
    if (!armed && (deleteQueue.size || orphanQueue.size)) {
      armed = true;
      ctx.clock.after(0, drain);
    }
  };

  const drain = () => {
    armed = false;
    // Bounded: work an item creates for itself waits for the next round.
    const orphans = [...orphanQueue];
    orphanQueue.clear();
    for (const [n, cause] of orphans) attemptToOrphan(n, cause);
    const deletes = [...deleteQueue];
    deleteQueue.clear();
    for (const [n, cause] of deletes) attemptToDelete(n, cause);
  };

  /** A decision span (narration key `kind`) before the request it causes. */
  const decide = (d: { kind: string; id: ObjectIdentity; args: Record<string, string | number>; summary: string }, cause: number | undefined): number =>
    ctx.trace({ from: 'controller-manager', to: 'controller-manager', verb: d.kind, object: Graph.ref(d.id), kind: d.kind, args: d.args, summary: d.summary, causeId: cause, duration: 0 }).id;

  const deleteObject = (id: ObjectIdentity, policy: Policy, causeId: number) => {
    const path = objectPath(id);
    if (!path) return;
    ctx.request({ verb: 'DELETE', path, body: { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: policy, preconditions: { uid: id.uid } }, causeId });
  };

  const patchMeta = (id: ObjectIdentity, metadata: Record<string, unknown>, causeId: number) => {
    const path = objectPath(id);
    if (path) ctx.request({ verb: 'PATCH', path, body: { metadata }, patchType: 'application/merge-patch+json', causeId });
  };

  /** removeFinalizer. */
  const removeFinalizer = (n: GraphNode, latest: KubeObject, finalizer: string, why: string, cause: number | undefined) => {
    const finalizers = ((latest.metadata.finalizers as string[] | undefined) ?? []).filter((f) => f !== finalizer);
    const span = decide(
      {
        kind: 'gcRemoveFinalizer',
        id: n.identity,
        args: { object: Graph.ref(n.identity), finalizer },
        summary: `The garbage collector removes the ${finalizer} finalizer from ${said(n.identity)}: ${why}.`,
      },
      cause,
    );
    patchMeta(n.identity, { finalizers, resourceVersion: latest.metadata.resourceVersion }, span);
  };

  /** attemptToDeleteItem. */
  const attemptToDelete = (n: GraphNode, cause: number | undefined) => {
    if (graph.uidToNode.get(n.identity.uid) !== n) return;
    if (n.virtual) {
      // An owner only known from ownerReferences: if it is really gone its dependents are looked at.
      if (get(n.identity)) return;
      enqueue({ attemptToDelete: [...n.dependents], attemptToOrphan: [] }, cause);
      return;
    }
    const latest = get(n.identity);
    if (!latest) return;
    if (n.deletingDependents) return processDeletingDependents(n, latest, cause);
    const refs = (latest.metadata.ownerReferences as OwnerReference[] | undefined) ?? [];
    if (refs.length === 0) return;
    const solid: OwnerReference[] = [];
    const dangling: OwnerReference[] = [];
    const waiting: OwnerReference[] = [];
    for (const r of refs) {
      const id = { apiVersion: r.apiVersion, kind: r.kind, name: r.name, namespace: n.identity.namespace, uid: r.uid };
      // A kind this server does not serve cannot be checked: treat it as present.
      if (!objectPath(id)) {
        solid.push(r);
        continue;
      }
      const owner = get(id);
      if (!owner) dangling.push(r);
      else if (owner.metadata.deletionTimestamp && ((owner.metadata.finalizers as string[] | undefined) ?? []).includes(FINALIZER_FOREGROUND)) waiting.push(r);
      else solid.push(r);
    }
    if (solid.length) {
      if (!dangling.length && !waiting.length) return;
      const gone = [...dangling, ...waiting];
      const span = decide(
        {
          kind: 'gcRemoveDanglingOwners',
          id: n.identity,
          args: { object: Graph.ref(n.identity), owners: gone.map((r) => `${r.kind}/${r.name}`).join(', ') },
          summary: `The garbage collector removes ownerReferences to ${gone.map((r) => `${r.kind} ${r.name}`).join(', ')} from ${said(n.identity)}: it still has another owner.`,
        },
        cause,
      );
      const keep = refs.filter((r) => !gone.includes(r));
      patchMeta(n.identity, { ownerReferences: keep, resourceVersion: latest.metadata.resourceVersion }, span);
      return;
    }
    const owner = (waiting[0] ?? dangling[0])!;
    if (waiting.length && n.dependents.size > 0) {
      // It blocks an owner deleted in the foreground and has dependents itself: foreground too.
      const span = decide(
        {
          kind: 'gcDeleteBlockingDependent',
          id: n.identity,
          args: { object: Graph.ref(n.identity), owner: `${owner.kind}/${owner.name}`, policy: 'Foreground' },
          summary: `The garbage collector deletes ${said(n.identity)} in the foreground: its owner ${owner.kind} ${owner.name} waits for its dependents to be deleted.`,
        },
        cause,
      );
      deleteObject(n.identity, 'Foreground', span);
      return;
    }
    const finalizers = (latest.metadata.finalizers as string[] | undefined) ?? [];
    const policy: Policy = finalizers.includes(FINALIZER_ORPHAN) ? 'Orphan' : finalizers.includes(FINALIZER_FOREGROUND) ? 'Foreground' : 'Background';
    // Already being deleted with nothing for the collector to change: the DELETE would be a no-op.
    if (latest.metadata.deletionTimestamp && policy === 'Background') return;
    const reason = waiting.length ? `its owner ${owner.kind} ${owner.name} is being deleted in the foreground` : `its owner ${owner.kind} ${owner.name} is gone`;
    const span = decide(
      {
        kind: 'gcDeleteDependent',
        id: n.identity,
        args: { object: Graph.ref(n.identity), owner: `${owner.kind}/${owner.name}`, ownerState: waiting.length ? 'deletingDependents' : 'gone', policy },
        summary: `The garbage collector deletes ${said(n.identity)}: ${reason}.`,
      },
      cause,
    );
    deleteObject(n.identity, policy, span);
  };

  /** processDeletingDependentsItem. */
  const processDeletingDependents = (n: GraphNode, latest: KubeObject, cause: number | undefined) => {
    const blocking = graph.blockingDependents(n);
    if (blocking.length === 0) {
      removeFinalizer(n, latest, FINALIZER_FOREGROUND, 'no dependent blocks its deletion any more', cause);
      return;
    }
    const pending = blocking.filter((d) => !d.beingDeleted);
    if (pending.length) enqueue({ attemptToDelete: pending, attemptToOrphan: [] }, cause);
  };

  /** attemptToOrphanWorker: release every dependent, then drop the orphan finalizer. */
  const attemptToOrphan = (n: GraphNode, cause: number | undefined) => {
    if (graph.uidToNode.get(n.identity.uid) !== n || n.virtual) return;
    const latest = get(n.identity);
    if (!latest || !((latest.metadata.finalizers as string[] | undefined) ?? []).includes(FINALIZER_ORPHAN)) return;
    const deps = [...n.dependents];
    let span = cause;
    if (deps.length) {
      span = decide(
        {
          kind: 'gcOrphanDependents',
          id: n.identity,
          args: { object: Graph.ref(n.identity), count: deps.length },
          summary: `The garbage collector orphans the ${deps.length} dependent${deps.length === 1 ? '' : 's'} of ${said(n.identity)}: it removes their ownerReferences to it.`,
        },
        cause,
      );
      for (const d of deps) {
        const dl = get(d.identity);
        if (!dl) continue;
        const refs = (dl.metadata.ownerReferences as OwnerReference[] | undefined) ?? [];
        const keep = refs.filter((r) => r.uid !== n.identity.uid);
        if (keep.length !== refs.length) patchMeta(d.identity, { ownerReferences: keep.length ? keep : null, resourceVersion: dl.metadata.resourceVersion }, span);
      }
    }
    removeFinalizer(n, get(n.identity) ?? latest, FINALIZER_ORPHAN, deps.length ? 'its dependents are orphaned' : 'it has no dependents to orphan', span);
  };

  // Only the deliveries the collector acts on are drawn as watch hops.
  const traced = (type: WatchEventType, obj: KubeObject, old: KubeObject | undefined): boolean => {
    const node = graph.uidToNode.get(obj.metadata.uid ?? '');
    if (type === 'DELETED') {
      if (node && node.dependents.size > 0) return true;
      const refs = (obj.metadata.ownerReferences as OwnerReference[] | undefined) ?? [];
      return refs.some((r) => graph.uidToNode.get(r.uid)?.deletingDependents);
    }
    if (type !== 'MODIFIED' || !obj.metadata.deletionTimestamp || old?.metadata.deletionTimestamp) return false;
    const f = (obj.metadata.finalizers as string[] | undefined) ?? [];
    return f.includes(FINALIZER_ORPHAN) || f.includes(FINALIZER_FOREGROUND);
  };

  const onUpsert = (obj: KubeObject, ev: WatchEvent<KubeObject>) => {
    const m = obj.metadata;
    // Fast path for the common pod: no owners, no finalizers, not an owner in the graph.
    if (!m.ownerReferences && !m.finalizers && !graph.uidToNode.has(m.uid ?? '')) return;
    enqueue(graph.observe(obj), ev.spanId);
  };

  for (const path of GC_RESOURCES) {
    const inf = ctx.informer<KubeObject>(path, undefined, { traced });
    inf.addEventHandler({
      add: onUpsert,
      update: (_old, obj, ev) => onUpsert(obj, ev),
      delete: (obj, ev) => {
        if (graph.uidToNode.has(obj.metadata.uid ?? '')) enqueue(graph.remove(obj), ev.spanId);
      },
    });
  }
}
