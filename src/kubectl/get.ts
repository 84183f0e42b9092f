/**
 * `kubectl get`. Mirrors k8s.io/kubectl/pkg/cmd/get/get.go: one GET per named object or one
 * LIST, the human-readable table (printers/*.ts), `-o wide|json|yaml|name`, `No resources found
 * in <ns> namespace.` on stderr, and `-w` (watch, bounded by `--timeout` here).
 */
import type { ConfigMap, Endpoints, Event, Namespace, Node, Pod, Secret, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Ingress, IngressClass } from 'kubernetes-types/networking/v1';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Ctx } from './context.ts';
import { send, watchFrom } from './context.ts';
import { sleepUntil } from './waiter.ts';
import { ageSince, durationFlag } from './duration.ts';
import { statusOf } from './errors.ts';
import { flag } from './flags.ts';
import { parseSortPath, sortObjects } from './sortBy.ts';
import { asList, printJson, printName, printYaml } from './output.ts';
import { EVENT_COLUMNS, EVENT_WIDE_COLUMNS, eventRow, sortEventsByTime } from './printers/event.ts';
import { NAMESPACE_COLUMNS, namespaceRow } from './printers/namespace.ts';
import { NODE_COLUMNS, NODE_WIDE_COLUMNS, nodeRow } from './printers/node.ts';
import { POD_COLUMNS, POD_WIDE_COLUMNS, podRow } from './printers/pod.ts';
import { PDB_COLUMNS, pdbRow } from './printers/policy.ts';
import { PRIORITYCLASS_COLUMNS, priorityClassRow } from './printers/scheduling.ts';
import {
  CONFIGMAP_COLUMNS,
  configMapRow,
  DEPLOYMENT_COLUMNS,
  deploymentRow,
  REPLICASET_COLUMNS,
  replicaSetRow,
  SECRET_COLUMNS,
  secretRow,
  WORKLOAD_WIDE_COLUMNS,
} from './printers/workloads.ts';
import {
  ENDPOINTS_COLUMNS,
  endpointsRow,
  ENDPOINTSLICE_COLUMNS,
  endpointSliceRow,
  INGRESS_COLUMNS,
  ingressRow,
  INGRESSCLASS_COLUMNS,
  ingressClassRow,
  SERVICE_COLUMNS,
  SERVICE_WIDE_COLUMNS,
  serviceRow,
  warnEndpoints,
} from './printers/network.ts';
import { byName, pathFor, qualifiedKind, type ResourceInfo } from './resources.ts';
import { tabwrite, tabwriteRemembering } from './tabwriter.ts';

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
    case 'services':
      return { header: wide ? [...SERVICE_COLUMNS, ...SERVICE_WIDE_COLUMNS] : SERVICE_COLUMNS, row: (o, n) => serviceRow(o as Service, n, wide) };
    case 'endpoints':
      return { header: ENDPOINTS_COLUMNS, row: (o, n) => endpointsRow(o as Endpoints, n) };
    case 'endpointslices':
      return { header: ENDPOINTSLICE_COLUMNS, row: (o, n) => endpointSliceRow(o as unknown as EndpointSlice, n) };
    case 'ingresses':
      return { header: INGRESS_COLUMNS, row: (o, n) => ingressRow(o as Ingress, n, wide) };
    case 'ingressclasses':
      return { header: INGRESSCLASS_COLUMNS, row: (o, n) => ingressClassRow(o as IngressClass, n) };
    case 'deployments':
      return { header: wide ? [...DEPLOYMENT_COLUMNS, ...WORKLOAD_WIDE_COLUMNS] : DEPLOYMENT_COLUMNS, row: (o, n) => deploymentRow(o as Deployment, n, wide) };
    case 'replicasets':
      return { header: wide ? [...REPLICASET_COLUMNS, ...WORKLOAD_WIDE_COLUMNS] : REPLICASET_COLUMNS, row: (o, n) => replicaSetRow(o as ReplicaSet, n, wide) };
    case 'configmaps':
      return { header: CONFIGMAP_COLUMNS, row: (o, n) => configMapRow(o as ConfigMap, n) };
    case 'secrets':
      return { header: SECRET_COLUMNS, row: (o, n) => secretRow(o as Secret, n) };
    case 'poddisruptionbudgets':
      return { header: PDB_COLUMNS, row: (o, n) => pdbRow(o, n) };
    case 'priorityclasses':
      return { header: PRIORITYCLASS_COLUMNS, row: (o, n) => priorityClassRow(o, n, wide) };
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

function renderTable(ctx: Ctx, res: ResourceInfo, objs: Obj[], allNs: boolean, wide: boolean, header = true, showKind = false, widths?: number[]): string {
  const t = tableFor(res, wide);
  const now = ctx.io.nowMs();
  const labels = !!ctx.p.bools['show-labels'];
  // -L key1,key2: one column per label key (appendLabelCells, formatLabelHeaders).
  const columnLabels = (ctx.p.values['label-columns'] ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const rows = objs.map((o) => {
    const cells = t.row(o, now);
    if (showKind && res.resource !== 'events') cells[0] = `${qualifiedKind(res)}/${cells[0]}`;
    const row = allNs ? [o.metadata?.namespace ?? '', ...cells] : cells;
    const l = (o.metadata as { labels?: Record<string, string> } | undefined)?.labels ?? {};
    row.push(...columnLabels.map((k) => l[k] ?? ''));
    return labels ? [...row, formatLabels(o)] : row;
  });
  const head = [...(allNs ? ['NAMESPACE', ...t.header] : t.header), ...columnLabels.map((k) => k.split('/').pop()!.toUpperCase()), ...(labels ? ['LABELS'] : [])];
  const all = header ? [head, ...rows] : rows;
  return widths ? tabwriteRemembering(all, widths) : tabwrite(all);
}

interface Target {
  res: ResourceInfo;
  names: string[];
}

/**
 * Parses `pods`, `pods NAME…`, `pods,nodes`, `pod/NAME node/NAME` into one target per
 * resource type, in the order given (cli-runtime resource.Builder ResourceTypeOrNameArgs).
 */
function targets(ctx: Ctx): Target[] | undefined {
  const args = ctx.p.args;
  if (args.length === 0) {
    ctx.stderr.push('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n');
    ctx.errors.push({
      message: `Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples`,
    });
    return undefined;
  }
  const resolve = (type: string): ResourceInfo | undefined => {
    const res = byName(type);
    if (!res) ctx.errors.push({ message: `the server doesn't have a resource type ${JSON.stringify(type)}` });
    return res;
  };
  const out: Target[] = [];
  const add = (res: ResourceInfo, name?: string) => {
    let t = out.find((x) => x.res === res);
    if (!t) out.push((t = { res, names: [] }));
    if (name !== undefined) t.names.push(name);
  };
  if (args.every((a) => a.includes('/'))) {
    for (const a of args) {
      const i = a.indexOf('/');
      const res = resolve(a.slice(0, i));
      if (!res) return undefined;
      add(res, a.slice(i + 1));
    }
    return out;
  }
  const [first, ...names] = args as [string, ...string[]];
  if (first.includes('/')) {
    ctx.errors.push({ message: 'there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. \'kubectl get resource/<resource_name>\' instead of \'kubectl get resource resource/<resource_name>\'' });
    return undefined;
  }
  for (const type of first.split(',').filter(Boolean)) {
    const res = resolve(type);
    if (!res) return undefined;
    add(res);
    for (const n of names) add(res, n);
  }
  return out;
}

/** GETs what a target names (one GET per name, or one LIST). */
function fetch(ctx: Ctx, t: Target, query: Record<string, string>): { objs: Obj[]; listRv?: string } {
  const allNs = !!ctx.p.bools['all-namespaces'] && t.res.namespaced;
  const ns = allNs ? undefined : ctx.namespace;
  if (t.res.resource === 'endpoints') warnEndpoints(ctx.stderr);
  if (t.names.length > 0) {
    const objs: Obj[] = [];
    for (const name of t.names) {
      const r = send(ctx, { verb: 'GET', path: pathFor(t.res, ns, name) });
      if (r.code === 200) objs.push(r.body as Obj);
      else ctx.errors.push({ status: statusOf(r.code, r.body) });
    }
    const rv = objs.reduce((m, o) => Math.max(m, Number((o.metadata as { resourceVersion?: string } | undefined)?.resourceVersion ?? 0)), 0);
    return { objs, listRv: String(rv) };
  }
  const r = send(ctx, { verb: 'GET', path: pathFor(t.res, ns), query: Object.keys(query).length ? query : undefined });
  if (r.code !== 200) {
    ctx.errors.push({ status: statusOf(r.code, r.body) });
    return { objs: [] };
  }
  const body = r.body as { items?: Obj[]; metadata?: { resourceVersion?: string } };
  let objs = body.items ?? [];
  const output = flag(ctx.p, 'output') ?? '';
  const sortBy = flag(ctx.p, 'sort-by');
  const steps = sortBy ? parseSortPath(sortBy) : undefined;
  if (steps) objs = sortObjects(objs, steps);
  else if (t.res.resource === 'events' && (output === 'json' || output === 'yaml')) objs = sortEventsByTime(objs as unknown as Event[]) as unknown as Obj[];
  return { objs, listRv: body.metadata?.resourceVersion };
}

/** `kubectl get`. */
export async function getCmd(ctx: Ctx): Promise<void> {
  const ts = targets(ctx);
  if (!ts) return;
  const output = flag(ctx.p, 'output') ?? '';
  if (!['', 'wide', 'json', 'yaml', 'name'].includes(output)) {
    ctx.errors.push({ message: `unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,wide,yaml` });
    return;
  }
  const sortBy = flag(ctx.p, 'sort-by');
  if (sortBy !== undefined && !parseSortPath(sortBy)) {
    ctx.errors.push({ message: `error: couldn't parse JSONPath ${JSON.stringify(sortBy)}: only field paths such as .metadata.name or {.status.containerStatuses[0].restartCount} are supported` });
    return;
  }
  const watch = !!ctx.p.bools.watch;
  if (watch && (ts.length > 1 || ts[0]!.names.length > 1)) {
    ctx.errors.push({ message: 'you may only specify a single resource type' });
    return;
  }
  const query: Record<string, string> = {};
  const sel = flag(ctx.p, 'selector');
  const fsel = flag(ctx.p, 'field-selector');
  if (sel) query.labelSelector = sel;
  if (fsel) query.fieldSelector = fsel;

  const results = ts.map((t) => ({ t, ...fetch(ctx, t, query) }));
  // -w: the column widths the writer remembers across flushes (one flush per event).
  const widths: number[] = [];
  const total = results.reduce((n, r) => n + r.objs.length, 0);
  const anyNames = ts.some((t) => t.names.length > 0);
  // Several types: names carry their kind (get.go multipleGVKsRequested → --show-kind).
  const showKind = ts.length > 1;
  if (output === 'json' || output === 'yaml') {
    const single = ts.length === 1 && ts[0]!.names.length === 1;
    if (single && total === 0) return;
    const v = single ? results[0]!.objs[0] : { ...asList([], ts[0]!.res), items: results.flatMap((r) => (asList(r.objs, r.t.res).items as Obj[])) };
    ctx.stdout.push(output === 'json' ? printJson(v) : printYaml(v));
  } else if (output === 'name') {
    for (const r of results) for (const o of r.objs) ctx.stdout.push(printName(r.t.res, o.metadata?.name ?? ''));
  } else {
    const tables = results
      .filter((r) => r.objs.length > 0)
      .map((r) => renderTable(ctx, r.t.res, r.objs, !!ctx.p.bools['all-namespaces'] && r.t.res.namespaced, output === 'wide', true, showKind, watch ? widths : undefined));
    if (tables.length) ctx.stdout.push(tables.join('\n'));
  }
  if (total === 0 && !anyNames && ctx.errors.length === 0 && output !== 'json' && output !== 'yaml' && !watch) {
    const allNs = !!ctx.p.bools['all-namespaces'];
    const namespaced = ts.some((t) => t.res.namespaced);
    ctx.stderr.push(namespaced && !allNs ? `No resources found in ${ctx.namespace} namespace.\n` : 'No resources found\n');
  }
  if (watch) {
    const r = results[0]!;
    const allNs = !!ctx.p.bools['all-namespaces'] && r.t.res.namespaced;
    await watchRows(ctx, r.t.res, allNs ? undefined : ctx.namespace, query, r.t.names, allNs, output, r.listRv, widths, r.objs.length > 0);
  }
}

/**
 * `get -w`: a row per watch event until `--timeout` (default 30s) of virtual time has passed,
 * laid out with the remembered column widths; the header comes with the first row printed.
 */
async function watchRows(
  ctx: Ctx,
  res: ResourceInfo,
  ns: string | undefined,
  query: Record<string, string>,
  names: string[],
  allNs: boolean,
  output: string,
  listRv: string | undefined,
  widths: number[],
  printedHeader: boolean,
): Promise<void> {
  const ms = durationFlag(ctx, 'timeout', 30_000);
  if (ms === undefined) return;
  const q = { ...query };
  if (names.length === 1) q.fieldSelector = `metadata.name=${names[0]}`;
  const stop = watchFrom(ctx, pathFor(res, ns), q, listRv, (e) => {
    const o = e.object as Obj;
    if (names.length > 1 && !names.includes(o.metadata?.name ?? '')) return;
    if (output === 'name') ctx.stdout.push(printName(res, o.metadata?.name ?? ''));
    else if (output === 'json') ctx.stdout.push(printJson(o));
    else if (output === 'yaml') ctx.stdout.push(`---\n${printYaml(o)}`);
    else {
      ctx.stdout.push(renderTable(ctx, res, [o], allNs, output === 'wide', !printedHeader, false, widths));
      printedHeader = true;
    }
  });
  try {
    // Only the timeout or an interrupt (Ctrl+C) ends a watch.
    await sleepUntil(ctx, ms, () => false);
  } finally {
    stop();
  }
}
