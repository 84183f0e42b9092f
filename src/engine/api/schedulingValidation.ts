/**
 * scheduling.k8s.io/v1 PriorityClass defaulting and validation. Mirrors
 * pkg/apis/scheduling/validation/validation.go and pkg/apis/scheduling/v1/defaults.go.
 * CONTRACT STUB: filled in by the preemption work.
 */
import type { FieldError } from './field.ts';

type Obj = Record<string, unknown>;

export function defaultPriorityClass(_obj: Obj): void {}

export function validatePriorityClass(_obj: Obj): FieldError[] {
  return [];
}

export function validatePriorityClassUpdate(_obj: Obj, _old: Obj): FieldError[] {
  return [];
}
