/**
 * The Add node form: its values (kept as typed, strings only, so nothing is lost while invalid),
 * its validation with the messages the API server gives for the same Node
 * (k8s.io/apimachinery/pkg/util/validation, resource.ParseQuantity, core/v1 Taint effects), and the
 * `sim node add …` line it stands for.
 */
import { parseQuantity } from '../cluster/resources.ts';

export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;
export type TaintEffect = (typeof TAINT_EFFECTS)[number];

export interface LabelRow { key: string; value: string }
export interface TaintRow { key: string; value: string; effect: TaintEffect }

export interface AddNodeForm {
  name: string;
  cpu: string;
  memory: string;
  pods: string;
  labels: LabelRow[];
  taints: TaintRow[];
}

/** sim node add's defaults (the default cluster's node size). */
export const DEFAULTS = { cpu: '2', memory: '4Gi', pods: '110' } as const;

export const emptyForm = (): AddNodeForm => ({ name: '', ...DEFAULTS, labels: [], taints: [] });

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
export const NAME_PART_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
export const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
export const QUANTITY_MSG = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** field.Invalid's text: `Invalid value: "x": why`. */
const invalid = (value: string, why: string) => `Invalid value: ${JSON.stringify(value)}: ${why}`;

/** IsDNS1123Subdomain's first error, if any. */
function subdomainError(v: string): string | undefined {
  if (v.length > 253) return 'must be no more than 253 characters';
  return DNS1123_SUBDOMAIN.test(v) ? undefined : SUBDOMAIN_MSG;
}

/** IsQualifiedName (label and taint keys): `[prefix/]name`. */
export function qualifiedNameError(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return invalid(key, `a qualified name ${NAME_PART_MSG.replace(/^name part /, '')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`);
  const name = parts[parts.length - 1]!;
  if (parts.length === 2) {
    const prefix = parts[0]!;
    if (prefix.length === 0) return invalid(key, 'prefix part must be non-empty');
    const e = subdomainError(prefix);
    if (e) return invalid(key, `prefix part ${e}`);
  }
  if (name.length === 0) return invalid(key, 'name part must be non-empty');
  if (name.length > 63) return invalid(key, 'name part must be no more than 63 characters');
  return QUALIFIED_NAME.test(name) ? undefined : invalid(key, NAME_PART_MSG);
}

/** IsValidLabelValue (label and taint values). */
export function labelValueError(v: string): string | undefined {
  if (v.length > 63) return invalid(v, 'must be no more than 63 characters');
  return LABEL_VALUE.test(v) ? undefined : invalid(v, LABEL_VALUE_MSG);
}

/** Field → message; empty when the form is valid. Fields: name, cpu, memory, pods, labels.N.key … */
export type FormErrors = Record<string, string>;

export function validateAddNode(f: AddNodeForm, existing: ReadonlySet<string> = new Set()): FormErrors {
  const e: FormErrors = {};
  const name = f.name.trim();
  if (name === '') e.name = 'Required value: name or generateName is required';
  else if (existing.has(name)) e.name = `node "${name}" already exists`;
  else {
    const why = subdomainError(name);
    if (why) e.name = invalid(name, why);
  }
  for (const field of ['cpu', 'memory'] as const) {
    const v = f[field].trim();
    if (v === '') continue; // the default applies
    const q = parseQuantity(v);
    if (q === undefined) e[field] = invalid(v, QUANTITY_MSG);
    else if (q <= 0) e[field] = invalid(v, 'must be greater than zero');
  }
  const pods = f.pods.trim();
  if (pods !== '' && !/^\d+$/.test(pods)) e.pods = `invalid --pods ${JSON.stringify(pods)}: expected a whole number`;
  const seen = new Set<string>();
  f.labels.forEach((l, i) => {
    const key = l.key.trim();
    const ke = key === '' ? 'Required value' : qualifiedNameError(key);
    if (ke) e[`labels.${i}.key`] = ke;
    else if (seen.has(key)) e[`labels.${i}.key`] = `Duplicate value: ${JSON.stringify(key)}`;
    seen.add(key);
    const ve = labelValueError(l.value.trim());
    if (ve) e[`labels.${i}.value`] = ve;
  });
  const seenTaints = new Set<string>();
  f.taints.forEach((t, i) => {
    const key = t.key.trim();
    const ke = key === '' ? 'Required value' : qualifiedNameError(key);
    if (ke) e[`taints.${i}.key`] = ke;
    // validateNodeTaints: a key and effect pair may appear once.
    else if (seenTaints.has(`${key}:${t.effect}`)) e[`taints.${i}.key`] = `Duplicate value: ${JSON.stringify(`${key}:${t.effect}`)}: taints must be unique by key and effect pair`;
    seenTaints.add(`${key}:${t.effect}`);
    const ve = labelValueError(t.value.trim());
    if (ve) e[`taints.${i}.value`] = ve;
    if (!TAINT_EFFECTS.includes(t.effect)) e[`taints.${i}.effect`] = `Unsupported value: ${JSON.stringify(t.effect)}: supported values: "NoExecute", "NoSchedule", "PreferNoSchedule"`;
  });
  return e;
}

/**
 * `sim node add NAME [--cpu …] [--memory …] [--pods …] [--labels k=v,…] [--taints k=v:Effect,…]`;
 * flags left at their defaults are omitted, as a person would. Call only on a valid form.
 */
export function addNodeLine(f: AddNodeForm): string {
  const words = ['sim', 'node', 'add', f.name.trim()];
  for (const field of ['cpu', 'memory', 'pods'] as const) {
    const v = f[field].trim();
    if (v !== '' && v !== DEFAULTS[field]) words.push(`--${field}`, v);
  }
  if (f.labels.length) words.push('--labels', f.labels.map((l) => `${l.key.trim()}=${l.value.trim()}`).join(','));
  if (f.taints.length) words.push('--taints', f.taints.map((t) => `${t.key.trim()}${t.value.trim() ? `=${t.value.trim()}` : ''}:${t.effect}`).join(','));
  return words.join(' ');
}
