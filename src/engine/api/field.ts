/**
 * field.Error / field.ErrorList with upstream type strings and rendering.
 * Mirrors apimachinery pkg/util/validation/field/errors.go (v1.34: values rendered as JSON).
 */

export type ErrorType =
  | 'FieldValueRequired'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueDuplicate'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'FieldValueNotFound'
  | 'InternalError'
  | 'FieldValueTypeInvalid';

const TYPE_STRING: Record<ErrorType, string> = {
  FieldValueRequired: 'Required value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  FieldValueNotFound: 'Not found',
  InternalError: 'Internal error',
  FieldValueTypeInvalid: 'Invalid value',
};

/** Marker for "no value to print" (field.OmitValueType). */
export const OMIT = Symbol('omit');

export interface FieldError {
  type: ErrorType;
  field: string;
  value: unknown;
  detail: string;
}

/** Render a bad value as v1.34 does: strings %q, numbers/bools plain, the rest JSON. */
export function renderValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v);
}

/** `ErrorBody()`: everything after `<field>: `. */
export function errorBody(e: FieldError): string {
  let s = TYPE_STRING[e.type];
  const noValue =
    e.type === 'FieldValueRequired' ||
    e.type === 'FieldValueForbidden' ||
    e.type === 'FieldValueTooLong' ||
    e.type === 'InternalError' ||
    e.value === OMIT;
  if (!noValue) s += `: ${renderValue(e.value)}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

export function errorString(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

/** utilerrors.NewAggregate(...).Error(): one message bare, several as `[a, b]`, de-duplicated. */
export function aggregate(errs: FieldError[]): string {
  const seen = new Set<string>();
  const msgs: string[] = [];
  for (const e of errs) {
    const m = errorString(e);
    if (!seen.has(m)) {
      seen.add(m);
      msgs.push(m);
    }
  }
  return msgs.length === 1 ? msgs[0] : `[${msgs.join(', ')}]`;
}

export const required = (field: string, detail = ''): FieldError => ({ type: 'FieldValueRequired', field, value: OMIT, detail });
export const invalid = (field: string, value: unknown, detail: string): FieldError => ({ type: 'FieldValueInvalid', field, value, detail });
export const forbidden = (field: string, detail: string): FieldError => ({ type: 'FieldValueForbidden', field, value: OMIT, detail });
export const duplicate = (field: string, value: unknown): FieldError => ({ type: 'FieldValueDuplicate', field, value, detail: '' });
export const notFound = (field: string, value: unknown): FieldError => ({ type: 'FieldValueNotFound', field, value, detail: '' });
export const tooLong = (field: string, maxLen: number): FieldError => ({
  type: 'FieldValueTooLong',
  field,
  value: OMIT,
  detail: `may not be more than ${maxLen} bytes`,
});
/** field.NotSupported: detail `supported values: "A", "B"`. */
export const notSupported = (field: string, value: unknown, valid: string[]): FieldError => ({
  type: 'FieldValueNotSupported',
  field,
  value,
  detail: valid.length ? `supported values: ${valid.map((v) => JSON.stringify(v)).join(', ')}` : '',
});
