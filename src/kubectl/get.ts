/**
 * `kubectl get`. Mirrors k8s.io/kubectl/pkg/cmd/get/get.go: one GET per named object or one
 * LIST, the human-readable table (printers/*.ts), `-o wide|json|yaml|name`, `No resources found
 * in <ns> namespace.` on stderr, and `-w` (watch, bounded by `--timeout` here).
 */
import type { Event, Namespace, Node, Pod } from 'kubernetes-types/core/v1';
import type { Ctx } from './context.ts';
import { send, watchFrom } from './context.ts';
import { ageSince, parseGoDuration } from './duration.ts';
import { statusOf } from './errors.ts';
import { flag } from './flags.ts';
import { asList, printJson, printName, printYaml } from './output.ts';
import { EVENT_COLUMNS, EVENT_WIDE_COLUMNS, eventRow, sortEventsByTime } from './printers/event.ts';
import { NAMESPACE_COLUMNS, namespaceRow } from './printers/namespace.ts';
import { NODE_COLUMNS, NODE_WIDE_COLUMNS, nodeRow } from './printers/node.ts';
import { POD_COLUMNS, POD_WIDE_COLUMNS, podRow } from './printers/pod.ts';
import { byName, pathFor, type ResourceInfo } from './resources.ts';
import { tabwrite } from './tabwriter.ts';

type Obj = Record<string, unknown> & { metadata?: { name?: string; namespace?: string; creationTimestamp?: string } };

/** Header and row function of the table printer for a resource. */
export function tableFor(res: ResourceInfo, wide: boolean): { header: string[]; row: (o: Obj, now: number) => string[] } {
  switch (res.resource) {
    case 'pods':
      return { header: wide ? [...POD_COLUMNS, ...POD_WIDE_COLUMNS] : POD_COLUMNS, row: (o, n) => podRow(o as Pod, n, wide) };
    case 'nodes':
      return { header: wide ? [...NODE_COLUMNS, ...NODE_WIDE_COLUMNS] : NODE_COLUMNS, row: (o, n) => nodeRow(o as Node, n, wide) };
    case 'events':
      return { header: wide ? EVENT_WIDE_COLUMNS : EVENT_COLUMNS, row: (o, n) => eventRow(o as unknown as Event, n, wide) };
    case 'namespaces':
      return { header: NAMESPACE_COLUMNS, row: (o, n) => namespaceRow(o as Namespace, n) };
    default:
      return { header: ['NAME', 'AGE'], row: (o, n) => [o.metadata?.name ?? '', ageSince(o.metadata?.creationTimestamp, n)] };
  }
}

/** `--show-labels`: sorted `k=v` pairs, `<none>` (printers.go labels.FormatLabels). */
function formatLabels(o: Obj): string {
  const l = (o.metadata as { labels?: Record<string, string> } | undefined)?.labels ?? {};
  const keys = Object.keys(l).sort();
  return keys.length ? keys.map((k) => `${k}=${l[k]}`).join(',') : '<none>';
}

function renderTable(ctx: Ctx, res: ResourceInfo, objs: Obj[], allNs: boolean, wide: boolean, header = true): string {
  const t = tableFor(res, wide);
  const now = ctx.io.nowMs();
  const labels = !!ctx.p.bools['show-labels'];
  const rows = objs.map((o) => {
    const row = allNs ? [o.metadata?.namespace ?? '', ...t.row(o, now)] : t.row(o, now);
    return labels ? [...row, formatLabels(o)] : row;
  });
  const head = [...(allNs ? ['NAMESPACE', ...t.header] : t.header), ...(labels ? ['LABELS'] : [])];
  return tabwrite(header ? [head, ...rows] : rows);
}

/** Parses `pods`, `pods NAME…`, `pod/NAME`. */
function targets(ctx: Ctx): { res: ResourceInfo; names: string[] } | undefined {
  const args = ctx.p.args;
  if (args.length === 0) {
    ctx.stderr.push('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n');
    ctx.errors.push({
      message: `Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples`,
    });
    return undefined;
  }
  const [first, ...rest] = args as [string, ...string[]];
  const slash = first.indexOf('/');
  const type = slash >= 0 ? first.slice(0, slash) : first;
  const res = byName(type);
  if (!res) {
    ctx.errors.push({ message: `the server doesn't have a resource type ${JSON.stringify(type)}` });
    return undefined;
  }
  const names = slash >= 0 ? [first.slice(slash + 1), ...rest.map((r) => r.slice(r.indexOf('/') + 1))] : rest;
  return { res, names };
}

/** `kubectl get`. */
export async function getCmd(ctx: Ctx): Promise<void> {
  const t = targets(ctx);
  if (!t) return;
  const { res, names } = t;
  const output = flag(ctx.p, 'output') ?? '';
  if (!['', 'wide', 'json', 'yaml', 'name'].includes(output)) {
    ctx.errors.push({ message: `unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,wide,yaml` });
    return;
  }
  const allNs = !!ctx.p.bools['all-namespaces'] && res.namespaced;
  const ns = allNs ? undefined : ctx.namespace;
  const query: Record<string, string> = {};
  const sel = flag(ctx.p, 'selector');
  const fsel = flag(ctx.p, 'field-selector');
  if (sel) query.labelSelector = sel;
  if (fsel) query.fieldSelector = fsel;

  let objs: Obj[] = [];
  let single = false;
  let listRv: string | undefined;
  if (names.length > 0) {
    single = names.length === 1;
    for (const name of names) {
      const r = send(ctx, { verb: 'GET', path: pathFor(res, ns, name) });
      if (r.code === 200) objs.push(r.body as Obj);
      else ctx.errors.push({ status: statusOf(r.code, r.body) });
    }
  } else {
    const r = send(ctx, { verb: 'GET', path: pathFor(res, ns), query: Object.keys(query).length ? query : undefined });
    if (r.code !== 200) {
      ctx.errors.push({ status: statusOf(r.code, r.body) });
      return;
    }
    objs = ((r.body as { items?: Obj[] }).items ?? []) as Obj[];
    listRv = (r.body as { metadata?: { resourceVersion?: string } }).metadata?.resourceVersion;
  }
  if (names.length > 0) listRv = objs.reduce((m, o) => Math.max(m, Number((o.metadata as { resourceVersion?: string } | undefined)?.resourceVersion ?? 0)), 0).toString();
  if (res.resource === 'events' && (output === 'json' || output === 'yaml')) objs = sortEventsByTime(objs as unknown as Event[]) as unknown as Obj[];

  const watch = !!ctx.p.bools.watch;
  if (output === 'json' || output === 'yaml') {
    const v = single && objs.length === 1 ? objs[0] : asList(objs, res);
    if (!(names.length > 0 && objs.length === 0)) ctx.stdout.push(output === 'json' ? printJson(v) : printYaml(v));
  } else if (output === 'name') {
    for (const o of objs) ctx.stdout.push(printName(res, o.metadata?.name ?? ''));
  } else if (objs.length > 0) {
    ctx.stdout.push(renderTable(ctx, res, objs, allNs, output === 'wide'));
  }
  if (objs.length === 0 && names.length === 0 && output !== 'json' && output !== 'yaml' && !watch) {
    ctx.stderr.push(res.namespaced && !allNs ? `No resources found in ${ctx.namespace} namespace.\n` : 'No resources found\n');
  }
  if (watch) await watchRows(ctx, res, ns, query, names, allNs, output, listRv);
}

/** `get -w`: a row per watch event until `--timeout` (default 30s) of virtual time has passed. */
async function watchRows(ctx: Ctx, res: ResourceInfo, ns: string | undefined, query: Record<string, string>, names: string[], allNs: boolean, output: string, listRv: string | undefined): Promise<void> {
  let ms = 30_000;
  const to = flag(ctx.p, 'timeout');
  if (to) {
    try {
      ms = parseGoDuration(to);
    } catch (e) {
      ctx.errors.push({ message: (e as Error).message });
      return;
    }
  }
  const q = { ...query };
  if (names.length === 1) q.fieldSelector = `metadata.name=${names[0]}`;
  const stop = watchFrom(ctx, pathFor(res, ns), q, listRv, (e) => {
    const o = e.object as Obj;
    if (names.length > 1 && !names.includes(o.metadata?.name ?? '')) return;
    if (output === 'name') ctx.stdout.push(printName(res, o.metadata?.name ?? ''));
    else if (output === 'json') ctx.stdout.push(printJson(o));
    else if (output === 'yaml') ctx.stdout.push(`---\n${printYaml(o)}`);
    else ctx.stdout.push(renderTable(ctx, res, [o], allNs, output === 'wide', false));
  });
  try {
    await ctx.io.sleep(ms);
  } finally {
    stop();
  }
}
