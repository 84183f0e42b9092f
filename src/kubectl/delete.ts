/**
 * `kubectl delete TYPE NAME… [--cascade=background|foreground|orphan]`. Mirrors
 * k8s.io/kubectl/pkg/cmd/delete/delete.go: DELETE with the cascade's propagationPolicy, print `pod "x" deleted from default namespace` (v1.34 wording),
 * then wait for the object to be gone (`--wait=true` by default; `--timeout=0` means a week).
 */
import type { Ctx } from './context.ts';
import { send } from './context.ts';
import { durationFlag } from './duration.ts';
import { addSource, statusOf } from './errors.ts';
import { readInfos } from './apply.ts';
import { resolveTargets } from './select.ts';
import { flag } from './flags.ts';
import { pathFor, type ResourceInfo } from './resources.ts';
import { interrupted, waitFor } from './waiter.ts';

type Propagation = 'Background' | 'Foreground' | 'Orphan';

/**
 * cmdutil.GetCascadingStrategy: `--cascade=background|foreground|orphan` (bare `--cascade` is
 * background); the deprecated booleans map true → background, false → orphan, with a warning.
 */
function cascade(ctx: Ctx): Propagation | undefined {
  const v = flag(ctx.p, 'cascade') ?? 'background';
  const asBool = /^(1|t|T|true|TRUE|True)$/.test(v) ? true : /^(0|f|F|false|FALSE|False)$/.test(v) ? false : undefined;
  if (asBool !== undefined) {
    const replacement = asBool ? 'background' : 'orphan';
    ctx.stderr.push(`warning: --cascade=${asBool} is deprecated (boolean value) and can be replaced with --cascade=${replacement}.\n`);
    return asBool ? 'Background' : 'Orphan';
  }
  if (v === 'background') return 'Background';
  if (v === 'foreground') return 'Foreground';
  if (v === 'orphan') return 'Orphan';
  ctx.errors.push({ message: `invalid cascade value (${v}). Must be "background", "foreground", or "orphan"` });
  return undefined;
}

/** DELETE one object; prints the deleted line; returns what to wait for. */
function deleteOne(ctx: Ctx, res: ResourceInfo, namespace: string, name: string, policy: Propagation, source?: string): { name: string; uid?: string } | undefined {
  const body: Record<string, unknown> = { propagationPolicy: policy };
  const gp = flag(ctx.p, 'grace-period');
  if (ctx.p.bools.now) body.gracePeriodSeconds = 1;
  else if (gp !== undefined && Number(gp) >= 0) body.gracePeriodSeconds = Number(gp);
  const r = send(ctx, { verb: 'DELETE', path: pathFor(res, res.namespaced ? namespace : undefined, name), body, query: { propagationPolicy: policy } });
  if (r.code >= 200 && r.code < 300) {
    const where = res.namespaced ? ` from ${namespace} namespace` : '';
    const kindName = res.group ? `${res.singular}.${res.group}` : res.singular;
    ctx.stdout.push(`${kindName} ${JSON.stringify(name)} deleted${where}\n`);
    return { name, uid: (r.body as { metadata?: { uid?: string } })?.metadata?.uid };
  }
  if (r.code === 404 && ctx.p.bools['ignore-not-found']) return undefined;
  const err = { status: statusOf(r.code, r.body) };
  ctx.errors.push(source ? addSource('deleting', source, err) : err);
  return undefined;
}

export async function deleteCmd(ctx: Ctx): Promise<void> {
  const args = ctx.p.args;
  const files = ctx.p.values.filename ?? [];
  const policy = cascade(ctx);
  if (!policy) return;
  const timeout = deleteTimeout(ctx);
  if (timeout === undefined) return;
  if (files.length > 0) {
    const infos = readInfos(ctx, files);
    if (!infos) return;
    const waits: { res: ResourceInfo; namespace: string; name: string; uid?: string }[] = [];
    for (const info of infos) {
      const d = deleteOne(ctx, info.res, info.namespace, info.name, policy, info.source);
      if (d) waits.push({ res: info.res, namespace: info.namespace, ...d });
    }
    if (ctx.p.bools.wait === false) return;
    for (const w of waits) {
      const ok = await waitFor(ctx, w.res, w.namespace, w.name, w.uid, { kind: 'delete' }, timeout);
      if (interrupted(ctx)) return;
      if (!ok) ctx.errors.push({ message: `timed out waiting for the condition on ${w.res.resource}/${w.name}` });
    }
    return;
  }
  if (args.length === 0) {
    ctx.errors.push({ message: 'You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\'' });
    return;
  }
  const target = resolveTargets(ctx, args);
  if (!target) return;
  const { res, names } = target;
  if (names.length === 0) {
    ctx.stderr.push(res.namespaced ? `No resources found in ${ctx.namespace} namespace.\n` : 'No resources found\n');
    return;
  }
  const deleted: { name: string; uid?: string }[] = [];
  for (const name of names) {
    const d = deleteOne(ctx, res, ctx.namespace, name, policy);
    if (d) deleted.push(d);
  }
  if (ctx.p.bools.wait === false) return;
  for (const d of deleted) {
    const ok = await waitFor(ctx, res, ctx.namespace, d.name, d.uid, { kind: 'delete' }, timeout);
    if (interrupted(ctx)) return;
    if (!ok) ctx.errors.push({ message: `timed out waiting for the condition on ${res.resource}/${d.name}` });
  }
}

/** `--timeout`: 0 (the default) means a week, as in delete.go. */
function deleteTimeout(ctx: Ctx): number | undefined {
  const ms = durationFlag(ctx, 'timeout', 0);
  return ms === undefined ? undefined : ms > 0 ? ms : 168 * 3_600_000;
}
