/**
 * `kubectl scale deployment/web --replicas=3`. Mirrors k8s.io/kubectl/pkg/cmd/scale/scale.go and
 * pkg/scale/scale.go (genericScaler.ScaleSimple): without a precondition a merge PATCH of
 * `{"spec":{"replicas":N}}` to the `scale` subresource; with `--current-replicas` or
 * `--resource-version`, GET the Scale, check it (`Expected replicas to be 2, was 3`), then PUT it.
 */
import type { Ctx } from './context.ts';
import { send } from './context.ts';
import { statusOf } from './errors.ts';
import { flag, intFlag } from './flags.ts';
import { pathFor, qualifiedKind } from './resources.ts';
import { fetchInfos, type FetchedInfo } from './select.ts';

type Scale = { metadata?: { resourceVersion?: string }; spec?: { replicas?: number } };

function scaleOne(ctx: Ctx, info: FetchedInfo, replicas: number, current: number, rv: string | undefined): boolean {
  const path = `${pathFor(info.res, info.namespace, info.name)}/scale`;
  if (current !== -1 || rv) {
    const g = send(ctx, { verb: 'GET', path, causeId: info.spanId });
    if (g.code !== 200) {
      ctx.errors.push({ status: statusOf(g.code, g.body) });
      return false;
    }
    const s = g.body as Scale;
    if (current !== -1 && (s.spec?.replicas ?? 0) !== current) {
      ctx.errors.push({ message: `Expected replicas to be ${current}, was ${s.spec?.replicas ?? 0}` });
      return false;
    }
    if (rv && s.metadata?.resourceVersion !== rv) {
      ctx.errors.push({ message: `Expected resource version to be ${rv}, was ${s.metadata?.resourceVersion ?? ''}` });
      return false;
    }
    const u = send(ctx, { verb: 'PUT', path, body: { ...s, spec: { ...(s.spec ?? {}), replicas } }, causeId: g.spanId });
    if (u.code >= 300) {
      ctx.errors.push({ status: statusOf(u.code, u.body) });
      return false;
    }
    return true;
  }
  const r = send(ctx, { verb: 'PATCH', path, body: { spec: { replicas } }, patchType: 'application/merge-patch+json', causeId: info.spanId });
  if (r.code >= 300) {
    ctx.errors.push({ status: statusOf(r.code, r.body) });
    return false;
  }
  return true;
}

/** `kubectl scale`. */
export function scaleCmd(ctx: Ctx): void {
  if (flag(ctx.p, 'replicas') === undefined) {
    ctx.errors.push({ message: 'required flag(s) "replicas" not set' });
    return;
  }
  const replicas = intFlag(ctx.p, 'replicas', -1);
  const current = intFlag(ctx.p, 'current-replicas', -1);
  if (replicas < 0) {
    ctx.errors.push({ message: 'The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0' });
    return;
  }
  if (current < -1) {
    ctx.errors.push({ message: 'The --current-replicas must specify an integer of -1 or greater' });
    return;
  }
  if (ctx.p.args.length === 0 && !(ctx.p.values.filename ?? []).length) {
    ctx.errors.push({ message: 'You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\'' });
    return;
  }
  const infos = fetchInfos(ctx, ctx.p.args);
  if (!infos) return;
  const rv = flag(ctx.p, 'resource-version');
  if (rv && infos.length > 1) {
    ctx.errors.push({ message: 'cannot use --resource-version with multiple resources' });
    return;
  }
  if (infos.length === 0) {
    if (ctx.errors.length === 0) ctx.errors.push({ message: 'no objects passed to scale' });
    return;
  }
  for (const info of infos) {
    if (!scaleOne(ctx, info, replicas, current, rv)) return;
    ctx.stdout.push(flag(ctx.p, 'output') === 'name' ? `${qualifiedKind(info.res)}/${info.name}\n` : `${qualifiedKind(info.res)}/${info.name} scaled\n`);
  }
}
