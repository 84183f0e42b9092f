/**
 * `--all` and `-l/--selector` for commands that act on named objects (delete, wait): one LIST,
 * then the names it returned, as cli-runtime's builder does with SelectAllParam/LabelSelectorParam.
 */
import type { Ctx } from './context.ts';
import { send } from './context.ts';
import { statusOf } from './errors.ts';
import { flag } from './flags.ts';
import { pathFor, type ResourceInfo } from './resources.ts';

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
