/**
 * `kubectl apply -f` (client-side). Mirrors k8s.io/kubectl/pkg/cmd/apply/apply.go
 * (Run, applyOneObject), patcher.go and pkg/util/apply.go (GetModifiedConfiguration), with the
 * builder of cli-runtime/pkg/resource (StreamVisitor, mapper.go) for reading the files.
 */
import type { Status } from '../engine/apiserver/types.ts';
import type { Ctx } from './context.ts';
import { send } from './context.ts';
import { addSource, statusOf, type CmdError } from './errors.ts';
import { parseManifest, duplicateKeyWarnings, type ManifestDoc } from './manifest.ts';
import { locatePath, locateStart, locateTopKey, locateTypeMismatch, parseFieldPath, type Range } from './locate.ts';
import { goJson, threeWayMergePatch } from './patch.ts';
import { byKind, pathFor, qualifiedKind, RESOURCES, type ResourceInfo } from './resources.ts';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

type Obj = Record<string, unknown>;

export interface Info {
  res: ResourceInfo;
  obj: Obj & { metadata: Obj };
  name: string;
  namespace: string;
  source: string;
  doc: ManifestDoc;
  /** Path of this object inside its document (`items[2]` of a List). */
  prefix: (string | number)[];
}

/** cli-runtime Info.String(). */
function infoString(i: Info): string {
  const gvr = `${i.res.group}/${i.res.version}, Resource=${i.res.resource}`;
  const gvk = `${i.res.group}/${i.res.version}, Kind=${i.res.kind}`;
  return `Resource: ${JSON.stringify(gvr)}, GroupVersionKind: ${JSON.stringify(gvk)}\nName: ${JSON.stringify(i.name)}, Namespace: ${JSON.stringify(i.namespace)}`;
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function diag(ctx: Ctx, file: string, r: Range, message: string, severity: 'error' | 'warning' = 'error'): void {
  ctx.diagnostics.push({ file, ...r, message, severity });
}

/** Where in the file an API rejection points, one range per cause. */
function locateStatus(info: Info, s: Status): { range: Range; message: string }[] {
  const d = info.doc;
  const out: { range: Range; message: string }[] = [];
  if (s.reason === 'Invalid' && s.details?.causes?.length) {
    for (const c of s.details.causes) {
      const path = c.field ? [...info.prefix, ...parseFieldPath(c.field)] : info.prefix;
      out.push({ range: locatePath(d, path), message: c.field ? `${c.field}: ${c.message}` : c.message });
    }
    return out;
  }
  for (const m of s.message.matchAll(/unknown field "([^"]+)"/g)) {
    out.push({ range: locatePath(d, [...info.prefix, ...parseFieldPath(m[1]!)], true), message: `unknown field "${m[1]}"` });
  }
  for (const m of s.message.matchAll(/cannot unmarshal (\w+) into Go struct field ([\w.]+) of type ([\w.[\]]+)/g)) {
    const segs = m[2]!.split('.').slice(1);
    const r = locateTypeMismatch(d, [...info.prefix.map(String), ...segs], m[1]!);
    out.push({ range: r ?? locateStart(d), message: m[0] });
  }
  if (out.length) return out;
  if (s.reason === 'NotFound' && /^namespaces /.test(s.message.replace(/^error when [^:]*: /, ''))) {
    return [{ range: locatePath(d, [...info.prefix, 'metadata', 'namespace']), message: s.message }];
  }
  return [{ range: locateStart(d), message: s.message }];
}

function fail(ctx: Ctx, info: Info, err: CmdError, verb: string): void {
  const e = addSource(verb, info.source, err);
  ctx.errors.push(e);
  if ('status' in err) {
    for (const { range, message } of locateStatus(info, err.status)) diag(ctx, info.source, range, message);
  } else diag(ctx, info.source, locateStart(info.doc), err.message);
}

/** Reads one file into Infos (the builder's visit), collecting per-document errors. */
function visitFile(ctx: Ctx, file: string, text: string, infos: Info[]): void {
  const parsed = parseManifest(text);
  for (const d of parsed.docs) {
    for (const w of duplicateKeyWarnings(d)) {
      const a = d.lc.linePos(w.offset[0]);
      const b = d.lc.linePos(w.offset[1]);
      diag(ctx, file, { line: a.line + d.lineOffset, column: a.col, endLine: b.line + d.lineOffset, endColumn: b.col }, `duplicate key "${w.key}": the later value wins`, 'warning');
    }
    if (d.json === null) continue;
    const objs: { obj: unknown; prefix: (string | number)[] }[] = [];
    const j = d.json;
    if (isObj(j) && typeof j.kind === 'string' && j.kind.endsWith('List') && Array.isArray(j.items)) {
      j.items.forEach((obj, i) => objs.push({ obj, prefix: ['items', i] }));
    } else objs.push({ obj: j, prefix: [] });
    for (const { obj, prefix } of objs) {
      const at = prefix.length ? locatePath(d, prefix) : locateStart(d);
      if (!isObj(obj)) {
        const t = Array.isArray(obj) ? 'array' : typeof obj === 'string' ? 'string' : typeof obj === 'number' ? 'number' : 'bool';
        const m = `unable to decode ${JSON.stringify(file)}: json: cannot unmarshal ${t} into Go value of type map[string]interface {}`;
        ctx.errors.push({ message: m });
        diag(ctx, file, at, m);
        continue;
      }
      const kind = typeof obj.kind === 'string' ? obj.kind : '';
      const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
      if (!kind || !apiVersion) {
        const m = `unable to decode ${JSON.stringify(file)}: Object '${kind ? 'apiVersion' : 'Kind'}' is missing in '${goJson(obj)}'`;
        ctx.errors.push({ message: m });
        diag(ctx, file, at, m);
        continue;
      }
      const meta = isObj(obj.metadata) ? obj.metadata : {};
      const name = typeof meta.name === 'string' ? meta.name : '';
      const res = byKind(apiVersion, kind);
      if (!res) {
        const ns = typeof meta.namespace === 'string' ? meta.namespace : '';
        const m = `resource mapping not found for name: ${JSON.stringify(name)} namespace: ${JSON.stringify(ns)} from ${JSON.stringify(file)}: no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)}\nensure CRDs are installed first`;
        ctx.errors.push({ message: m });
        const kindKnown = RESOURCES.some((r) => r.kind === kind);
        const key = kindKnown ? 'apiVersion' : 'kind';
        diag(ctx, file, prefix.length ? locatePath(d, [...prefix, key]) : locateTopKey(d, key), m.replace('\nensure', '; ensure'));
        continue;
      }
      let namespace = '';
      if (res.namespaced) {
        const objNs = typeof meta.namespace === 'string' && meta.namespace ? meta.namespace : '';
        if (objNs && ctx.explicitNamespace && objNs !== ctx.namespace) {
          const m = `the namespace from the provided object ${JSON.stringify(objNs)} does not match the namespace ${JSON.stringify(ctx.namespace)}. You must pass '--namespace=${objNs}' to perform this operation.`;
          ctx.errors.push({ message: m });
          diag(ctx, file, locatePath(d, [...prefix, 'metadata', 'namespace']), m);
          continue;
        }
        namespace = objNs || ctx.namespace;
      }
      const o = structuredClone(obj) as Obj & { metadata: Obj };
      o.metadata = isObj(o.metadata) ? o.metadata : {};
      if (res.namespaced) o.metadata.namespace = namespace;
      infos.push({ res, obj: o, name, namespace, source: file, doc: d, prefix });
    }
  }
  if (parsed.error) {
    const m = `error parsing ${file}: ${parsed.error.message}`;
    ctx.errors.push({ message: m });
    const { line, column, endLine, endColumn } = parsed.error;
    diag(ctx, file, { line, column, endLine, endColumn }, parsed.error.message);
  }
}

/** GetModifiedConfiguration: the object with the last-applied annotation set to itself. */
function modifiedConfiguration(obj: Obj & { metadata: Obj }): { modified: Obj & { metadata: Obj }; lastApplied: string } {
  const m = structuredClone(obj);
  const annots: Record<string, unknown> = isObj(m.metadata.annotations) ? m.metadata.annotations : {};
  delete annots[LAST_APPLIED];
  m.metadata.annotations = annots;
  const lastApplied = goJson(m) + '\n';
  m.metadata.annotations = { ...annots, [LAST_APPLIED]: lastApplied };
  return { modified: m, lastApplied };
}

const WRITE_QUERY = { fieldManager: 'kubectl-client-side-apply', fieldValidation: 'Strict' };

function applyOne(ctx: Ctx, info: Info): void {
  const itemLabel = `${qualifiedKind(info.res)}/${info.name}`;
  if (!info.name) {
    if (typeof info.obj.metadata.generateName === 'string') {
      ctx.errors.push({ message: `from ${info.source}: cannot use generate name with apply` });
      diag(ctx, info.source, locatePath(info.doc, [...info.prefix, 'metadata', 'generateName']), 'cannot use generate name with apply');
      return;
    }
    fail(ctx, info, { message: 'resource name may not be empty' }, `retrieving current configuration of:\n${infoString(info)}\nfrom server for:`);
    ctx.diagnostics[ctx.diagnostics.length - 1]!.message = 'metadata.name: Required value: name or generateName is required';
    const meta = locatePath(info.doc, [...info.prefix, 'metadata']);
    Object.assign(ctx.diagnostics[ctx.diagnostics.length - 1]!, meta);
    return;
  }
  const { modified } = modifiedConfiguration(info.obj);
  const itemPath = pathFor(info.res, info.namespace, info.name);
  const gvPath = pathFor(info.res, info.namespace);
  // The first hop of every apply: kubectl reads the file and converts the document to JSON, before
  // it asks the server anything (the GET below decides between POST and PATCH).
  const file = info.source === '-' ? 'stdin' : info.source;
  ctx.io.trace({
    from: 'manifest',
    to: 'kubectl',
    duration: 0,
    verb: 'YAML → JSON',
    object: info.namespace ? `${info.res.kind}/${info.namespace}/${info.name}` : `${info.res.kind}/${info.name}`,
    kind: 'kubectlApply',
    args: { file, kind: info.res.kind, name: info.name, path: itemPath },
    summary: `kubectl read ${file}, converted ${info.res.kind} ${info.name} from YAML to JSON, and asks the API server for its current state (GET ${itemPath}).`,
    payload: modified,
  });
  const got = send(ctx, { verb: 'GET', path: itemPath });
  if (got.code === 404) {
    const r = send(ctx, { verb: 'POST', path: gvPath, body: modified, query: WRITE_QUERY, causeId: got.spanId });
    if (r.code >= 200 && r.code < 300) ctx.stdout.push(`${itemLabel} created\n`);
    else fail(ctx, info, { status: statusOf(r.code, r.body) }, 'creating');
    return;
  }
  if (got.code !== 200) {
    fail(ctx, info, { status: statusOf(got.code, got.body) }, `retrieving current configuration of:\n${infoString(info)}\nfrom server for:`);
    return;
  }
  const current = got.body as Obj & { metadata?: Obj };
  const annots = isObj(current.metadata?.annotations) ? current.metadata.annotations : {};
  let original: Obj | undefined;
  if (typeof annots[LAST_APPLIED] === 'string') {
    try {
      const o = JSON.parse(annots[LAST_APPLIED]) as unknown;
      if (isObj(o)) original = o;
    } catch {
      original = undefined;
    }
  } else {
    ctx.stderr.push(
      `Warning: resource ${info.res.resource}/${info.name} is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
    );
  }
  const patch = threeWayMergePatch(original, modified, current);
  if (Object.keys(patch).length === 0) {
    ctx.stdout.push(`${itemLabel} unchanged\n`);
    return;
  }
  const r = send(ctx, {
    verb: 'PATCH',
    path: itemPath,
    body: patch,
    patchType: 'application/strategic-merge-patch+json',
    query: WRITE_QUERY,
    causeId: got.spanId,
  });
  if (r.code >= 200 && r.code < 300) ctx.stdout.push(`${itemLabel} configured\n`);
  else fail(ctx, info, { status: statusOf(r.code, r.body) }, `applying patch:\n${goJson(patch)}\nto:\n${infoString(info)}\nfor:`);
}

/** The builder's visit of every `-f` file; undefined when a file does not exist. */
export function readInfos(ctx: Ctx, files: string[]): Info[] | undefined {
  const infos: Info[] = [];
  for (const file of files) {
    const text = ctx.io.readFile(file);
    if (text === undefined) {
      ctx.errors.push({ message: `the path ${JSON.stringify(file)} does not exist` });
      return undefined;
    }
    const source = file === '-' ? 'STDIN' : file;
    visitFile(ctx, source, text, infos);
  }
  return infos;
}

/** `kubectl apply -f FILE…`. */
export function applyCmd(ctx: Ctx): void {
  const files = ctx.p.values.filename ?? [];
  if (files.length === 0) {
    ctx.errors.push({ message: 'must specify one of -f and -k' });
    return;
  }
  const infos = readInfos(ctx, files);
  if (!infos) return;
  if (infos.length === 0 && ctx.errors.length === 0) {
    ctx.errors.push({ message: 'no objects passed to apply' });
    const file = files[0] === '-' ? 'STDIN' : files[0]!;
    diag(ctx, file, { line: 1, column: 1, endLine: 1, endColumn: 1 }, 'no objects passed to apply');
    return;
  }
  for (const info of infos) applyOne(ctx, info);
}

