/**
 * `kubectl annotate TYPE/NAME key=value [key-] [--overwrite]`, for `kubernetes.io/change-cause`
 * in `rollout history`. Mirrors k8s.io/kubectl/pkg/cmd/annotate/annotate.go: GetResourcesAndPairs,
 * ParsePairs, validateNoAnnotationOverwrites, a JSON merge PATCH of metadata.annotations,
 * `deployment.apps/web annotated`.
 */
import type { Ctx } from './context.ts';
import { send } from './context.ts';
import { statusOf } from './errors.ts';
import { pathFor, qualifiedKind } from './resources.ts';
import { fetchInfos } from './select.ts';

/** `kubectl annotate`. */
export function annotateCmd(ctx: Ctx): void {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of ctx.p.args) {
    const isPair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (isPair) pairs.push(s);
    else if (pairs.length > 0) {
      ctx.errors.push({ message: `all resources must be specified before annotation changes: ${s}` });
      return;
    } else resources.push(s);
  }
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq > 0) set[p.slice(0, eq)] = p.slice(eq + 1);
    else if (p.endsWith('-') && eq < 0) remove.push(p.slice(0, -1));
    else {
      ctx.errors.push({ message: `invalid annotation format: ${p}` });
      return;
    }
  }
  const both = remove.filter((k) => k in set);
  if (both.length) {
    ctx.errors.push({ message: `can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}` });
    return;
  }
  if (resources.length < 1 && !(ctx.p.values.filename ?? []).length) {
    ctx.errors.push({ message: 'one or more resources must be specified as <resource> <name> or <resource>/<name>' });
    return;
  }
  if (pairs.length < 1) {
    ctx.errors.push({ message: 'at least one annotation update is required' });
    return;
  }
  const infos = fetchInfos(ctx, resources);
  if (!infos) return;
  for (const info of infos) {
    const current = (info.obj.metadata as { annotations?: Record<string, string> } | undefined)?.annotations ?? {};
    if (!ctx.p.bools.overwrite) {
      const clash = Object.keys(set)
        .sort()
        .filter((k) => k in current && current[k] !== set[k])
        .map((k) => `'${k}' already has a value (${current[k]})`);
      if (clash.length) {
        ctx.errors.push({ message: `--overwrite is false but found the following declared annotation(s): ${clash.join('; ')}` });
        continue;
      }
    }
    const annotations: Record<string, string | null> = {};
    for (const [k, v] of Object.entries(set)) if (current[k] !== v) annotations[k] = v;
    for (const k of remove) if (k in current) annotations[k] = null;
    const body = Object.keys(annotations).length ? { metadata: { annotations } } : {};
    const r = send(ctx, { verb: 'PATCH', path: pathFor(info.res, info.namespace, info.name), body, patchType: 'application/merge-patch+json', causeId: info.spanId });
    if (r.code >= 300) {
      ctx.errors.push({ status: statusOf(r.code, r.body) });
      continue;
    }
    ctx.stdout.push(`${qualifiedKind(info.res)}/${info.name} annotated\n`);
  }
}
