/**
 * Label and field selectors as the API server parses them from `labelSelector` /
 * `fieldSelector` query parameters. Mirrors apimachinery pkg/labels/selector.go (Parse) and
 * pkg/fields/selector.go (ParseSelector), simplified: no `gt`/`lt` operators.
 */

export type LabelOp = '=' | '!=' | 'in' | 'notin' | 'exists' | '!';

export interface LabelRequirement {
  key: string;
  op: LabelOp;
  values: string[];
}

export type LabelSelector = LabelRequirement[];

export class SelectorError extends Error {}

/** Split on commas that are not inside parentheses. */
function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter((x) => x.length > 0);
}

/** Parse `app=web,tier in (a,b),!legacy,env`. Throws SelectorError on bad syntax. */
export function parseLabelSelector(s: string | undefined): LabelSelector {
  if (!s || !s.trim()) return [];
  const reqs: LabelSelector = [];
  for (const part of splitTop(s)) {
    let m: RegExpExecArray | null;
    if ((m = /^(\S+?)\s+(in|notin)\s*\((.*)\)$/.exec(part))) {
      const values = m[3].split(',').map((v) => v.trim()).filter((v) => v.length > 0);
      reqs.push({ key: m[1], op: m[2] as LabelOp, values });
    } else if ((m = /^!\s*(\S+)$/.exec(part))) {
      reqs.push({ key: m[1], op: '!', values: [] });
    } else if ((m = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(part))) {
      reqs.push({ key: m[1], op: m[2] === '!=' ? '!=' : '=', values: [m[3]] });
    } else if ((m = /^([^=!\s(),]+)$/.exec(part))) {
      reqs.push({ key: m[1], op: 'exists', values: [] });
    } else {
      throw new SelectorError(`unable to parse requirement: found '${part}', expected: identifier`);
    }
  }
  return reqs;
}

export function matchesLabels(sel: LabelSelector, labels: Record<string, string> | undefined): boolean {
  for (const r of sel) {
    const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
    const v = has ? labels![r.key] : undefined;
    switch (r.op) {
      case '=':
        if (v !== r.values[0]) return false;
        break;
      case '!=':
        if (v === r.values[0]) return false;
        break;
      case 'in':
        if (!has || !r.values.includes(v!)) return false;
        break;
      case 'notin':
        if (has && r.values.includes(v!)) return false;
        break;
      case 'exists':
        if (!has) return false;
        break;
      case '!':
        if (has) return false;
        break;
    }
  }
  return true;
}

/** A metav1.LabelSelector object (matchLabels / matchExpressions) as a requirement list. */
export function labelSelectorFromObject(sel: {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}): LabelSelector {
  const reqs: LabelSelector = Object.entries(sel.matchLabels ?? {}).map(([key, v]) => ({ key, op: '=' as const, values: [v] }));
  for (const e of sel.matchExpressions ?? []) {
    const op = ({ In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' } as const)[e.operator as 'In'];
    if (op) reqs.push({ key: e.key, op, values: e.values ?? [] });
  }
  return reqs;
}

export interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}

export type FieldSelector = FieldRequirement[];

/** Parse `spec.nodeName=worker-1,status.phase!=Failed`. */
export function parseFieldSelector(s: string | undefined): FieldSelector {
  if (!s || !s.trim()) return [];
  return s.split(',').map((part) => {
    const m = /^([^=!]+?)\s*(==|=|!=)\s*(.*)$/.exec(part.trim());
    if (!m) throw new SelectorError(`invalid selector: '${s}'; can't understand '${part}'`);
    return { field: m[1], op: m[2] === '!=' ? '!=' : '=', value: m[3] };
  });
}

/**
 * Go zero values of the non-string selectable fields (ToSelectableFields formats them with
 * strconv): an unset `status.replicas` selects as "0", an unset `spec.hostNetwork` as "false".
 */
const ZERO: Record<string, string> = { 'status.replicas': '0', 'spec.hostNetwork': 'false' };

/** Read a dotted field path (`involvedObject.name`) from an object; missing → '' (or the Go zero value). */
export function fieldValue(obj: Record<string, unknown>, path: string): string {
  let cur: unknown = obj;
  for (const p of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return ZERO[path] ?? '';
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur === undefined || cur === null ? (ZERO[path] ?? '') : String(cur);
}

export function matchesFields(sel: FieldSelector, obj: Record<string, unknown>): boolean {
  for (const r of sel) {
    const v = fieldValue(obj, r.field);
    if (r.op === '=' ? v !== r.value : v === r.value) return false;
  }
  return true;
}
