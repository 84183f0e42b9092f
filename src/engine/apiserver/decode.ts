/**
 * Strict decoding against src/schema, as the API server's decoder does with
 * `fieldValidation=Strict` (what kubectl sends by default). A wrong JSON type fails like Go's
 * encoding/json (`json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.name of
 * type string`), unknown fields like apimachinery's strict decoder
 * (`strict decoding error: unknown field "spec.containers[0].imagez"`). Go type and struct names
 * come from the schemas' `x-go-type` (best effort). With Ignore/Warn, unknown fields are dropped.
 */
import { definitions } from '../../schema/definitions.ts';
import { QUANTITY_ERROR, tryParseQuantity } from '../api/quantity.ts';

type S = Record<string, unknown>;

interface Walk {
  typeError?: string;
  unknown: string[];
  prune: boolean;
}

function resolve(s: S): S {
  const r = s.$ref;
  return typeof r === 'string' ? (definitions[r.replace('#/definitions/', '')] ?? {}) : s;
}

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  return typeof v === 'object' ? 'object' : 'string';
}

function goType(s: S): string {
  s = resolve(s);
  if (typeof s['x-go-type'] === 'string') return s['x-go-type'];
  const t = Array.isArray(s.type) ? s.type[0] : s.type;
  if (t === 'integer') return (s.format as string) ?? 'int64';
  if (t === 'boolean') return 'bool';
  if (t === 'number') return 'float64';
  if (t === 'array') return `[]${goType((s.items as S) ?? {})}`;
  if (t === 'object') return 'map[string]interface {}';
  return 'string';
}

function typeOk(v: unknown, s: S): boolean {
  const types = Array.isArray(s.type) ? s.type : [s.type];
  return types.some((t) => {
    switch (t) {
      case 'string':
        return typeof v === 'string';
      case 'integer':
        return typeof v === 'number' && Number.isInteger(v);
      case 'number':
        return typeof v === 'number';
      case 'boolean':
        return typeof v === 'boolean';
      case 'array':
        return Array.isArray(v);
      case 'object':
        return typeof v === 'object' && !Array.isArray(v);
      case 'null':
        return v === null;
      default:
        return true;
    }
  });
}

function walk(v: unknown, schema: S, path: string, goPath: string, struct: string, w: Walk): void {
  if (w.typeError || v === null || v === undefined) return;
  const s = resolve(schema);
  if (s['x-go-type'] === 'resource.Quantity') {
    if ((typeof v !== 'string' && typeof v !== 'number') || !tryParseQuantity(v)) w.typeError = QUANTITY_ERROR;
    return;
  }
  if (s['x-go-type'] === 'intstr.IntOrString') {
    if (typeof v !== 'string' && typeof v !== 'number') w.typeError = `json: cannot unmarshal ${jsonKind(v)} into Go value of type int32`;
    return;
  }
  if (s.type !== undefined && !typeOk(v, s)) {
    let kind = jsonKind(v);
    if (kind === 'number' && s.type === 'integer') kind = `number ${v}`;
    w.typeError = `json: cannot unmarshal ${kind} into Go struct field ${struct}.${goPath} of type ${goType(s)}`;
    return;
  }
  if (Array.isArray(v)) {
    const items = (s.items as S) ?? {};
    v.forEach((x, i) => walk(x, items, `${path}[${i}]`, goPath, struct, w));
    return;
  }
  if (typeof v !== 'object') return;
  const obj = v as S;
  const props = s.properties as Record<string, S> | undefined;
  const addl = s.additionalProperties;
  const structName = typeof s['x-go-type'] === 'string' && props ? s['x-go-type'].replace(/^v1\./, '') : struct;
  for (const key of Object.keys(obj)) {
    if (key.startsWith('$')) continue; // strategic-merge directives ($patch, $setElementOrder/…)
    const sub = props?.[key];
    const p = path ? `${path}.${key}` : key;
    if (sub) walk(obj[key], sub, p, goPath ? `${goPath}.${key}` : key, structName, w);
    else if (addl === false) {
      w.unknown.push(p);
      if (w.prune) delete obj[key];
    } else if (addl && typeof addl === 'object') walk(obj[key], addl as S, p, goPath, struct, w);
  }
}

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface DecodeResult {
  /** The `cannot be handled as a Pod: …` detail when the body is rejected. */
  error?: string;
  /** Unknown fields found (dropped from the body unless Strict). */
  unknown: string[];
}

/** Check (and with Warn/Ignore, prune) `body` in place against the schema of `kind`. */
export function strictDecode(kind: string, body: S, mode: FieldValidation = 'Strict'): DecodeResult {
  const schema = definitions[kind];
  if (!schema) return { unknown: [] };
  const w: Walk = { unknown: [], prune: mode !== 'Strict' };
  walk(body, schema, '', '', kind, w);
  if (w.typeError) return { error: w.typeError, unknown: w.unknown };
  if (mode === 'Strict' && w.unknown.length > 0) {
    return { error: `strict decoding error: ${w.unknown.map((u) => `unknown field "${u}"`).join(', ')}`, unknown: w.unknown };
  }
  return { unknown: w.unknown };
}
