/**
 * `kubectl taint nodes NAME key=value:Effect [key:Effect-] [--overwrite] [--all | -l sel]`.
 * Mirrors k8s.io/kubectl/pkg/cmd/taint/taint.go (Complete, Validate, RunTaint, updateTaints,
 * validateNoTaintOverwrites) and utils.go (parseTaints, parseTaint, validateTaintEffect,
 * reorganizeTaints, addTaints, deleteTaints): the new list replaces spec.taints with a
 * strategic merge PATCH, and the name printer says tainted / untainted / modified.
 */
import type { Node, Taint } from 'kubernetes-types/core/v1';
import type { Ctx } from './context.ts';
import { send } from './context.ts';
import { statusOf } from './errors.ts';
import { flag } from './flags.ts';
import { dryRunStrategy, dryRunSuffix } from './nodeSelect.ts';
import { isQualifiedName, isValidLabelValue } from '../engine/api/names.ts';

class TaintError extends Error {}

/** Taint.ToString(): `key=value:effect`, `key:effect`, `key=value`, `key`. */
export function taintString(t: Taint): string {
  let s = t.key;
  if (t.value) s += `=${t.value}`;
  if (t.effect) s += `:${t.effect}`;
  return s;
}

function validateTaintEffect(effect: string): void {
  if (effect !== 'NoSchedule' && effect !== 'PreferNoSchedule' && effect !== 'NoExecute') {
    throw new TaintError(`invalid taint effect: ${effect}, unsupported taint effect`);
  }
}

/** parseTaint: `<key>=<value>:<effect>`, `<key>:<effect>` or `<key>`. */
export function parseTaint(st: string): Taint {
  const parts = st.split(':');
  let key: string;
  let value = '';
  let effect = '';
  if (parts.length === 1) key = parts[0]!;
  else if (parts.length === 2) {
    effect = parts[1]!;
    validateTaintEffect(effect);
    const kv = parts[0]!.split('=');
    if (kv.length > 2) throw new TaintError(`invalid taint spec: ${st}`);
    key = kv[0]!;
    if (kv.length === 2) {
      value = kv[1]!;
      const errs = isValidLabelValue(value);
      if (errs.length) throw new TaintError(`invalid taint spec: ${st}, ${errs.join('; ')}`);
    }
  } else throw new TaintError(`invalid taint spec: ${st}`);
  const errs = isQualifiedName(key);
  if (errs.length) throw new TaintError(`invalid taint spec: ${st}, ${errs.join('; ')}`);
  const t: Taint = { key, effect };
  if (value) t.value = value;
  return t;
}

/** parseTaints: the taints to add (each with an effect, unique by key+effect) and to remove. */
export function parseTaints(specs: string[]): { add: Taint[]; remove: Taint[] } {
  const add: Taint[] = [];
  const remove: Taint[] = [];
  const unique = new Set<string>();
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const t = parseTaint(spec.slice(0, -1));
      remove.push({ key: t.key, effect: t.effect });
      continue;
    }
    const t = parseTaint(spec);
    if (!t.effect) throw new TaintError(`invalid taint spec: ${spec}`);
    const k = `${t.effect}\u0000${t.key}`;
    if (unique.has(k)) throw new TaintError(`duplicated taints with the same key and effect: {${t.key} ${t.value ?? ''} ${t.effect} <nil>}`);
    unique.add(k);
    add.push(t);
  }
  return { add, remove };
}

const matchTaint = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect;

/** reorganizeTaints: the operation word, the new list, and `taint "k" not found` errors. */
export function reorganizeTaints(old: Taint[], overwrite: boolean, add: Taint[], remove: Taint[]): { op: string; taints: Taint[]; errors: string[] } {
  let taints = [...add];
  for (const o of old) if (!taints.some((t) => matchTaint(t, o))) taints.push(o);
  const added = old.length !== taints.length;
  const errors: string[] = [];
  let deleted = false;
  for (const r of remove) {
    const before = taints.length;
    taints = taints.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)));
    deleted = taints.length !== before;
    if (!deleted) errors.push(`taint ${JSON.stringify(taintString(r))} not found`);
  }
  const op = (added && deleted) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { op, taints, errors };
}

/** `kubectl taint`. */
export function taintCmd(ctx: Ctx): void {
  const resources: string[] = [];
  const taintArgs: string[] = [];
  for (const s of ctx.p.args) {
    const isTaint = s.includes('=') || s.includes(':') || s.endsWith('-');
    if (isTaint) taintArgs.push(s);
    else if (taintArgs.length) {
      ctx.errors.push({ message: `all resources must be specified before taint changes: ${s}` });
      return;
    } else resources.push(s);
  }
  let parsed: { add: Taint[]; remove: Taint[] };
  try {
    parsed = parseTaints(taintArgs);
  } catch (e) {
    ctx.errors.push({ message: (e as Error).message });
    return;
  }
  if (resources.length < 1) return void ctx.errors.push({ message: 'one or more resources must be specified as <resource> <name>' });
  if (taintArgs.length < 1) return void ctx.errors.push({ message: 'at least one taint update is required' });
  const first = resources[0]!;
  const slash = first.indexOf('/');
  const type = (slash >= 0 ? first.slice(0, slash) : first).toLowerCase();
  if (type !== 'node' && type !== 'nodes' && type !== 'no') {
    return void ctx.errors.push({ message: `invalid resource type ${slash >= 0 ? first.slice(0, slash) : first}, only ["node" "nodes"] are supported` });
  }
  const conflicts: string[] = [];
  for (const a of parsed.add) for (const r of parsed.remove) if (a.key === r.key && (!r.effect || a.effect === r.effect)) conflicts.push(`${r.key}=${r.effect}`);
  if (conflicts.length) return void ctx.errors.push({ message: `can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}` });
  const sel = flag(ctx.p, 'selector');
  const all = !!ctx.p.bools.all;
  if (all && sel) return void ctx.errors.push({ message: "setting 'all' parameter with a non empty selector is prohibited" });
  const names = slash >= 0 ? resources.map((r) => r.slice(r.indexOf('/') + 1)) : resources.slice(1);
  if (!all && !sel && names.length < 1) return void ctx.errors.push({ message: "at least one resource name must be specified since 'all' parameter is not set" });
  const dryRun = dryRunStrategy(ctx);
  if (!dryRun) return;
  let nodes: Node[] = [];
  if (names.length === 0) {
    const r = send(ctx, { verb: 'GET', path: '/api/v1/nodes', query: sel ? { labelSelector: sel } : undefined });
    if (r.code !== 200) return void ctx.errors.push({ status: statusOf(r.code, r.body) });
    nodes = (r.body as { items?: Node[] }).items ?? [];
  } else {
    for (const n of names) {
      const r = send(ctx, { verb: 'GET', path: `/api/v1/nodes/${encodeURIComponent(n)}` });
      if (r.code !== 200) ctx.errors.push({ status: statusOf(r.code, r.body) });
      else nodes.push(r.body as Node);
    }
  }
  const overwrite = !!ctx.p.bools.overwrite;
  for (const node of nodes) {
    const name = node.metadata?.name ?? '';
    const old = node.spec?.taints ?? [];
    if (!overwrite) {
      const clash = parsed.add.filter((t) => old.some((o) => matchTaint(o, t))).map((t) => `node ${name} already has ${t.key} taint(s) with same effect(s) and --overwrite is false`);
      if (clash.length) {
        ctx.errors.push({ message: clash.length === 1 ? clash[0]! : `[${clash.join(', ')}]` });
        continue;
      }
    }
    const { op, taints, errors } = reorganizeTaints(old, overwrite, parsed.add, parsed.remove);
    if (errors.length) {
      ctx.errors.push({ message: errors.length === 1 ? errors[0]! : `[${errors.join(', ')}]` });
      continue;
    }
    if (dryRun !== 'client') {
      const r = send(ctx, {
        verb: 'PATCH',
        path: `/api/v1/nodes/${encodeURIComponent(name)}`,
        body: { spec: { taints: taints.length ? taints : null } },
        // Upstream sends a strategic merge patch; NodeSpec.taints has no merge strategy, so the
        // list is replaced, which a JSON merge patch states directly.
        patchType: 'application/merge-patch+json',
        query: dryRun === 'server' ? { dryRun: 'All' } : undefined,
      });
      if (r.code >= 300) {
        ctx.errors.push({ status: statusOf(r.code, r.body) });
        continue;
      }
    }
    ctx.stdout.push(`node/${name} ${op}${dryRunSuffix(dryRun)}\n`);
  }
}
