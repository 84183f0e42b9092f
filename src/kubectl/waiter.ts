/**
 * The waiting half of `kubectl wait` and `kubectl delete`. Mirrors
 * k8s.io/kubectl/pkg/cmd/wait/{wait.go,condition.go,delete.go}: a LIST with
 * `fieldSelector=metadata.name=NAME`, then a WATCH, until the condition holds or time runs out.
 */
import type { Ctx } from './context.ts';
import { send, watchFrom } from './context.ts';
import { pathFor, type ResourceInfo } from './resources.ts';

type Obj = { metadata?: { name?: string; uid?: string }; status?: { conditions?: { type: string; status: string }[] } };

export type Condition = { kind: 'delete' } | { kind: 'condition'; type: string; value: string };

/** `--for=delete`, `--for=condition=Ready`, `--for=condition=Ready=false`. */
export function parseFor(v: string): Condition | string {
  if (v === 'delete') return { kind: 'delete' };
  if (v.startsWith('condition=')) {
    const rest = v.slice('condition='.length);
    const eq = rest.indexOf('=');
    return eq >= 0 ? { kind: 'condition', type: rest.slice(0, eq), value: rest.slice(eq + 1) } : { kind: 'condition', type: rest, value: 'true' };
  }
  return `unrecognized condition: ${JSON.stringify(v)}`;
}

function holds(c: Condition, o: Obj | undefined, uid: string | undefined): boolean {
  if (c.kind === 'delete') return o === undefined || (uid !== undefined && o.metadata?.uid !== uid);
  if (!o) return false;
  const cond = (o.status?.conditions ?? []).find((x) => x.type.toLowerCase() === c.type.toLowerCase());
  return !!cond && cond.status.toLowerCase() === c.value.toLowerCase();
}

/** True once the user interrupted the command (Ctrl+C): waits end, and no timeout error follows. */
export function interrupted(ctx: Ctx): boolean {
  return ctx.io.signal?.aborted === true;
}

/** Steps virtual time until `done()`, an interrupt, or `ms` have passed. */
export async function sleepUntil(ctx: Ctx, ms: number, done: () => boolean): Promise<void> {
  const stop = () => done() || interrupted(ctx);
  if (stop()) return;
  if (ctx.io.sleepUntil) return ctx.io.sleepUntil(ms, stop);
  // Against an absolute deadline, so 100 ms steps that wake late do not add up to a longer wait.
  const end = ctx.io.nowMs() + ms;
  while (!stop()) {
    const left = end - ctx.io.nowMs();
    if (left <= 0) break;
    await ctx.io.sleep(Math.min(left, 100));
  }
}

/** Waits for `c` on one object; true when met, false on timeout or interrupt (check {@link interrupted}). */
export async function waitFor(ctx: Ctx, res: ResourceInfo, namespace: string, name: string, uid: string | undefined, c: Condition, timeoutMs: number): Promise<boolean> {
  const ns = res.namespaced ? namespace : undefined;
  const query = { fieldSelector: `metadata.name=${name}` };
  const list = send(ctx, { verb: 'GET', path: pathFor(res, ns), query });
  let current: Obj | undefined = ((list.body as { items?: Obj[] })?.items ?? []).find((o) => o.metadata?.name === name);
  let met = holds(c, current, uid);
  if (met) return true;
  const listRv = (list.body as { metadata?: { resourceVersion?: string } })?.metadata?.resourceVersion;
  const stop = watchFrom(ctx, pathFor(res, ns), query, listRv, (e) => {
    const o = e.object as Obj;
    if (o.metadata?.name !== name) return;
    current = e.type === 'DELETED' ? undefined : o;
    if (holds(c, current, uid)) met = true;
  });
  try {
    await sleepUntil(ctx, timeoutMs, () => met);
  } finally {
    stop();
  }
  return met;
}
