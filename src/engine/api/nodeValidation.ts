/**
 * core/v1 Node validation (spec.taints, spec.unschedulable, labels as metadata). Mirrors
 * pkg/apis/core/validation/validation.go (ValidateNode, ValidateNodeUpdate, validateNodeTaints).
 * CONTRACT STUB: filled in by the node work.
 */
import type { FieldError } from './field.ts';

type Obj = Record<string, unknown>;

export function validateNode(_obj: Obj): FieldError[] {
  return [];
}

export function validateNodeUpdate(_obj: Obj, _old: Obj, _subresource?: string): FieldError[] {
  return [];
}
