/**
 * `kubectl wait --for=condition=Ready|delete TYPE/NAME --timeout=30s`. Mirrors
 * k8s.io/kubectl/pkg/cmd/wait/wait.go: the builder GETs each object first (NotFound is an error
 * for conditions, success for delete), then each is waited on; `pod/x condition met`.
 */
import type { Ctx } from './context.ts';
import { send } from './context.ts';
import { durationFlag } from './duration.ts';
import { statusOf } from './errors.ts';
import { flag } from './flags.ts';
import { pathFor, qualifiedKind } from './resources.ts';
import { interrupted, parseFor, waitFor } from './waiter.ts';
import { resolveTargets } from './select.ts';

export async function waitCmd(ctx: Ctx): Promise<void> {
  const f = flag(ctx.p, 'for');
  if (!f) {
    ctx.errors.push({ message: '--for must be specified' });
    return;
  }
  const cond = parseFor(f);
  if (typeof cond === 'string') {
    ctx.errors.push({ message: cond });
    return;
  }
  const timeoutMs = durationFlag(ctx, 'timeout', 30_000);
  if (timeoutMs === undefined) return;
  const args = ctx.p.args;
  if (args.length === 0) {
    ctx.errors.push({ message: 'resource(s) were provided, but no name was specified' });
    return;
  }
  const target = resolveTargets(ctx, args);
  if (!target) return;
  const { res, names } = target;
  if (names.length === 0) {
    ctx.errors.push({ message: 'no matching resources found' });
    return;
  }
  const ns = res.namespaced ? ctx.namespace : undefined;
  for (const name of names) {
    const r = send(ctx, { verb: 'GET', path: pathFor(res, ns, name) });
    if (r.code !== 200) {
      if (r.code === 404 && cond.kind === 'delete') continue;
      ctx.errors.push({ status: statusOf(r.code, r.body) });
      continue;
    }
    const uid = (r.body as { metadata?: { uid?: string } }).metadata?.uid;
    const ok = await waitFor(ctx, res, ctx.namespace, name, uid, cond, timeoutMs);
    if (interrupted(ctx)) return;
    if (ok) ctx.stdout.push(`${qualifiedKind(res)}/${name} condition met\n`);
    else ctx.errors.push({ message: `timed out waiting for the condition on ${res.resource}/${name}` });
  }
}
