/**
 * `kubectl label TYPE NAME k=v [k-] [--overwrite] [--list] [--all | -l sel]`. Mirrors
 * k8s.io/kubectl/pkg/cmd/label/label.go (Complete, parseLabels, validateNoOverwrites, labelFunc,
 * RunLabel, updateDataChangeMsg): a JSON merge PATCH of metadata.labels, then
 * `node/NAME labeled` / `unlabeled` / `not labeled`.
 */
import type { Ctx } from './context.ts';
import { send } from './context.ts';
import { statusOf } from './errors.ts';
import { flag } from './flags.ts';
import { dryRunStrategy, dryRunSuffix } from './nodeSelect.ts';
import { pathFor, qualifiedKind } from './resources.ts';
import { fetchInfos } from './select.ts';
import { isValidLabelValue } from '../engine/api/names.ts';

class LabelError extends Error {}

/** parseLabels: `k=v` to set, `k-` to remove. */
export function parseLabels(specs: string[]): { set: Record<string, string>; remove: string[] } {
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (parts.length !== 2) throw new LabelError(`invalid label spec: ${spec}`);
      const errs = isValidLabelValue(parts[1]!);
      if (errs.length) throw new LabelError(`invalid label value: ${JSON.stringify(spec)}: ${errs.join(';')}`);
      set[parts[0]!] = parts[1]!;
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else throw new LabelError(`unknown label spec: ${spec}`);
  }
  if (remove.some((k) => k in set)) throw new LabelError('can not both modify and remove a label in the same command');
  return { set, remove };
}

const sortedJson = (l: Record<string, string>) => JSON.stringify(Object.fromEntries(Object.keys(l).sort().map((k) => [k, l[k]])));

/** `kubectl label`. */
export function labelCmd(ctx: Ctx): void {
  const list = !!ctx.p.bools.list;
  const resources: string[] = [];
  const specs: string[] = [];
  for (const s of ctx.p.args) {
    const isLabel = s.includes('=') || s.endsWith('-');
    if (isLabel) specs.push(s);
    else if (specs.length) return void ctx.errors.push({ message: `all resources must be specified before label changes: ${s}` });
    else resources.push(s);
  }
  if (resources.length < 1 && !(ctx.p.values.filename ?? []).length) {
    return void ctx.errors.push({ message: 'one or more resources must be specified as <resource> <name> or <resource>/<name>' });
  }
  if (list && specs.length > 0) return void ctx.errors.push({ message: 'can only list labels when no labels are specified' });
  if (!list && specs.length < 1) return void ctx.errors.push({ message: 'at least one label update is required' });
  let parsed: { set: Record<string, string>; remove: string[] };
  try {
    parsed = parseLabels(specs);
  } catch (e) {
    return void ctx.errors.push({ message: (e as Error).message });
  }
  const dryRun = dryRunStrategy(ctx);
  if (!dryRun) return;
  const infos = fetchInfos(ctx, resources);
  if (!infos) return;
  const overwrite = !!ctx.p.bools.overwrite;
  const rv = flag(ctx.p, 'resource-version');
  for (const info of infos) {
    const current: Record<string, string> = { ...((info.obj.metadata as { labels?: Record<string, string> } | undefined)?.labels ?? {}) };
    if (list) {
      ctx.stdout.push(`Listing labels for ${info.res.kind}.${info.res.group}/${info.name}:\n`);
      for (const k of Object.keys(current).sort()) ctx.stdout.push(` ${k}=${current[k]}\n`);
      continue;
    }
    if (!overwrite) {
      const clash = Object.keys(parsed.set)
        .sort()
        .filter((k) => k in current && current[k] !== parsed.set[k])
        .map((k) => `'${k}' already has a value (${current[k]}), and --overwrite is false`);
      if (clash.length) {
        ctx.errors.push({ message: clash.length === 1 ? clash[0]! : `[${clash.join(', ')}]` });
        continue;
      }
    }
    if (dryRun !== 'client') for (const k of parsed.remove) if (!(k in current)) ctx.stdout.push(`label ${JSON.stringify(k)} not found.\n`);
    const next = { ...current, ...parsed.set };
    for (const k of parsed.remove) delete next[k];
    const before = sortedJson(current);
    const after = sortedJson(next);
    let msg = 'not labeled';
    if (before !== after) msg = !overwrite && after.length < before.length ? 'unlabeled' : 'labeled';
    if (dryRun !== 'client') {
      const labels: Record<string, string | null> = {};
      for (const [k, v] of Object.entries(parsed.set)) if (current[k] !== v) labels[k] = v;
      for (const k of parsed.remove) if (k in current) labels[k] = null;
      const meta: Record<string, unknown> = {};
      if (Object.keys(labels).length) meta.labels = labels;
      if (rv) meta.resourceVersion = rv;
      const body = Object.keys(meta).length ? { metadata: meta } : {};
      const r = send(ctx, {
        verb: 'PATCH',
        path: pathFor(info.res, info.res.namespaced ? info.namespace : undefined, info.name),
        body,
        patchType: 'application/merge-patch+json',
        query: dryRun === 'server' ? { dryRun: 'All' } : undefined,
        causeId: info.spanId,
      });
      if (r.code >= 300) {
        ctx.errors.push({ status: statusOf(r.code, r.body) });
        continue;
      }
    }
    ctx.stdout.push(`${qualifiedKind(info.res)}/${info.name} ${msg}${dryRunSuffix(dryRun)}\n`);
  }
}
