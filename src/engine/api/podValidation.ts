/**
 * Pod validation with upstream field paths and messages. Mirrors k/k
 * pkg/apis/core/validation/validation.go (ValidatePodCreate, ValidatePodSpec, validateContainers,
 * validateContainerPorts, ValidateResourceRequirements, ValidatePodUpdate) — the common subset.
 */
import { duplicate, forbidden, invalid, notFound, notSupported, required, type FieldError } from './field.ts';
import { isDNS1123Label } from './names.ts';
import { compareQuantity, tryParseQuantity } from './quantity.ts';
import { deepEqual } from './equal.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const TOLERATION_OPERATORS = ['Equal', 'Exists'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const PORT_RANGE = 'must be between 1 and 65535, inclusive';

/** IsValidPortName (apimachinery validation.go). */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (port.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

function validatePorts(ports: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const pp = `${path}[${i}]`;
    if (typeof p.name === 'string' && p.name) {
      for (const m of isValidPortName(p.name)) errs.push(invalid(`${pp}.name`, p.name, m));
      if (names.has(p.name)) errs.push(duplicate(`${pp}.name`, p.name));
      names.add(p.name);
    }
    const cp = p.containerPort;
    if (cp === undefined || cp === 0) errs.push(required(`${pp}.containerPort`));
    else if (typeof cp === 'number' && (cp < 1 || cp > 65535)) errs.push(invalid(`${pp}.containerPort`, cp, PORT_RANGE));
    if (typeof p.hostPort === 'number' && p.hostPort !== 0 && (p.hostPort < 1 || p.hostPort > 65535)) {
      errs.push(invalid(`${pp}.hostPort`, p.hostPort, PORT_RANGE));
    }
    if (p.protocol === undefined || p.protocol === '') errs.push(required(`${pp}.protocol`));
    else if (!PROTOCOLS.includes(p.protocol as string)) errs.push(notSupported(`${pp}.protocol`, p.protocol, PROTOCOLS));
  });
  return errs;
}

function validateResources(res: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const limits = isObj(res.limits) ? res.limits : {};
  const requests = isObj(res.requests) ? res.requests : {};
  for (const [kind, list] of [['limits', limits], ['requests', requests]] as const) {
    for (const [name, v] of Object.entries(list)) {
      const q = tryParseQuantity(v as string);
      if (q && q.nanos < 0n) errs.push(invalid(`${path}.${kind}[${name}]`, v, 'must be greater than or equal to 0'));
    }
  }
  for (const [name, v] of Object.entries(requests)) {
    const lim = limits[name];
    if (lim === undefined) continue;
    const rq = tryParseQuantity(v as string);
    const lq = tryParseQuantity(lim as string);
    if (rq && lq && compareQuantity(rq, lq) > 0) {
      errs.push(invalid(`${path}.requests`, v, `must be less than or equal to ${name} limit of ${lim}`));
    }
  }
  return errs;
}

function validateContainers(containers: Obj[], path: string, volumes: Set<string>, seen: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  containers.forEach((c, i) => {
    const cp = `${path}[${i}]`;
    const name = typeof c.name === 'string' ? c.name : '';
    if (!name) errs.push(required(`${cp}.name`));
    else {
      for (const m of isDNS1123Label(name)) errs.push(invalid(`${cp}.name`, name, m));
      if (seen.has(name)) errs.push(duplicate(`${cp}.name`, name));
      seen.add(name);
    }
    const image = typeof c.image === 'string' ? c.image : '';
    if (!image) errs.push(required(`${cp}.image`));
    else if (image.trim() !== image) errs.push(invalid(`${cp}.image`, image, 'must not have leading or trailing whitespace'));
    if (c.imagePullPolicy === undefined || c.imagePullPolicy === '') errs.push(required(`${cp}.imagePullPolicy`));
    else if (!PULL_POLICIES.includes(c.imagePullPolicy as string)) errs.push(notSupported(`${cp}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES));
    if (c.terminationMessagePolicy !== undefined && !TERMINATION_MESSAGE_POLICIES.includes(c.terminationMessagePolicy as string)) {
      errs.push(notSupported(`${cp}.terminationMessagePolicy`, c.terminationMessagePolicy, TERMINATION_MESSAGE_POLICIES));
    }
    errs.push(...validatePorts(arr(c.ports), `${cp}.ports`));
    arr(c.env).forEach((e, j) => {
      if (!e.name) errs.push(required(`${cp}.env[${j}].name`));
    });
    arr(c.volumeMounts).forEach((m, j) => {
      const mp = `${cp}.volumeMounts[${j}]`;
      if (!m.name) errs.push(required(`${mp}.name`));
      else if (!volumes.has(m.name as string)) errs.push(notFound(`${mp}.name`, m.name));
      if (!m.mountPath) errs.push(required(`${mp}.mountPath`));
    });
    if (isObj(c.resources)) errs.push(...validateResources(c.resources, `${cp}.resources`));
  });
  return errs;
}

/** ValidatePodSpec (the subset we model). `path` is `spec` for pods, `spec.template.spec` for templates. */
export function validatePodSpec(spec: Obj | undefined, path = 'spec'): FieldError[] {
  const errs: FieldError[] = [];
  if (!spec) return [required(path)];
  const volumes = new Set<string>();
  arr(spec.volumes).forEach((v, i) => {
    const name = typeof v.name === 'string' ? v.name : '';
    if (!name) errs.push(required(`${path}.volumes[${i}].name`));
    else {
      for (const m of isDNS1123Label(name)) errs.push(invalid(`${path}.volumes[${i}].name`, name, m));
      if (volumes.has(name)) errs.push(duplicate(`${path}.volumes[${i}].name`, name));
      volumes.add(name);
    }
  });
  const seen = new Set<string>();
  errs.push(...validateContainers(arr(spec.initContainers), `${path}.initContainers`, volumes, seen));
  const containers = arr(spec.containers);
  if (containers.length === 0) errs.push(required(`${path}.containers`));
  errs.push(...validateContainers(containers, `${path}.containers`, volumes, seen));
  if (!RESTART_POLICIES.includes(spec.restartPolicy as string)) {
    errs.push(spec.restartPolicy ? notSupported(`${path}.restartPolicy`, spec.restartPolicy, RESTART_POLICIES) : required(`${path}.restartPolicy`));
  }
  if (!DNS_POLICIES.includes(spec.dnsPolicy as string)) errs.push(notSupported(`${path}.dnsPolicy`, spec.dnsPolicy, DNS_POLICIES));
  if (typeof spec.terminationGracePeriodSeconds === 'number' && spec.terminationGracePeriodSeconds < 0) {
    errs.push(invalid(`${path}.terminationGracePeriodSeconds`, spec.terminationGracePeriodSeconds, 'must be greater than or equal to 0'));
  }
  if (typeof spec.activeDeadlineSeconds === 'number' && spec.activeDeadlineSeconds <= 0) {
    errs.push(invalid(`${path}.activeDeadlineSeconds`, spec.activeDeadlineSeconds, 'must be between 1 and 2147483647, inclusive'));
  }
  arr(spec.tolerations).forEach((t, i) => {
    const tp = `${path}.tolerations[${i}]`;
    if (t.operator !== undefined && !TOLERATION_OPERATORS.includes(t.operator as string)) errs.push(notSupported(`${tp}.operator`, t.operator, TOLERATION_OPERATORS));
    if (t.effect !== undefined && t.effect !== '' && !TAINT_EFFECTS.includes(t.effect as string)) errs.push(notSupported(`${tp}.effect`, t.effect, TAINT_EFFECTS));
    if (t.operator === 'Exists' && t.value) errs.push(invalid(`${tp}.operator`, t.value, 'value must be empty when `operator` is \'Exists\''));
  });
  return errs;
}

/** The v1.34 list in ValidatePodUpdate's Forbidden message (InPlacePodVerticalScaling resizes go through /resize). */
export const POD_UPDATABLE_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

/** A line diff of two JSON values, standing in for the cmp.Diff upstream appends (simplified). */
function specDiff(a: unknown, b: unknown, path = 'spec', out: string[] = []): string[] {
  if (deepEqual(a, b)) return out;
  if (isObj(a) && isObj(b)) {
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) specDiff(a[k], b[k], `${path}.${k}`, out);
  } else {
    if (a !== undefined) out.push(`-\t${path}: ${JSON.stringify(a)}`);
    if (b !== undefined) out.push(`+\t${path}: ${JSON.stringify(b)}`);
  }
  return out;
}

/** ValidatePodUpdate's spec rule: only images, activeDeadlineSeconds and added tolerations change. */
export function validatePodSpecUpdate(newSpec: Obj, oldSpec: Obj): FieldError[] {
  const munged = structuredClone(newSpec);
  const mc = arr(munged.containers);
  const oc = arr(oldSpec.containers);
  mc.forEach((c, i) => {
    if (oc[i]) c.image = oc[i].image;
  });
  const mi = arr(munged.initContainers);
  const oi = arr(oldSpec.initContainers);
  mi.forEach((c, i) => {
    if (oi[i]) c.image = oi[i].image;
  });
  const errs: FieldError[] = [];
  const oldAds = oldSpec.activeDeadlineSeconds;
  const newAds = newSpec.activeDeadlineSeconds;
  if (typeof newAds === 'number' && (oldAds === undefined || (typeof oldAds === 'number' && newAds <= oldAds))) {
    munged.activeDeadlineSeconds = oldAds;
    if (oldAds === undefined) delete munged.activeDeadlineSeconds;
  }
  const oldTol = arr(oldSpec.tolerations).map((t) => JSON.stringify(t));
  const newTol = arr(newSpec.tolerations).map((t) => JSON.stringify(t));
  if (oldTol.every((t) => newTol.includes(t))) {
    if (oldSpec.tolerations === undefined) delete munged.tolerations;
    else munged.tolerations = oldSpec.tolerations;
  }
  if (!deepEqual(munged, oldSpec)) {
    const diff = specDiff(oldSpec, munged).join('\n');
    errs.push(forbidden('spec', `pod updates may not change fields other than ${POD_UPDATABLE_FIELDS.join(',')}\n${diff}`));
  }
  return errs;
}
