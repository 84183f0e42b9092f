/**
 * kube-apiserver: the REST handler over the object store. Request flow mirrors
 * k8s.io/apiserver pkg/endpoints/handlers/{create,update,patch,delete,get}.go and
 * pkg/registry/generic/registry/store.go: decode (strict) → default → admission → generateName →
 * PrepareForCreate → validate → persist (one global resourceVersion) → watch fan-out.
 * Every non-quiet request is a span `from → apiserver`; every write a span `apiserver → etcd`.
 */
import { KIND_HOOKS } from './kindHooks.ts';
import type { Rng } from '../component.ts';
import type { KubeObject, ObjectChange } from '../types.ts';
import type { StageId } from '../trace/span.ts';
import type { Tracer } from '../trace/tracer.ts';
import type { PodExec, PodLogs } from '../node/kubelet.ts';
import type { RestRequest, RestResponse, WatchEventType } from './types.ts';
import { uuid } from '../rand/rand.ts';
import { rfc3339 } from '../clock/clock.ts';
import { clone } from '../api/equal.ts';
import { parseFieldSelector, parseLabelSelector, matchesFields, matchesLabels, SelectorError } from '../api/selectors.ts';
import { ApiError, badRequest, cleanStatus, internalError, methodNotAllowed, notFound, resourceNotFound } from './errors.ts';
import { apiVersionOf, parsePath, qualifiedResource, type ParsedPath, type ResourceInfo } from './resources.ts';
import { Store } from './store.ts';
import { WatchHub } from './watch.ts';
import { createObject, updateObject, patchObject, bindPod } from './writes.ts';
import { deleteObject } from './delete.ts';
import { handlePodExec, handlePodLog, handleScale } from './subresources.ts';
import { handleEviction } from './eviction.ts';

export interface ApiServerDeps {
  now(): number;
  /** Unix ms on the virtual wall clock. */
  nowMs(): number;
  rng: Rng;
  tracer: Tracer;
  /**
   * The kubelet's containerLogs endpoint on `node`, for GET …/pods/NAME/log (the API server
   * proxies it). Wired by cluster.ts; undefined in tests that have no kubelets.
   */
  podLogs?(node: string, podUID: string, container: string, previous: boolean): PodLogs;
  /** The kubelet's exec endpoint on `node`, for POST …/pods/NAME/exec. Wired by cluster.ts. */
  podExec?(node: string, podUID: string, container: string, command: string[]): PodExec;
}

/**
 * `shared`: the response body may be the store's frozen object instead of a copy (in-cluster
 * components, which treat responses as read-only like informer objects; saves a deep copy per
 * write on the hot path). External clients (kubectl) always get copies.
 */
export type ServerRequest = RestRequest & { quiet?: boolean; shared?: boolean };

/** Everything a write needs: where it came from and how to trace it. */
export interface WriteCtx {
  server: ApiServer;
  req: ServerRequest;
  p: ParsedPath;
  dryRun: boolean;
  /** Span id of the request (0 when quiet/muted). */
  requestSpanId: number;
  /** Copy a stored object for the response unless the client accepts shared objects. */
  out<T>(o: T): T;
}

const KIND_FOR_VERB: Record<string, string> = { GET: 'apiGet', POST: 'apiCreate', PUT: 'apiUpdate', PATCH: 'apiPatch', DELETE: 'apiDelete' };
/** How a sentence names the client: `kubectl`, `The scheduler`, `The kubelet on worker-2`. */
function actor(from: StageId, node?: string): string {
  if (from === 'kubectl') return 'kubectl';
  return node ? `The ${from} on ${node}` : `The ${from}`;
}
const WORD_FOR_VERB: Record<string, string> = { GET: 'read', POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: 'delete' };

export function objectRef(info: ResourceInfo, namespace: string | undefined, name: string | undefined): string | undefined {
  if (!name) return undefined;
  return namespace ? `${info.kind}/${namespace}/${name}` : `${info.kind}/${name}`;
}

export class ApiServer {
  readonly store = new Store();
  readonly hub = new WatchHub();
  private changeListeners = new Set<(c: ObjectChange) => void>();
  /** The ServiceAccount admission plugin's own stream (token volume suffixes). */
  readonly serviceAccountRng: Rng;

  constructor(readonly deps: ApiServerDeps) {
    this.serviceAccountRng = deps.rng.fork('serviceaccount');
  }

  onChange(cb: (c: ObjectChange) => void): () => void {
    this.changeListeners.add(cb);
    return () => this.changeListeners.delete(cb);
  }

  /** RFC 3339 timestamp `offsetMs` from now on the virtual wall clock. */
  timestamp(offsetMs = 0): string {
    return rfc3339(this.deps.nowMs() + offsetMs);
  }

  newUID(): string {
    return uuid(this.deps.rng);
  }

  /** The REST handler. Never throws: errors come back as v1 Status bodies. */
  handle(req: ServerRequest): RestResponse {
    const from: StageId = req.from ?? 'kubectl';
    const p = parsePath(req.path);
    const reqSpanId = this.recordRequest(req, from, p);
    try {
      if (!p) throw resourceNotFound();
      const { code, body } = this.route(req, p, reqSpanId);
      return { code, body, spanId: reqSpanId || undefined };
    } catch (e) {
      const err = e instanceof ApiError ? e : internalError(e instanceof Error ? e.message : String(e));
      const status = cleanStatus(err.status);
      if (!req.quiet) {
        this.deps.tracer.record({
          from: 'apiserver',
          to: from,
          node: req.node,
          verb: `${status.code} ${status.reason}`,
          object: p ? objectRef(p.info, p.namespace, p.name) : undefined,
          kind: 'apiError',
          args: { code: status.code, reason: status.reason, message: status.message },
          summary: `The API server rejected the request: ${status.message}`,
          causeId: reqSpanId || undefined,
          duration: 0,
          payload: status,
        });
      }
      return { code: status.code, body: status, spanId: reqSpanId || undefined };
    }
  }

  private recordRequest(req: ServerRequest, from: StageId, p: ParsedPath | undefined): number {
    if (req.quiet) return 0;
    if (!this.deps.tracer.observed) return this.deps.tracer.reserve();
    const body = req.body as { metadata?: { name?: string; generateName?: string }; target?: { name?: string } } | undefined;
    const name = p?.name ?? body?.metadata?.name;
    const ref = p ? objectRef(p.info, p.namespace, name) : undefined;
    const isList = req.verb === 'GET' && p !== undefined && !p.name;
    let kind = KIND_FOR_VERB[req.verb] ?? 'apiRequest';
    let summary: string;
    let extra: Record<string, string | number> | undefined;
    const who = actor(from, req.node);
    const what = ref ?? (p ? `${p.info.kind} ${p.namespace ? `${p.namespace}/` : ''}${body?.metadata?.generateName ?? ''}…` : req.path);
    if (p?.subresource === 'binding') {
      kind = 'apiBind';
      summary = `${who} asked the API server to bind Pod ${p.namespace}/${p.name} to node ${body?.target?.name ?? '?'}.`;
    } else if (p?.subresource === 'scale' && req.verb !== 'GET') {
      kind = 'apiScale';
      const replicas = (req.body as { spec?: { replicas?: unknown } } | undefined)?.spec?.replicas;
      if (typeof replicas === 'number') extra = { replicas };
      summary = typeof replicas === 'number' ? `${who} asked the API server to scale ${what} to ${replicas} replicas.` : `${who} asked the API server to scale ${what}.`;
    } else if (p?.subresource === 'eviction') {
      kind = 'apiEvict';
      extra = { pod: `${p.namespace}/${p.name}` };
      summary = `${who} asked the API server to evict Pod ${p.namespace}/${p.name}.`;
    } else if (p?.subresource === 'exec') {
      kind = 'apiExec';
      summary = `${who} asked the API server to run a command in ${what}.`;
    } else if (p?.subresource === 'log') {
      kind = 'apiLogs';
      summary = `${who} asked the API server for the logs of ${what}.`;
    } else if (p?.subresource === 'status') {
      kind = 'apiUpdateStatus';
      summary = `${who} reported the status of ${what}.`;
    } else if (isList) {
      kind = 'apiList';
      summary = `${who} listed ${p!.info.resource}${p!.namespace ? ` in namespace ${p!.namespace}` : ''}.`;
    } else summary = `${who} asked the API server to ${WORD_FOR_VERB[req.verb] ?? req.verb} ${what}.`;
    const span = this.deps.tracer.record({
      from,
      to: 'apiserver',
      node: req.node,
      verb: `${req.verb} ${req.path}`,
      object: ref,
      kind,
      args: { from, who, verb: req.verb, path: req.path, ...(ref ? { object: ref } : {}), ...extra },
      summary,
      causeId: req.causeId,
      duration: 0,
      payload: req.body,
    });
    return span.id;
  }

  private route(req: ServerRequest, p: ParsedPath, requestSpanId: number): { code: number; body: unknown } {
    // DeleteOptions carry dryRun in the body (`kubectl delete --dry-run=server`).
    const dryRun = req.query?.dryRun === 'All' || (req.verb === 'DELETE' && Array.isArray((req.body as { dryRun?: unknown } | undefined)?.dryRun) && ((req.body as { dryRun: unknown[] }).dryRun.includes('All')));
    const ctx: WriteCtx = { server: this, req, p, dryRun, requestSpanId, out: req.shared ? (o) => o : clone };
    if (p.subresource === 'scale') return handleScale(ctx);
    if (p.subresource === 'log') return handlePodLog(ctx);
    if (p.subresource === 'exec') return handlePodExec(ctx);
    if (p.subresource === 'eviction') return handleEviction(ctx);
    switch (req.verb) {
      case 'GET':
        if (p.subresource === 'binding') throw methodNotAllowed();
        if (req.query?.watch === 'true' || req.query?.watch === '1') throw badRequest('watch requests are served by Cluster.watch');
        return p.name ? { code: 200, body: ctx.out(this.getOrThrow(p.info, p.namespace, p.name)) } : { code: 200, body: this.listResponse(p, req.query, ctx.out) };
      case 'POST':
        if (p.subresource === 'binding' && p.name) return bindPod(ctx);
        if (p.name) throw methodNotAllowed();
        return createObject(ctx);
      case 'PUT':
        if (!p.name || p.subresource === 'binding') throw methodNotAllowed();
        return updateObject(ctx, req.body);
      case 'PATCH':
        if (!p.name || p.subresource === 'binding') throw methodNotAllowed();
        return patchObject(ctx);
      case 'DELETE':
        if (!p.name || p.subresource) throw methodNotAllowed();
        return deleteObject(ctx);
      default:
        throw methodNotAllowed();
    }
  }

  getOrThrow(info: ResourceInfo, namespace: string | undefined, name: string): KubeObject {
    const o = this.store.get(info.resource, namespace, name);
    if (!o) throw notFound(qualifiedResource(info), name, info.group, info.resource);
    return o;
  }

  /** Matching stored objects (shared, frozen), sorted by namespace/name. Throws ApiError on bad selectors. */
  listObjects(p: ParsedPath, query: Record<string, string> | undefined): KubeObject[] {
    const { labels, fields } = parseSelectors(p, query);
    const nodePin = p.info.resource === 'pods' ? fields.find((f) => f.field === 'spec.nodeName' && f.op === '=') : undefined;
    const out: KubeObject[] = [];
    for (const o of this.store.list(p.info.resource, p.namespace, nodePin?.value)) {
      if (matchesLabels(labels, o.metadata.labels) && matchesFields(fields, o as Record<string, unknown>)) out.push(o);
    }
    return out.sort((a, b) => cmp(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || cmp(a.metadata.name, b.metadata.name));
  }

  private listResponse(p: ParsedPath, query: Record<string, string> | undefined, out: <T>(o: T) => T): unknown {
    const items = this.listObjects(p, query);
    return {
      kind: `${p.info.kind}List`,
      apiVersion: apiVersionOf(p.info),
      metadata: { resourceVersion: String(this.store.revision()) },
      items: out(items),
    };
  }

  /**
   * Persist a write: assign the resourceVersion, store, record `apiserver → etcd`, fan out to
   * watchers and change listeners. `newObj` undefined removes the object.
   */
  commit(ctx: WriteCtx, type: WatchEventType, oldObj: KubeObject | undefined, newObj: KubeObject | undefined): KubeObject {
    const info = ctx.p.info;
    let stored: KubeObject;
    const rv = this.store.nextRevision();
    if (newObj) {
      omitEmptyMeta(newObj.metadata);
      newObj.metadata.resourceVersion = rv;
      this.store.put(info.resource, newObj);
      stored = newObj;
    } else {
      stored = oldObj!;
      this.store.remove(info.resource, oldObj!.metadata.namespace, oldObj!.metadata.name);
      KIND_HOOKS[info.kind]?.afterDelete?.(this, oldObj!);
    }
    let etcdSpanId = 0;
    if (!ctx.req.quiet && !this.deps.tracer.observed) etcdSpanId = this.deps.tracer.reserve();
    else if (!ctx.req.quiet) {
      const ref = objectRef(info, stored.metadata.namespace, stored.metadata.name)!;
      const removed = !newObj;
      etcdSpanId = this.deps.tracer.record({
        from: 'apiserver',
        to: 'etcd',
        verb: removed ? 'DELETE' : 'PUT',
        object: ref,
        kind: removed ? 'etcdDelete' : 'etcdWrite',
        args: { object: ref, resourceVersion: rv },
        summary: removed ? `The API server removed ${ref} from etcd (revision ${rv}).` : `The API server stored ${ref} in etcd at resourceVersion ${rv}.`,
        causeId: ctx.requestSpanId || undefined,
        duration: 0,
        payload: { resourceVersion: rv },
      }).id;
    }
    this.hub.dispatch(info.resource, oldObj, newObj, etcdSpanId);
    if (this.changeListeners.size > 0) {
      const change: ObjectChange = { type, resource: qualifiedResource(info), object: stored };
      for (const l of this.changeListeners) l(change);
    }
    return stored;
  }

  /** Register a synchronous watcher on a collection path. Throws ApiError for bad paths/selectors. */
  watch(path: string, query: Record<string, string> | undefined, deliver: (type: WatchEventType, obj: KubeObject, causeId: number) => void): () => void {
    const p = parsePath(path);
    if (!p || p.name) throw resourceNotFound();
    const { labels, fields } = parseSelectors(p, query);
    return this.hub.add({ resource: p.info.resource, namespace: p.namespace, labels, fields, deliver });
  }
}

/** Parse `labelSelector` / `fieldSelector`, rejecting field labels the resource does not support. */
export function parseSelectors(p: ParsedPath, query: Record<string, string> | undefined) {
  try {
    const labels = parseLabelSelector(query?.labelSelector);
    const fields = parseFieldSelector(query?.fieldSelector);
    for (const f of fields) if (!p.info.fieldLabels.includes(f.field)) throw badRequest(`field label not supported: ${f.field}`);
    return { labels, fields };
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw badRequest(e instanceof SelectorError ? e.message : String(e));
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * ObjectMeta's list and map fields are `omitempty`: an object stored with `ownerReferences: []`
 * (the last owner released) or `finalizers: []` reads back without the field. `metadata` is
 * always a fresh object here (writes copy it), so deleting keys is safe.
 */
function omitEmptyMeta(meta: KubeObject['metadata']): void {
  const m = meta as Record<string, unknown>;
  for (const k of ['ownerReferences', 'finalizers'] as const) {
    const v = m[k];
    if (Array.isArray(v) && v.length === 0) delete m[k];
  }
  for (const k of ['labels', 'annotations'] as const) {
    const v = m[k];
    if (v !== null && typeof v === 'object' && Object.keys(v).length === 0) delete m[k];
  }
}
