/**
 * policy/v1 PodDisruptionBudget defaulting and validation. Mirrors
 * pkg/apis/policy/validation/validation.go (ValidatePodDisruptionBudget…).
 * CONTRACT STUB: filled in by the PDB work.
 */
import type { FieldError } from './field.ts';

type Obj = Record<string, unknown>;

export function defaultPodDisruptionBudget(_obj: Obj): void {}

export function validatePodDisruptionBudget(_obj: Obj): FieldError[] {
  return [];
}

export function validatePodDisruptionBudgetUpdate(_obj: Obj, _old: Obj, _subresource?: string): FieldError[] {
  return [];
}
