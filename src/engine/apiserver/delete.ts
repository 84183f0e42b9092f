/**
 * DELETE. Mirrors k8s.io/apiserver pkg/registry/generic/registry/store.go (Delete,
 * deletionFinalizersForGarbageCollection, updateForGracefulDeletionAndFinalizers, markAsDeleting,
 * ShouldDeleteDuringUpdate), pkg/registry/rest/delete.go (BeforeDelete: graceful deletion of bound
 * pods) and k/k pkg/registry/core/pod/strategy.go (CheckGracefulDelete).
 *
 * An object with finalizers is not removed: it gets a deletionTimestamp and stays until the last
 * finalizer is removed by an update (writes.ts then removes it). `propagationPolicy` Orphan and
 * Foreground become the `orphan` / `foregroundDeletion` finalizers the garbage collector acts on;
 * Background (the default for every resource served here) removes the object at once and leaves
 * its dependents to the garbage collector.
 */
import type { KubeObject } from '../types.ts';
import { clone } from '../api/equal.ts';
import { notSupported } from '../api/field.ts';
import { SYSTEM_PRIORITY_CLASSES } from '../api/schedulingValidation.ts';
import { deepFreeze } from './store.ts';
import { conflict, forbidden, invalid } from './errors.ts';
import { qualifiedResource, RESOURCES } from './resources.ts';
import type { WriteCtx } from './server.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const NAMESPACES = RESOURCES.find((r) => r.resource === 'namespaces')!;
const UNDELETABLE = new Set(['default', 'kube-system', 'kube-public']);

export type PropagationPolicy = 'Orphan' | 'Background' | 'Foreground';
const POLICIES = ['Foreground', 'Background', 'Orphan'];
/** metav1.FinalizerOrphanDependents / FinalizerDeleteDependents. */
export const FINALIZER_ORPHAN = 'orphan';
export const FINALIZER_FOREGROUND = 'foregroundDeletion';

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: PropagationPolicy;
  /** Deprecated orphanDependents: true means Orphan, false means not Orphan (background). */
  orphanDependents?: boolean;
  preconditions?: { uid?: string; resourceVersion?: string };
}

/** DeleteOptions from the query (kubectl sends them as a body) or the body, validated. */
export function deleteOptions(ctx: WriteCtx): DeleteOptions {
  const q = ctx.req.query ?? {};
  const b = isObj(ctx.req.body) ? ctx.req.body : {};
  const opts: DeleteOptions = {};
  if (q.gracePeriodSeconds !== undefined && q.gracePeriodSeconds !== '') opts.gracePeriodSeconds = Number(q.gracePeriodSeconds);
  else if (typeof b.gracePeriodSeconds === 'number') opts.gracePeriodSeconds = b.gracePeriodSeconds;
  const policy = q.propagationPolicy ?? (b.propagationPolicy as string | undefined);
  if (policy !== undefined && policy !== '') {
    if (!POLICIES.includes(policy)) throw invalid('DeleteOptions', 'meta.k8s.io', '', [notSupported('propagationPolicy', policy, POLICIES)]);
    opts.propagationPolicy = policy as PropagationPolicy;
  }
  const orphan: unknown = q.orphanDependents ?? b.orphanDependents;
  if (orphan !== undefined) opts.orphanDependents = orphan === true || orphan === 'true';
  if (isObj(b.preconditions)) opts.preconditions = b.preconditions as DeleteOptions['preconditions'];
  return opts;
}

/** deletionFinalizersForGarbageCollection: the object's finalizers after this DELETE. */
export function gcFinalizers(current: string[], opts: DeleteOptions): string[] {
  let orphan: boolean;
  let foreground: boolean;
  if (opts.orphanDependents !== undefined) {
    orphan = opts.orphanDependents;
    foreground = false;
  } else if (opts.propagationPolicy !== undefined) {
    orphan = opts.propagationPolicy === 'Orphan';
    foreground = opts.propagationPolicy === 'Foreground';
  } else {
    // No policy: keep what an earlier DELETE asked for (the default for apps/v1 is Background).
    orphan = current.includes(FINALIZER_ORPHAN);
    foreground = current.includes(FINALIZER_FOREGROUND);
  }
  const out = current.filter((f) => f !== FINALIZER_ORPHAN && f !== FINALIZER_FOREGROUND);
  if (orphan) out.push(FINALIZER_ORPHAN);
  if (foreground) out.push(FINALIZER_FOREGROUND);
  return out;
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

export function deleteObject(ctx: WriteCtx): { code: number; body: unknown } {
  const { info, name } = ctx.p;
  const server = ctx.server;
  const old = server.getOrThrow(info, ctx.p.namespace, name!);
  if (info.kind === 'Namespace') return deleteNamespace(ctx, old);
  // pkg/registry/scheduling/priorityclass/storage: the two system classes stay.
  if (info.kind === 'PriorityClass' && SYSTEM_PRIORITY_CLASSES.some((c) => c.name === name)) {
    throw forbidden(qualifiedResource(info), name!, 'this is a system priority class and cannot be deleted');
  }
  const opts = deleteOptions(ctx);
  const oldMeta = old.metadata;
  const pre = opts.preconditions;
  if (pre?.uid && pre.uid !== oldMeta.uid) {
    throw conflict(qualifiedResource(info), name!, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${oldMeta.uid ?? ''}`, info.group, info.resource);
  }
  if (pre?.resourceVersion && pre.resourceVersion !== oldMeta.resourceVersion) {
    throw conflict(qualifiedResource(info), name!, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${oldMeta.resourceVersion ?? ''}`, info.group, info.resource);
  }
  const oldFinalizers = (oldMeta.finalizers as string[] | undefined) ?? [];
  const finalizers = gcFinalizers(oldFinalizers, opts);
  let deletionTimestamp = oldMeta.deletionTimestamp as string | undefined;
  let grace = oldMeta.deletionGracePeriodSeconds as number | undefined;
  let graceful = false;
  if (info.kind === 'Pod') {
    const spec = old.spec as Obj;
    const want = opts.gracePeriodSeconds ?? (spec?.terminationGracePeriodSeconds as number | undefined) ?? 30;
    // CheckGracefulDelete: an unbound pod, or grace 0, goes at once; a bound pod is marked and the
    // kubelet confirms with grace 0. A later DELETE may only shorten the grace period.
    if (spec?.nodeName && want > 0) {
      graceful = true;
      if (grace === undefined || want < grace) {
        deletionTimestamp = server.timestamp(want * 1000);
        grace = want;
      }
    } else if (grace !== undefined && grace > 0) {
      grace = 0;
    }
  }
  if (!graceful && finalizers.length === 0) {
    if (ctx.dryRun) return { code: 200, body: deletedBody(ctx, clone(old)) };
    const gone = server.commit(ctx, 'DELETED', old, undefined);
    if (gone.metadata.namespace) finalizeNamespaceIfEmpty(ctx, gone.metadata.namespace);
    return { code: 200, body: deletedBody(ctx, gone) };
  }
  // markAsDeleting: finalizers pending, deletion is recorded but the object stays.
  if (deletionTimestamp === undefined) {
    deletionTimestamp = server.timestamp();
    grace = 0;
  }
  if (deletionTimestamp === oldMeta.deletionTimestamp && grace === oldMeta.deletionGracePeriodSeconds && sameSet(finalizers, oldFinalizers)) {
    return { code: 200, body: ctx.out(old) };
  }
  const meta: Obj = { ...oldMeta, deletionTimestamp, deletionGracePeriodSeconds: grace };
  if (finalizers.length) meta.finalizers = finalizers;
  else delete meta.finalizers;
  const obj = { ...old, metadata: meta } as KubeObject;
  if (ctx.dryRun) return { code: 200, body: obj };
  return { code: 200, body: ctx.out(server.commit(ctx, 'MODIFIED', old, obj)) };
}

/** Registries with ReturnDeletedObject answer an immediate delete with the object. */
const RETURNS_DELETED_OBJECT = new Set(['Pod', 'Service']);

/**
 * finalizeDelete: the deleted object for pods and services, otherwise a Success Status whose
 * details name the resource (in `kind`, as upstream does) and the uid.
 */
function deletedBody(ctx: WriteCtx, gone: KubeObject): unknown {
  const info = ctx.p.info;
  if (RETURNS_DELETED_OBJECT.has(info.kind)) return ctx.out(gone);
  const details: Obj = { name: gone.metadata.name };
  if (info.group) details.group = info.group;
  details.kind = info.resource;
  details.uid = gone.metadata.uid;
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details };
}

/**
 * ShouldDeleteDuringUpdate: an update that leaves a deleted object (deletionTimestamp set, grace
 * period over) with no finalizers removes it. Returns true when it did.
 */
export function shouldDeleteDuringUpdate(obj: KubeObject): boolean {
  const m = obj.metadata;
  if (!m.deletionTimestamp) return false;
  const f = m.finalizers as unknown[] | undefined;
  return (!f || f.length === 0) && !m.deletionGracePeriodSeconds;
}

/** Remove `obj` (its final state) after an update emptied its finalizers. */
export function deleteDuringUpdate(ctx: WriteCtx, obj: KubeObject): KubeObject {
  const gone = ctx.server.commit(ctx, 'DELETED', deepFreeze(obj), undefined);
  if (gone.metadata.namespace) finalizeNamespaceIfEmpty(ctx, gone.metadata.namespace);
  return gone;
}

/** Namespace deletion: phase Terminating, contents deleted, the namespace goes once no pods remain. */
function deleteNamespace(ctx: WriteCtx, old: KubeObject): { code: number; body: unknown } {
  const server = ctx.server;
  const name = old.metadata.name;
  if (UNDELETABLE.has(name)) throw forbidden('namespaces', name, 'this namespace may not be deleted');
  if ((old.status as Obj | undefined)?.phase === 'Terminating') return { code: 200, body: clone(old) };
  const obj = clone(old);
  obj.metadata.deletionTimestamp = server.timestamp();
  obj.status = { ...(obj.status as Obj), phase: 'Terminating' };
  if (ctx.dryRun) return { code: 200, body: obj };
  const stored = server.commit(ctx, 'MODIFIED', old, obj);
  // The namespace controller deletes the contents with background propagation.
  const req = { ...ctx.req, query: { propagationPolicy: 'Background' }, body: undefined };
  for (const info of RESOURCES) {
    if (!info.namespaced) continue;
    for (const o of [...server.store.list(info.resource, name)]) {
      if (o.metadata.deletionTimestamp && !o.metadata.deletionGracePeriodSeconds) continue;
      deleteObject({ ...ctx, req, p: { info, namespace: name, name: o.metadata.name } });
    }
  }
  finalizeNamespaceIfEmpty(ctx, name);
  return { code: 200, body: clone(server.store.get('namespaces', undefined, name) ?? stored) };
}

function finalizeNamespaceIfEmpty(ctx: WriteCtx, ns: string): void {
  const server = ctx.server;
  const nsObj = server.store.get('namespaces', undefined, ns);
  if (!nsObj || (nsObj.status as Obj | undefined)?.phase !== 'Terminating') return;
  if (server.store.count('pods', ns) > 0) return;
  server.commit({ ...ctx, p: { info: NAMESPACES, name: ns } }, 'DELETED', nsObj, undefined);
}
