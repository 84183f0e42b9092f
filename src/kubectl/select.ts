/**
 * `--all` and `-l/--selector` for commands that act on named objects (delete, wait): one LIST,
 * then the names it returned, as cli-runtime's builder does with SelectAllParam/LabelSelectorParam.
 */
import type { Ctx } from './context.ts';
import { send } from './context.ts';
import { statusOf } from './errors.ts';
import { flag } from './flags.ts';
import { byName, pathFor, type ResourceInfo } from './resources.ts';
import { readInfos } from './apply.ts';

/** Names selected by `--all` / `-l`, or undefined when neither was given (or the LIST failed). */
export function selectedNames(ctx: Ctx, res: ResourceInfo): string[] | undefined {
  const sel = flag(ctx.p, 'selector');
  if (!sel && !ctx.p.bools.all) return undefined;
  const r = send(ctx, { verb: 'GET', path: pathFor(res, res.namespaced ? ctx.namespace : undefined), query: sel ? { labelSelector: sel } : undefined });
  if (r.code !== 200) {
    ctx.errors.push({ status: statusOf(r.code, r.body) });
    return undefined;
  }
  return ((r.body as { items?: { metadata?: { name?: string } }[] }).items ?? []).map((o) => o.metadata?.name ?? '');
}

/**
 * The objects a command names: `TYPE NAME…`, `TYPE/NAME…`, or `TYPE` with `--all` / `-l`.
 * Returns undefined after recording the error kubectl gives; `names` is empty when a selector
 * matched nothing (each command words that case itself).
 */
export function resolveTargets(ctx: Ctx, args: string[]): { res: ResourceInfo; names: string[] } | undefined {
  const [first, ...rest] = args as [string, ...string[]];
  const slash = first.indexOf('/');
  const type = slash >= 0 ? first.slice(0, slash) : first;
  const res = byName(type);
  if (!res) {
    ctx.errors.push({ message: `the server doesn't have a resource type ${JSON.stringify(type)}` });
    return undefined;
  }
  const names = slash >= 0 ? [first.slice(slash + 1), ...rest.map((r) => r.slice(r.indexOf('/') + 1))] : rest;
  if (names.length > 0) return { res, names };
  const selected = selectedNames(ctx, res);
  if (selected === undefined) {
    if (ctx.errors.length === 0) ctx.errors.push({ message: 'resource(s) were provided, but no name was specified' });
    return undefined;
  }
  return { res, names: selected };
}

/** An object the builder resolved and fetched (cli-runtime resource.Info after Latest()). */
export interface FetchedInfo {
  res: ResourceInfo;
  namespace: string;
  name: string;
  obj: Record<string, unknown> & { metadata?: { name?: string; namespace?: string; uid?: string; resourceVersion?: string } };
  spanId?: number;
}

/**
 * The builder of the rollout/scale/set commands: `-f FILE`, `TYPE NAME…`, `TYPE/NAME…`, or
 * `TYPE` with `--all`/`-l`, each object GET'd (ContinueOnError: a NotFound is recorded and the
 * others go on). Returns undefined when the arguments themselves are wrong.
 */
export function fetchInfos(ctx: Ctx, args: string[]): FetchedInfo[] | undefined {
  const files = ctx.p.values.filename ?? [];
  const wanted: { res: ResourceInfo; namespace: string; name: string }[] = [];
  if (files.length > 0) {
    const infos = readInfos(ctx, files);
    if (!infos) return undefined;
    for (const i of infos) wanted.push({ res: i.res, namespace: i.namespace, name: i.name });
  } else {
    if (args.length === 0) return [];
    const slashed = args.filter((a) => a.includes('/'));
    if (slashed.length === args.length) {
      for (const a of args) {
        const t = resolveTargets(ctx, [a]);
        if (!t) return undefined;
        wanted.push({ res: t.res, namespace: ctx.namespace, name: t.names[0]! });
      }
    } else {
      const t = resolveTargets(ctx, args);
      if (!t) return undefined;
      for (const n of t.names) wanted.push({ res: t.res, namespace: ctx.namespace, name: n });
    }
  }
  const out: FetchedInfo[] = [];
  for (const w of wanted) {
    const r = send(ctx, { verb: 'GET', path: pathFor(w.res, w.res.namespaced ? w.namespace : undefined, w.name) });
    if (r.code !== 200) {
      ctx.errors.push({ status: statusOf(r.code, r.body) });
      continue;
    }
    out.push({ ...w, obj: r.body as FetchedInfo['obj'], spanId: r.spanId });
  }
  return out;
}
