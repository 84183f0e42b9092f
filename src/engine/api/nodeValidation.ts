/**
 * core/v1 Node validation (spec.taints; metadata is validated by the generic strategy). Mirrors
 * pkg/apis/core/validation/validation.go (ValidateNode, ValidateNodeUpdate, validateNodeTaints,
 * validateTaintEffect). Upstream builds the taints path from `metadata` (fldPath is reused), so
 * errors read `metadata.taints[0].effect`, and so do ours.
 */
import { duplicate, forbidden, invalid, notSupported, required, type FieldError } from './field.ts';
import { isQualifiedName, isValidLabelValue } from './names.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The effects a node taint may have, in upstream's order for the NotSupported message. */
export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** validateTaintEffect (allowEmpty false). */
function validateTaintEffect(effect: unknown, path: string): FieldError[] {
  if (effect === undefined || effect === null || effect === '') return [required(path)];
  return TAINT_EFFECTS.includes(String(effect)) ? [] : [notSupported(path, effect, TAINT_EFFECTS)];
}

/** A Taint as Go's JSON renders it (key, value, effect, timeAdded; empty fields omitted). */
function renderTaint(t: Obj): Obj {
  const out: Obj = { key: t.key ?? '' };
  if (t.value) out.value = t.value;
  out.effect = t.effect ?? '';
  if (t.timeAdded) out.timeAdded = t.timeAdded;
  return out;
}

/** validateNodeTaints: key (label name), value (label value), effect, unique per key+effect. */
export function validateNodeTaints(taints: unknown[], path = 'metadata.taints'): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  taints.forEach((raw, i) => {
    const t = isObj(raw) ? raw : {};
    const p = `${path}[${i}]`;
    const key = String(t.key ?? '');
    for (const m of isQualifiedName(key)) errs.push(invalid(`${p}.key`, key, m));
    const value = String(t.value ?? '');
    for (const m of isValidLabelValue(value)) errs.push(invalid(`${p}.value`, value, m));
    errs.push(...validateTaintEffect(t.effect, `${p}.effect`));
    const k = `${String(t.effect ?? '')}\u0000${key}`;
    if (seen.has(k)) {
      errs.push({ ...duplicate(p, renderTaint(t)), detail: 'taints must be unique by key and effect pair' });
      return;
    }
    seen.add(k);
  });
  return errs;
}

/** ValidateNode's spec part. */
export function validateNode(obj: Obj): FieldError[] {
  const spec = isObj(obj.spec) ? obj.spec : {};
  return Array.isArray(spec.taints) && spec.taints.length > 0 ? validateNodeTaints(spec.taints) : [];
}

/** ValidateNodeUpdate: the taints again, and podCIDRs may only be set once. */
export function validateNodeUpdate(obj: Obj, old: Obj, _subresource?: string): FieldError[] {
  const errs = validateNode(obj);
  const oldSpec = isObj(old.spec) ? old.spec : {};
  const spec = isObj(obj.spec) ? obj.spec : {};
  const oldCidrs = Array.isArray(oldSpec.podCIDRs) ? (oldSpec.podCIDRs as string[]) : [];
  const cidrs = Array.isArray(spec.podCIDRs) ? (spec.podCIDRs as string[]) : [];
  if (oldCidrs.length > 0 && JSON.stringify(oldCidrs) !== JSON.stringify(cidrs)) {
    errs.push(forbidden('spec.podCIDRs', 'node updates may not change podCIDR except from "" to valid'));
  }
  return errs;
}
