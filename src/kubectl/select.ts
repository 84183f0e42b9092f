/**
 * `--all` and `-l/--selector` for commands that act on named objects (delete, wait): one LIST,
 * then the names it returned, as cli-runtime's builder does with SelectAllParam/LabelSelectorParam.
 */
import type { Ctx } from './context.ts';
import { send } from './context.ts';
import { statusOf } from './errors.ts';
import { flag } from './flags.ts';
import { byName, pathFor, type ResourceInfo } from './resources.ts';

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
