/**
 * The write verbs: create, update (PUT and the status subresource), patch, delete (graceful for
 * bound pods) and pods/binding. Mirrors k8s.io/apiserver pkg/registry/generic/registry/store.go
 * (Create, Update, BeforeCreate/BeforeUpdate; Delete is in delete.ts) and k/k pkg/registry/core/pod/storage
 * (BindingREST.assignPod).
 */
import type { KubeObject } from '../types.ts';
import { clone, deepEqual } from '../api/equal.ts';
import { admitPod, admitPriorityUpdate, validatePriorityClassAdmission } from './admission.ts';
import { strictDecode, type FieldValidation } from './decode.ts';
import { alreadyExists, badRequest, conflict, forbidden, invalid, notFound, OPTIMISTIC_LOCK_MSG } from './errors.ts';
import { strategicMergePatch, mergePatch } from './patch.ts';
import { apiVersionOf, qualifiedResource, type ResourceInfo } from './resources.ts';
import { deleteDuringUpdate, shouldDeleteDuringUpdate } from './delete.ts';
import type { WriteCtx } from './server.ts';
import { KIND_HOOKS } from './kindHooks.ts';
import { applyDefaults, bumpsGeneration, generationChanged, prepareForCreate, validateCreate, validateUpdate } from './strategy.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const MAX_GENERATE_ATTEMPTS = 8;

/**
 * Decode a body the way the server's codec does: type meta, strict fields, defaults. `strict`
 * false skips the field check (PATCH checks the patch itself: unknown fields can only come from it).
 */
function decode(ctx: WriteCtx, raw: unknown, copy: boolean, strict = true): KubeObject {
  const info = ctx.p.info;
  const version = apiVersionOf(info);
  if (!isObj(raw)) throw badRequest(`${info.kind} in version "${info.version}" cannot be handled as a ${info.kind}: json: cannot unmarshal ${Array.isArray(raw) ? 'array' : typeof raw} into Go value of type v1.${info.kind}`);
  const body = copy ? clone(raw) : raw;
  if (!body.kind) throw badRequest(`Object 'Kind' is missing in '${JSON.stringify(raw)}'`);
  if (body.kind !== info.kind || (body.apiVersion !== undefined && body.apiVersion !== version)) {
    throw badRequest(`the object provided is unrecognized (must be of type ${info.kind}): kind ${JSON.stringify(body.apiVersion ?? '')}/${JSON.stringify(body.kind)} was sent to ${version}/${info.resource}`);
  }
  body.apiVersion = version;
  if (strict) checkFields(ctx, body);
  if (!isObj(body.metadata)) body.metadata = {};
  applyDefaults(info.kind, body);
  return body as KubeObject;
}

function checkFields(ctx: WriteCtx, body: Obj): void {
  // In-cluster components are typed clients (client-go sends protobuf built from Go structs):
  // their bodies cannot carry unknown fields or wrong JSON types, so only outside clients pay
  // for the schema walk.
  if (ctx.req.shared) return;
  const info = ctx.p.info;
  const mode = (ctx.req.query?.fieldValidation as FieldValidation | undefined) ?? 'Strict';
  const res = strictDecode(info.kind, body, mode);
  if (res.error) throw badRequest(`${info.kind} in version "${info.version}" cannot be handled as a ${info.kind}: ${res.error}`);
}

/** EnsureObjectNamespaceMatchesRequestNamespace. */
function reconcileNamespace(info: ResourceInfo, obj: KubeObject, urlNs: string | undefined): void {
  if (!info.namespaced) return;
  const ns = obj.metadata.namespace;
  if (ns && urlNs && ns !== urlNs) throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  if (!ns && urlNs) obj.metadata.namespace = urlNs;
}

/** NamespaceLifecycle admission. */
function admitNamespaceLifecycle(ctx: WriteCtx, name: string): void {
  const ns = ctx.p.namespace;
  if (!ctx.p.info.namespaced || !ns) return;
  const nsObj = ctx.server.store.get('namespaces', undefined, ns);
  if (!nsObj) throw notFound('namespaces', ns);
  if ((nsObj.status as Obj | undefined)?.phase === 'Terminating') {
    throw forbidden(qualifiedResource(ctx.p.info), name, `unable to create new content in namespace ${ns} because it is being terminated`);
  }
}

function invalidFor(info: ResourceInfo, name: string, errs: ReturnType<typeof validateCreate>) {
  return invalid(info.kind, info.group, name, errs);
}

export function createObject(ctx: WriteCtx): { code: number; body: unknown } {
  const { info } = ctx.p;
  const server = ctx.server;
  // In-cluster components hand their bodies over (they build a fresh one per request).
  const obj = decode(ctx, ctx.req.body, !ctx.req.shared);
  reconcileNamespace(info, obj, ctx.p.namespace);
  const meta = obj.metadata as Obj;
  if (meta.resourceVersion) throw badRequest('resourceVersion should not be set on objects to be created');
  // Admission errors name a generateName object by its prefix (admission.extractResourceName).
  admitNamespaceLifecycle(ctx, (meta.name as string) || (meta.generateName as string) || '');
  if (info.kind === 'Pod') admitPod(obj as Obj, server.serviceAccountRng, server.store);
  const hooks = KIND_HOOKS[info.kind];
  hooks?.admit?.(server, obj, undefined);
  // Server-owned metadata (rest.FillObjectMetaSystemFields, BeforeCreate).
  // `delete` only when present: deleting turns hot objects into slow dictionary-mode objects.
  for (const f of ['uid', 'resourceVersion', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'selfLink']) if (f in meta) delete meta[f];
  meta.creationTimestamp = server.timestamp();
  meta.uid = server.newUID();
  if (bumpsGeneration(info)) meta.generation = 1;
  else if ('generation' in meta) delete meta.generation;
  prepareForCreate(info, obj);
  const generate = !meta.name && typeof meta.generateName === 'string' && meta.generateName;
  let attempts = 0;
  for (;;) {
    if (generate) meta.name = `${(meta.generateName as string).slice(0, 58)}${server.deps.rng.suffix(5)}`;
    const errs = validateCreate(info, obj);
    if (errs.length) throw invalidFor(info, (meta.name as string) ?? '', errs);
    const exists = server.store.get(info.resource, obj.metadata.namespace, obj.metadata.name);
    if (!exists) break;
    if (!generate || ++attempts >= MAX_GENERATE_ATTEMPTS) throw alreadyExists(qualifiedResource(info), obj.metadata.name, info.group, info.resource);
  }
  if (info.kind === 'PriorityClass') validatePriorityClassAdmission(obj as Obj, server.store, 'CREATE');
  hooks?.beforeCommit?.(server, obj, undefined, { dryRun: ctx.dryRun });
  if (ctx.dryRun) return { code: 201, body: obj };
  const stored = server.commit(ctx, 'ADDED', undefined, obj);
  return { code: 201, body: ctx.out(stored) };
}

/**
 * PUT (and the tail of PATCH). `raw` is the new object as the client sent it. A `decoded` object
 * from PATCH may share frozen subtrees with the stored object: only its top level and metadata
 * are fresh, so below them this function replaces values and never mutates them.
 */
export function updateObject(ctx: WriteCtx, raw: unknown, decoded?: KubeObject): { code: number; body: unknown } {
  const { info, name, subresource } = ctx.p;
  const server = ctx.server;
  const obj = decoded ?? decode(ctx, raw, true);
  if (obj.metadata.name === undefined || obj.metadata.name === '') obj.metadata.name = name!;
  if (obj.metadata.name !== name) {
    throw badRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${name})`);
  }
  reconcileNamespace(info, obj, ctx.p.namespace);
  const old = server.getOrThrow(info, ctx.p.namespace, name!);
  const rv = obj.metadata.resourceVersion;
  if (rv && rv !== old.metadata.resourceVersion) throw conflict(qualifiedResource(info), name!, OPTIMISTIC_LOCK_MSG, info.group, info.resource);
  const meta = obj.metadata as Obj;
  const oldMeta = old.metadata as Obj;
  // System metadata is not writable through updates (BeforeUpdate / FillObjectMetaSystemFields).
  for (const f of ['uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation']) {
    if (f === 'uid' && meta.uid !== undefined && meta.uid !== oldMeta.uid) continue; // rejected by validation
    if (oldMeta[f] !== undefined) meta[f] = oldMeta[f];
    else if (f in meta) delete meta[f];
  }
  if (subresource === 'status') {
    // podStatusStrategy / *StatusStrategy.PrepareForUpdate: the spec (and owners) stay as stored.
    if (old.spec !== undefined) obj.spec = old.spec;
    else delete obj.spec;
    if (oldMeta.ownerReferences !== undefined) meta.ownerReferences = oldMeta.ownerReferences;
    else delete meta.ownerReferences;
    // deploymentStatusStrategy.PrepareForUpdate also keeps the labels.
    if (info.kind === 'Deployment') {
      if (oldMeta.labels !== undefined) meta.labels = oldMeta.labels;
      else delete meta.labels;
    }
  } else if (old.status !== undefined && info.subresources.includes('status')) {
    obj.status = old.status;
  }
  if (info.kind === 'Pod' && subresource !== 'status' && obj.spec) obj.spec = admitPriorityUpdate(obj.spec as Obj | undefined, old.spec as Obj | undefined);
  const hooks = KIND_HOOKS[info.kind];
  if (!subresource) hooks?.admit?.(server, obj, old);
  const errs = validateUpdate(info, obj, old, subresource);
  if (errs.length) throw invalidFor(info, name!, errs);
  if (info.kind === 'PriorityClass') validatePriorityClassAdmission(obj as Obj, server.store, 'UPDATE');
  if (bumpsGeneration(info) && subresource !== 'status' && generationChanged(info, obj, old)) {
    meta.generation = ((oldMeta.generation as number) ?? 0) + 1;
  }
  meta.resourceVersion = old.metadata.resourceVersion;
  // etcd's GuaranteedUpdate skips writes that change nothing: no new resourceVersion, no event.
  if (deepEqual(obj, old)) return { code: 200, body: ctx.out(old) };
  hooks?.beforeCommit?.(server, obj, old, { dryRun: ctx.dryRun, ...(subresource ? { subresource } : {}) });
  if (ctx.dryRun) return { code: 200, body: obj };
  // The last finalizer of a deleted object is gone: the update removes it.
  if (meta.deletionTimestamp !== undefined && shouldDeleteDuringUpdate(obj)) return { code: 200, body: ctx.out(deleteDuringUpdate(ctx, obj)) };
  const stored = server.commit(ctx, 'MODIFIED', old, obj);
  return { code: 200, body: ctx.out(stored) };
}

export function patchObject(ctx: WriteCtx): { code: number; body: unknown } {
  const { info, name } = ctx.p;
  const old = ctx.server.getOrThrow(info, ctx.p.namespace, name!);
  const body = ctx.req.shared ? ctx.req.body : clone(ctx.req.body);
  if (!isObj(body)) throw badRequest('the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml');
  const strategic = ctx.req.patchType === 'application/strategic-merge-patch+json';
  checkFields(ctx, body);
  // The patch functions copy only what they change; the rest stays shared with the (frozen) old object.
  const patched = { ...((strategic ? strategicMergePatch(old, body) : mergePatch(old, body)) as Obj) };
  patched.metadata = { ...(patched.metadata as Obj) };
  const obj = decode(ctx, patched, false, false);
  return updateObject(ctx, undefined, obj);
}

/** POST pods/{name}/binding (BindingREST.Create → assignPod). */
export function bindPod(ctx: WriteCtx): { code: number; body: unknown } {
  const { name } = ctx.p;
  const server = ctx.server;
  const body = ctx.req.body as { target?: { name?: string } } | undefined;
  const node = body?.target?.name;
  if (!node) throw invalid('Binding', '', name!, [{ type: 'FieldValueRequired', field: 'target.name', value: undefined, detail: '' }]);
  const old = server.getOrThrow(ctx.p.info, ctx.p.namespace, name!);
  const spec = old.spec as Obj;
  if (old.metadata.deletionTimestamp) throw conflict('pods/binding', name!, `pod ${name} is being deleted, cannot be assigned to a host`);
  if (spec.nodeName) throw conflict('pods/binding', name!, `pod ${name} is already assigned to node "${spec.nodeName as string}"`);
  const status = (old.status ?? {}) as Obj;
  const conds = ((status.conditions as Obj[]) ?? []).filter((c) => c.type !== 'PodScheduled');
  conds.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: server.timestamp() });
  const obj = { ...old, metadata: { ...old.metadata }, spec: { ...spec, nodeName: node }, status: { ...status, conditions: conds } };
  if (!ctx.dryRun) server.commit(ctx, 'MODIFIED', old, obj);
  return { code: 201, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 } };
}
