/**
 * scheduling.k8s.io/v1 PriorityClass defaulting and validation. Mirrors
 * pkg/apis/scheduling/v1/defaults.go (SetDefaults_PriorityClass), pkg/apis/scheduling/types.go
 * (SystemPriorityClassPrefix, HighestUserDefinablePriority), pkg/apis/scheduling/v1/helpers.go
 * (SystemPriorityClasses, IsKnownSystemPriorityClass) and pkg/apis/scheduling/validation/
 * validation.go (ValidatePriorityClass, ValidatePriorityClassUpdate).
 * "Only one globalDefault" needs the store: it is the Priority admission plugin's job (admission.ts).
 */
import { deepEqual } from './equal.ts';
import { forbidden, invalid, notSupported, required, type FieldError } from './field.ts';

type Obj = Record<string, unknown>;

export const SYSTEM_PRIORITY_CLASS_PREFIX = 'system-';
/** HighestUserDefinablePriority: user classes may not go above one billion. */
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1000000000;
/** SystemCriticalPriority = 2 * HighestUserDefinablePriority. */
export const SYSTEM_CRITICAL_PRIORITY = 2 * HIGHEST_USER_DEFINABLE_PRIORITY;
/** DefaultPriorityWhenNoDefaultClassExists. */
export const DEFAULT_PRIORITY_WHEN_NO_DEFAULT_CLASS_EXISTS = 0;

/** The two classes the apiserver creates at start (pkg/apis/scheduling/v1/helpers.go). */
export const SYSTEM_PRIORITY_CLASSES: readonly { name: string; value: number; description: string }[] = [
  { name: 'system-node-critical', value: SYSTEM_CRITICAL_PRIORITY + 1000, description: 'Used for system critical pods that must not be moved from their current node.' },
  { name: 'system-cluster-critical', value: SYSTEM_CRITICAL_PRIORITY, description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.' },
];

/** SetDefaults_PriorityClass: preemptionPolicy PreemptLowerPriority. */
export function defaultPriorityClass(obj: Obj): void {
  obj.preemptionPolicy ??= 'PreemptLowerPriority';
}

/** IsKnownSystemPriorityClass: '' when the name, value and globalDefault match a system class. */
export function knownSystemPriorityClassError(name: string, value: number, globalDefault: boolean): string {
  for (const spc of SYSTEM_PRIORITY_CLASSES) {
    if (spc.name !== name) continue;
    if (spc.value !== value) return `value of ${spc.name} PriorityClass must be ${spc.value}`;
    if (globalDefault !== false) return `globalDefault of ${spc.name} PriorityClass must be false`;
    return '';
  }
  return `${name} is not a known system priority class`;
}

/** core validation.ValidatePreemptionPolicy (the Go constant PreemptNever is the string "Never"). */
export function validatePreemptionPolicy(p: unknown, field: string): FieldError[] {
  if (p === 'PreemptLowerPriority' || p === 'Never') return [];
  if (p === '') return [required(field)];
  return [notSupported(field, p, ['PreemptLowerPriority', 'Never'])];
}

/** ValidatePriorityClass (ObjectMeta is validated by the strategy). */
export function validatePriorityClass(obj: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const name = ((obj.metadata as Obj | undefined)?.name as string | undefined) ?? '';
  const value = typeof obj.value === 'number' ? obj.value : 0;
  if (name.startsWith(SYSTEM_PRIORITY_CLASS_PREFIX)) {
    const err = knownSystemPriorityClassError(name, value, obj.globalDefault === true);
    if (err) {
      errs.push(forbidden('metadata.name', `priority class names with '${SYSTEM_PRIORITY_CLASS_PREFIX}' prefix are reserved for system use only. error: ${err}`));
    }
  } else if (value > HIGHEST_USER_DEFINABLE_PRIORITY) {
    errs.push(forbidden('value', `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`));
  }
  if (obj.preemptionPolicy !== undefined && obj.preemptionPolicy !== null) errs.push(...validatePreemptionPolicy(obj.preemptionPolicy, 'preemptionPolicy'));
  return errs;
}

/** ValidatePriorityClassUpdate: value and preemptionPolicy are immutable. */
export function validatePriorityClassUpdate(obj: Obj, old: Obj): FieldError[] {
  const errs: FieldError[] = [];
  if ((obj.value ?? 0) !== (old.value ?? 0)) errs.push(forbidden('value', 'may not be changed in an update.'));
  if (!deepEqual(obj.preemptionPolicy, old.preemptionPolicy)) {
    errs.push(invalid('preemptionPolicy', obj.preemptionPolicy, 'field is immutable'));
  }
  return errs;
}
