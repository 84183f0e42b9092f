/**
 * `kubectl delete TYPE NAME…`. Mirrors k8s.io/kubectl/pkg/cmd/delete/delete.go: DELETE with
 * propagationPolicy Background, print `pod "x" deleted from default namespace` (v1.34 wording),
 * then wait for the object to be gone (`--wait=true` by default; `--timeout=0` means a week).
 */
import type { Ctx } from './context.ts';
import { send } from './context.ts';
import { parseGoDuration } from './duration.ts';
import { statusOf } from './errors.ts';
import { flag } from './flags.ts';
import { byName, pathFor } from './resources.ts';
import { waitFor } from './waiter.ts';

export async function deleteCmd(ctx: Ctx): Promise<void> {
  const args = ctx.p.args;
  if (args.length === 0) {
    ctx.errors.push({ message: 'You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\'' });
    return;
  }
  const [first, ...rest] = args as [string, ...string[]];
  const slash = first.indexOf('/');
  const type = slash >= 0 ? first.slice(0, slash) : first;
  const res = byName(type);
  if (!res) {
    ctx.errors.push({ message: `the server doesn't have a resource type ${JSON.stringify(type)}` });
    return;
  }
  const names = slash >= 0 ? [first.slice(slash + 1), ...rest.map((r) => r.slice(r.indexOf('/') + 1))] : rest;
  if (names.length === 0) {
    ctx.errors.push({ message: 'resource(s) were provided, but no name was specified' });
    return;
  }
  let timeoutMs = 0;
  const to = flag(ctx.p, 'timeout');
  if (to) {
    try {
      timeoutMs = parseGoDuration(to);
    } catch (e) {
      ctx.errors.push({ message: (e as Error).message });
      return;
    }
  }
  if (timeoutMs <= 0) timeoutMs = 168 * 3_600_000;
  const wait = ctx.p.bools.wait !== false;
  const ns = res.namespaced ? ctx.namespace : undefined;
  const deleted: { name: string; uid?: string }[] = [];
  for (const name of names) {
    const body: Record<string, unknown> = { propagationPolicy: 'Background' };
    const gp = flag(ctx.p, 'grace-period');
    if (ctx.p.bools.now) body.gracePeriodSeconds = 1;
    else if (gp !== undefined && Number(gp) >= 0) body.gracePeriodSeconds = Number(gp);
    const r = send(ctx, { verb: 'DELETE', path: pathFor(res, ns, name), body });
    if (r.code >= 200 && r.code < 300) {
      const where = res.namespaced ? ` from ${ctx.namespace} namespace` : '';
      const kindName = res.group ? `${res.singular}.${res.group}` : res.singular;
      ctx.stdout.push(`${kindName} ${JSON.stringify(name)} deleted${where}\n`);
      const uid = (r.body as { metadata?: { uid?: string } })?.metadata?.uid;
      deleted.push({ name, uid });
    } else if (r.code === 404 && ctx.p.bools['ignore-not-found']) {
      continue;
    } else ctx.errors.push({ status: statusOf(r.code, r.body) });
  }
  if (!wait) return;
  for (const d of deleted) {
    const ok = await waitFor(ctx, res, ctx.namespace, d.name, d.uid, { kind: 'delete' }, timeoutMs);
    if (!ok) ctx.errors.push({ message: `timed out waiting for the condition on ${res.resource}/${d.name}` });
  }
}
