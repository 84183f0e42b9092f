/**
 * Shared by cordon, uncordon, drain and taint: the nodes a command names (`NODE…` or `-l`), the
 * `--dry-run` strategy, and the name printer's `node/NAME <verb>` line. Mirrors
 * k8s.io/kubectl/pkg/cmd/drain/drain.go (DrainCmdOptions.Complete, ToPrinter) and
 * pkg/cmd/util/helpers.go (GetDryRunStrategy).
 */
import type { Node } from 'kubernetes-types/core/v1';
import type { Ctx } from './context.ts';
import { send } from './context.ts';
import { statusOf } from './errors.ts';
import { flag } from './flags.ts';

export type DryRun = 'none' | 'client' | 'server';

/** GetDryRunStrategy; undefined after recording the error. */
export function dryRunStrategy(ctx: Ctx): DryRun | undefined {
  const v = flag(ctx.p, 'dry-run');
  if (v === undefined || v === '' || v === 'none') return 'none';
  if (v === 'client' || v === 'server') return v;
  if (v === 'unchanged') {
    ctx.errors.push({ message: '--dry-run flag without a value was specified. A value must be set: "none", "server", or "client".' });
    return undefined;
  }
  if (/^(1|t|T|true|TRUE|True)$/.test(v)) {
    ctx.stderr.push('W0000 --dry-run=true is deprecated (boolean value) and can be replaced with --dry-run=client.\n');
    return 'client';
  }
  if (/^(0|f|F|false|FALSE|False)$/.test(v)) return 'none';
  ctx.errors.push({ message: `Invalid dry-run value (${v}). Must be "none", "server", or "client".` });
  return undefined;
}

/** The printer suffix kubectl adds for dry runs. */
export function dryRunSuffix(d: DryRun): string {
  return d === 'client' ? ' (dry run)' : d === 'server' ? ' (server dry run)' : '';
}

/**
 * The Nodes named by `args` (each GET) or selected by `-l` (one LIST). Any failure aborts with
 * kubectl's error, as the builder's Visit does, before anything changes.
 */
export function selectNodes(ctx: Ctx, use: string): Node[] | undefined {
  const sel = flag(ctx.p, 'selector');
  if (ctx.p.args.length === 0 && !sel) {
    ctx.errors.push({ message: `USAGE: ${use} [flags]\nSee 'kubectl ${use.split(' ')[0]} -h' for help and examples` });
    return undefined;
  }
  if (ctx.p.args.length > 0 && sel) {
    ctx.errors.push({ message: `error: cannot specify both a node name and a --selector option\nSee 'kubectl ${use.split(' ')[0]} -h' for help and examples` });
    return undefined;
  }
  if (sel) {
    const r = send(ctx, { verb: 'GET', path: '/api/v1/nodes', query: { labelSelector: sel } });
    if (r.code !== 200) {
      ctx.errors.push({ status: statusOf(r.code, r.body) });
      return undefined;
    }
    return (r.body as { items?: Node[] }).items ?? [];
  }
  const out: Node[] = [];
  for (const a of ctx.p.args) {
    const slash = a.indexOf('/');
    if (slash >= 0 && !/^(nodes?|no)$/.test(a.slice(0, slash))) {
      ctx.errors.push({ message: `the server doesn't have a resource type ${JSON.stringify(a.slice(0, slash))}` });
      return undefined;
    }
    const name = slash >= 0 ? a.slice(slash + 1) : a;
    const r = send(ctx, { verb: 'GET', path: `/api/v1/nodes/${encodeURIComponent(name)}` });
    if (r.code !== 200) {
      ctx.errors.push({ status: statusOf(r.code, r.body) });
      return undefined;
    }
    out.push(r.body as Node);
  }
  return out;
}
