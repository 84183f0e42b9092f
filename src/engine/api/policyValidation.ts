/**
 * policy/v1 PodDisruptionBudget defaulting and validation. Mirrors
 * pkg/apis/policy/validation/validation.go (ValidatePodDisruptionBudget,
 * ValidatePodDisruptionBudgetSpec, ValidatePodDisruptionBudgetStatusUpdate) and, for the status
 * a new PDB starts with, pkg/registry/policy/poddisruptionbudget/strategy.go (PrepareForCreate).
 */
import { invalid, notSupported, type FieldError } from './field.ts';
import { nonNegative, notMoreThan100Percent, renderSelector, validateLabelSelector, validatePositiveIntOrPercent } from './appsValidation.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const isSet = (v: unknown) => v !== undefined && v !== null;

/** policy/v1 UnhealthyPodEvictionPolicyType values. */
const UNHEALTHY_POLICIES = ['AlwaysAllow', 'IfHealthyBudget'];

/**
 * PrepareForCreate resets the status; the v1 status ints are not omitempty, so a new PDB reads
 * back with zeros until the disruption controller computes them. Spec has no v1 defaults.
 */
export function defaultPodDisruptionBudget(obj: Obj): void {
  if (!isObj(obj.status)) obj.status = { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 };
}

/** The spec as Go's %v→JSON renders the struct: field order minAvailable, selector, maxUnavailable. */
function renderSpec(spec: Obj): Obj {
  const out: Obj = {};
  if (isSet(spec.minAvailable)) out.minAvailable = spec.minAvailable;
  if (isSet(spec.selector)) out.selector = renderSelector(spec.selector);
  if (isSet(spec.maxUnavailable)) out.maxUnavailable = spec.maxUnavailable;
  if (isSet(spec.unhealthyPodEvictionPolicy)) out.unhealthyPodEvictionPolicy = spec.unhealthyPodEvictionPolicy;
  return out;
}

/** ValidatePodDisruptionBudgetSpec. */
export function validatePodDisruptionBudgetSpec(spec: Obj, path = 'spec'): FieldError[] {
  const errs: FieldError[] = [];
  if (isSet(spec.minAvailable) && isSet(spec.maxUnavailable)) {
    errs.push(invalid(path, renderSpec(spec), 'minAvailable and maxUnavailable cannot be both set'));
  }
  for (const f of ['minAvailable', 'maxUnavailable'] as const) {
    if (!isSet(spec[f])) continue;
    errs.push(...validatePositiveIntOrPercent(spec[f], `${path}.${f}`));
    errs.push(...notMoreThan100Percent(spec[f], `${path}.${f}`));
  }
  if (isObj(spec.selector)) errs.push(...validateLabelSelector(spec.selector, `${path}.selector`));
  const policy = spec.unhealthyPodEvictionPolicy;
  if (isSet(policy) && !UNHEALTHY_POLICIES.includes(String(policy))) {
    errs.push(notSupported(`${path}.unhealthyPodEvictionPolicy`, policy, UNHEALTHY_POLICIES));
  }
  return errs;
}

/** ValidatePodDisruptionBudget (object metadata is validated by the generic strategy). */
export function validatePodDisruptionBudget(obj: Obj): FieldError[] {
  return validatePodDisruptionBudgetSpec(isObj(obj.spec) ? obj.spec : {});
}

/** ValidatePodDisruptionBudgetStatusUpdate (policy/v1: the counters are non-negative). */
function validateStatus(status: Obj): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['disruptionsAllowed', 'currentHealthy', 'desiredHealthy', 'expectedPods']) errs.push(...nonNegative(status[f], `status.${f}`));
  return errs;
}

/** Spec updates are allowed in policy/v1 (mutable since v1.15); status writes check the counters. */
export function validatePodDisruptionBudgetUpdate(obj: Obj, _old: Obj, subresource?: string): FieldError[] {
  if (subresource === 'status') return validateStatus(isObj(obj.status) ? obj.status : {});
  return validatePodDisruptionBudget(obj);
}
