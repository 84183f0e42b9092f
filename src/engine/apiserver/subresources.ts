/**
 * Subresources other than status and binding: `scale` for Deployments and ReplicaSets
 * (k/k pkg/registry/apps/{deployment,replicaset}/storage/storage.go ScaleREST, scaleFromDeployment,
 * scaleUpdatedObjectInfo; pkg/apis/autoscaling/validation ValidateScale) and pods/log
 * (pkg/registry/core/pod/rest/log.go LogREST, pkg/registry/core/pod/strategy.go LogLocation,
 * validateContainer), which the API server proxies to the kubelet's containerLogs endpoint.
 */
import type { KubeObject } from '../types.ts';
import { invalid as fieldInvalid, type FieldError } from '../api/field.ts';
import { NONNEGATIVE } from '../api/appsValidation.ts';
import { badRequest, invalid, methodNotAllowed } from './errors.ts';
import { mergePatch, strategicMergePatch } from './patch.ts';
import type { WriteCtx } from './server.ts';
import { updateObject } from './writes.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** labels.Selector.String() of a metav1.LabelSelector: requirements sorted by key. */
export function selectorString(sel: unknown): string {
  if (!isObj(sel)) return '';
  const reqs: [string, string][] = [];
  for (const [k, v] of Object.entries(isObj(sel.matchLabels) ? sel.matchLabels : {})) reqs.push([k, `${k}=${String(v)}`]);
  for (const e of Array.isArray(sel.matchExpressions) ? (sel.matchExpressions as Obj[]) : []) {
    const key = String(e.key ?? '');
    const values = (Array.isArray(e.values) ? (e.values as string[]) : []).slice().sort().join(',');
    if (e.operator === 'In') reqs.push([key, `${key} in (${values})`]);
    else if (e.operator === 'NotIn') reqs.push([key, `${key} notin (${values})`]);
    else if (e.operator === 'Exists') reqs.push([key, key]);
    else if (e.operator === 'DoesNotExist') reqs.push([key, `!${key}`]);
  }
  return reqs
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map((r) => r[1])
    .join(',');
}

/** scaleFromDeployment / scaleFromReplicaSet: autoscaling/v1 Scale. */
export function scaleOf(obj: KubeObject): Obj {
  const m = obj.metadata;
  const spec = (obj.spec ?? {}) as Obj;
  const status = (obj.status ?? {}) as Obj;
  const replicas = typeof spec.replicas === 'number' ? spec.replicas : 0;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp },
    // ScaleSpec.replicas is omitempty; ScaleStatus.replicas is not.
    spec: replicas ? { replicas } : {},
    status: { replicas: typeof status.replicas === 'number' ? status.replicas : 0, selector: selectorString(spec.selector) },
  };
}

/** GET / PUT / PATCH …/{deployments,replicasets}/NAME/scale. */
export function handleScale(ctx: WriteCtx): { code: number; body: unknown } {
  const { info, name, namespace } = ctx.p;
  const server = ctx.server;
  const old = server.getOrThrow(info, namespace, name!);
  const current = scaleOf(old);
  if (ctx.req.verb === 'GET') return { code: 200, body: current };
  let scale: unknown;
  if (ctx.req.verb === 'PUT') scale = ctx.req.body;
  else if (ctx.req.verb === 'PATCH') {
    if (!isObj(ctx.req.body)) throw badRequest('the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml');
    scale = ctx.req.patchType === 'application/strategic-merge-patch+json' ? strategicMergePatch(current, ctx.req.body) : mergePatch(current, ctx.req.body);
  } else throw methodNotAllowed();
  if (!isObj(scale)) throw badRequest('Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal into Go value of type v1.Scale');
  if (scale.kind !== undefined && scale.kind !== 'Scale') {
    throw badRequest(`the object provided is unrecognized (must be of type Scale): kind ${JSON.stringify(scale.apiVersion ?? '')}/${JSON.stringify(scale.kind)} was sent to autoscaling/v1/scale`);
  }
  const meta = isObj(scale.metadata) ? scale.metadata : {};
  const spec = isObj(scale.spec) ? scale.spec : {};
  const replicas = spec.replicas === undefined || spec.replicas === null ? 0 : spec.replicas;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas)) {
    throw badRequest(`Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal ${typeof replicas} into Go struct field ScaleSpec.spec.replicas of type int32`);
  }
  if (meta.name !== undefined && meta.name !== name) {
    throw badRequest(`the name of the object (${String(meta.name)}) does not match the name on the URL (${name})`);
  }
  const errs: FieldError[] = replicas < 0 ? [fieldInvalid('spec.replicas', replicas, NONNEGATIVE)] : [];
  if (errs.length) throw invalid('Scale', 'autoscaling', name!, errs);
  // The parent is updated through its own strategy (generation, validation, optimistic lock).
  const next = { ...old, metadata: { ...old.metadata }, spec: { ...(old.spec as Obj), replicas } } as KubeObject;
  if (typeof meta.resourceVersion === 'string' && meta.resourceVersion) next.metadata.resourceVersion = meta.resourceVersion;
  const res = updateObject({ ...ctx, p: { ...ctx.p, subresource: undefined }, out: (o) => o }, undefined, next);
  return { code: 200, body: scaleOf(res.body as KubeObject) };
}

/** GET …/pods/NAME/log: validateContainer, then the kubelet's answer as text. */
/** validateContainer (pod strategy): the named container, or the only one; else the BadRequest upstream answers. */
function validateContainer(spec: Obj, container: string, name: string): string {
  const containers = Array.isArray(spec.containers) ? (spec.containers as Obj[]) : [];
  const inits = Array.isArray(spec.initContainers) ? (spec.initContainers as Obj[]) : [];
  if (!container) {
    if (containers.length === 1) return String(containers[0].name);
    if (containers.length === 0) throw badRequest(`a container name must be specified for pod ${name}`);
    const names = [...inits, ...containers].map((c) => String(c.name));
    throw badRequest(`a container name must be specified for pod ${name}, choose one of: [${names.join(' ')}]`);
  }
  if (![...inits, ...containers].some((c) => c.name === container)) throw badRequest(`container ${container} is not valid for pod ${name}`);
  return container;
}

/**
 * POST …/pods/NAME/exec (ExecREST, ExecLocation): proxied to the kubelet's exec endpoint. The
 * command comes in the body (`{command: [...]}`; upstream: repeated `command` query parameters on
 * a streaming upgrade). Answers 200 `{stdout, stderr, exitCode}`; a container with no process is
 * 400 with the kubelet's plain-text answer (kubectl: `unable to upgrade connection: …`); a runtime
 * failure is 500 InternalError.
 */
export function handlePodExec(ctx: WriteCtx): { code: number; body: unknown } {
  if (ctx.req.verb !== 'POST' && ctx.req.verb !== 'GET') throw methodNotAllowed();
  const { info, name, namespace } = ctx.p;
  const server = ctx.server;
  const pod = server.getOrThrow(info, namespace, name!);
  const spec = (pod.spec ?? {}) as Obj;
  const container = validateContainer(spec, ctx.req.query?.container ?? '', name!);
  const body = (ctx.req.body ?? {}) as { command?: unknown };
  const command = Array.isArray(body.command) ? body.command.map(String) : ctx.req.query?.command !== undefined ? [ctx.req.query.command] : [];
  if (command.length === 0) throw badRequest('you must specify at least 1 command');
  const node = spec.nodeName as string | undefined;
  if (!node) throw badRequest(`pod ${name} does not have a host assigned`);
  if (!server.deps.podExec) throw badRequest(`pod ${name} does not have a host assigned`);
  if (!ctx.req.quiet && server.deps.tracer.observed) {
    server.deps.tracer.record({
      from: 'apiserver', to: 'kubelet', node, verb: `POST /exec/${namespace}/${name}/${container}`, object: `Pod/${namespace}/${name}`, kind: 'apiProxyExec',
      args: { pod: `${namespace}/${name}`, container, node, command: command.join(' ') },
      summary: `The API server asked the kubelet on ${node} to run "${command.join(' ')}" in container ${container} of pod ${namespace}/${name}.`,
      causeId: ctx.requestSpanId || undefined, duration: 0,
    });
  }
  const r = server.deps.podExec(node, pod.metadata.uid ?? '', container, command);
  if ('notRunning' in r) return { code: 400, body: r.notRunning };
  if ('error' in r) {
    return { code: 500, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `Internal error occurred: ${r.error}`, reason: 'InternalError', details: { causes: [{ message: r.error }] }, code: 500 } };
  }
  return { code: 200, body: r };
}

export function handlePodLog(ctx: WriteCtx): { code: number; body: unknown } {
  if (ctx.req.verb !== 'GET') throw methodNotAllowed();
  const { info, name, namespace } = ctx.p;
  const server = ctx.server;
  const pod = server.getOrThrow(info, namespace, name!);
  const q = ctx.req.query ?? {};
  const spec = (pod.spec ?? {}) as Obj;
  const container = validateContainer(spec, q.container ?? '', name!);
  const tail = q.tailLines !== undefined ? Number(q.tailLines) : undefined;
  const since = q.sinceSeconds !== undefined ? Number(q.sinceSeconds) : undefined;
  if (tail !== undefined && (!Number.isInteger(tail) || tail < 0)) throw invalid('PodLogOptions', '', name!, [fieldInvalid('tailLines', tail, NONNEGATIVE)]);
  if (since !== undefined && (!Number.isInteger(since) || since < 1)) throw invalid('PodLogOptions', '', name!, [fieldInvalid('sinceSeconds', since, 'must be greater than 0')]);
  const node = spec.nodeName as string | undefined;
  // LogLocation: a pod with no host yet has an empty location, so the stream is empty.
  if (!node || !server.deps.podLogs) return { code: 200, body: '' };
  const previous = q.previous === 'true' || q.previous === '1';
  if (!ctx.req.quiet && server.deps.tracer.observed) {
    server.deps.tracer.record({
      from: 'apiserver',
      to: 'kubelet',
      node,
      verb: `GET /containerLogs/${namespace}/${name}/${container}`,
      object: `Pod/${namespace}/${name}`,
      kind: 'apiProxyLogs',
      args: { pod: `${namespace}/${name}`, container, node, previous: previous ? 'true' : 'false' },
      summary: `The API server asked the kubelet on ${node} for the ${previous ? 'previous ' : ''}logs of container ${container} in pod ${namespace}/${name}.`,
      causeId: ctx.requestSpanId || undefined,
      duration: 0,
    });
  }
  const logs = server.deps.podLogs(node, pod.metadata.uid ?? '', container, previous);
  if ('error' in logs) throw badRequest(logs.error);
  let lines = logs.lines;
  if (since !== undefined) {
    const from = server.deps.nowMs() - since * 1000;
    lines = lines.filter((l) => Date.parse(l.time) >= from);
  }
  if (tail !== undefined) lines = tail === 0 ? [] : lines.slice(-tail);
  const timestamps = q.timestamps === 'true' || q.timestamps === '1';
  const text = lines.map((l) => (timestamps ? `${l.time} ${l.text}\n` : `${l.text}\n`)).join('');
  // limitBytes cuts the stream (counted in UTF-16 units here, bytes upstream).
  const limit = q.limitBytes !== undefined ? Number(q.limitBytes) : undefined;
  return { code: 200, body: limit !== undefined && limit > 0 ? text.slice(0, limit) : text };
}
