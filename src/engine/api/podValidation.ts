/**
 * Pod validation with upstream field paths and messages. Mirrors k/k
 * pkg/apis/core/validation/validation.go (ValidatePodCreate, ValidatePodSpec, validateContainers,
 * validateContainerPorts, ValidateResourceRequirements, ValidatePodUpdate) — the common subset.
 */
import { duplicate, forbidden, invalid, notFound, notSupported, required, type FieldError } from './field.ts';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from './names.ts';
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
/** field.NotSupported lists them sorted. */
const TAINT_EFFECTS = ['NoExecute', 'NoSchedule', 'PreferNoSchedule'];
const NOT_POSITIVE = 'must be greater than zero';
const INVALID_OPERATOR = 'not a valid selector operator';
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
  errs.push(...validateTolerations(arr(spec.tolerations), `${path}.tolerations`));
  if (isObj(spec.affinity)) errs.push(...validateAffinity(spec.affinity, `${path}.affinity`));
  errs.push(...validateTopologySpreadConstraints(arr(spec.topologySpreadConstraints), `${path}.topologySpreadConstraints`));
  return errs;
}

/** validateTolerations. */
export function validateTolerations(tols: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  tols.forEach((t, i) => {
    const tp = `${path}[${i}]`;
    const key = typeof t.key === 'string' ? t.key : '';
    if (key) for (const m of isQualifiedName(key)) errs.push(invalid(`${tp}.key`, key, m));
    if (!key && t.operator !== 'Exists') {
      errs.push(invalid(`${tp}.operator`, t.operator ?? '', 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && t.effect !== 'NoExecute') {
      errs.push(invalid(`${tp}.effect`, t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    const op = t.operator ?? '';
    if (op === 'Equal' || op === '') {
      const v = typeof t.value === 'string' ? t.value : '';
      const m = isValidLabelValue(v);
      if (m.length) errs.push(invalid(`${tp}.operator`, v, m.join(';')));
    } else if (op === 'Exists') {
      if (t.value) errs.push(invalid(`${tp}.operator`, t.value, 'value must be empty when `operator` is \'Exists\''));
    } else errs.push(notSupported(`${tp}.operator`, op, TOLERATION_OPERATORS));
    if (t.effect !== undefined && t.effect !== '' && !TAINT_EFFECTS.includes(t.effect as string)) errs.push(notSupported(`${tp}.effect`, t.effect, TAINT_EFFECTS));
  });
  return errs;
}

/** ValidateNodeSelectorRequirement. */
function validateNodeSelectorRequirement(r: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const values = Array.isArray(r.values) ? r.values : [];
  switch (r.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errs.push(required(`${path}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) errs.push(forbidden(`${path}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    case 'Gt':
    case 'Lt':
      if (values.length !== 1) errs.push(required(`${path}.values`, "must be specified single value when `operator` is 'Lt' or 'Gt'"));
      break;
    default:
      errs.push(invalid(`${path}.operator`, r.operator ?? '', INVALID_OPERATOR));
  }
  for (const m of isQualifiedName(typeof r.key === 'string' ? r.key : '')) errs.push(invalid(`${path}.key`, r.key ?? '', m));
  return errs;
}

/** ValidateNodeFieldSelectorRequirement: only metadata.name, In/NotIn with one value. */
function validateNodeFieldSelectorRequirement(r: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const values = Array.isArray(r.values) ? r.values : [];
  if (r.operator === 'In' || r.operator === 'NotIn') {
    if (values.length !== 1) errs.push(required(`${path}.values`, "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
  } else errs.push(invalid(`${path}.operator`, r.operator ?? '', INVALID_OPERATOR));
  if (r.key !== 'metadata.name') errs.push(invalid(`${path}.key`, r.key ?? '', 'not a valid field selector key'));
  else values.forEach((v, i) => { for (const m of isDNS1123Subdomain(String(v))) errs.push(invalid(`${path}.values[${i}]`, v, m)); });
  return errs;
}

function validateNodeSelectorTerm(t: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  arr(t.matchExpressions).forEach((r, j) => errs.push(...validateNodeSelectorRequirement(r, `${path}.matchExpressions[${j}]`)));
  arr(t.matchFields).forEach((r, j) => errs.push(...validateNodeFieldSelectorRequirement(r, `${path}.matchFields[${j}]`)));
  return errs;
}

/** unversionedvalidation.ValidateLabelSelector (matchLabels and matchExpressions). */
function validateLabelSelector(sel: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  arr(sel.matchExpressions).forEach((r, j) => {
    const rp = `${path}.matchExpressions[${j}]`;
    const values = Array.isArray(r.values) ? r.values : [];
    switch (r.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) errs.push(required(`${rp}.values`, 'must be specified when `operator` is \'In\' or \'NotIn\''));
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) errs.push(forbidden(`${rp}.values`, 'may not be specified when `operator` is \'Exists\' or \'DoesNotExist\''));
        break;
      default:
        errs.push(invalid(`${rp}.operator`, r.operator ?? '', INVALID_OPERATOR));
    }
    for (const m of isQualifiedName(typeof r.key === 'string' ? r.key : '')) errs.push(invalid(`${rp}.key`, r.key ?? '', m));
  });
  if (isObj(sel.matchLabels)) {
    for (const [k, v] of Object.entries(sel.matchLabels)) {
      for (const m of isQualifiedName(k)) errs.push(invalid(`${path}.matchLabels`, k, m));
      for (const m of isValidLabelValue(String(v))) errs.push(invalid(`${path}.matchLabels`, v, m));
    }
  }
  return errs;
}

function validatePodAffinityTerm(t: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (isObj(t.labelSelector)) errs.push(...validateLabelSelector(t.labelSelector, `${path}.labelSelector`));
  if (isObj(t.namespaceSelector)) errs.push(...validateLabelSelector(t.namespaceSelector, `${path}.namespaceSelector`));
  if (Array.isArray(t.namespaces)) {
    t.namespaces.forEach((ns) => { for (const m of isDNS1123Label(String(ns))) errs.push(invalid(`${path}.namespace`, ns, m)); });
  }
  const key = typeof t.topologyKey === 'string' ? t.topologyKey : '';
  if (!key) errs.push(required(`${path}.topologyKey`, 'can not be empty'));
  else for (const m of isQualifiedName(key)) errs.push(invalid(`${path}.topologyKey`, key, m));
  return errs;
}

function validateWeighted(list: Obj[], path: string, inner: 'preference' | 'podAffinityTerm'): FieldError[] {
  const errs: FieldError[] = [];
  list.forEach((w, i) => {
    const wp = `${path}[${i}]`;
    const weight = typeof w.weight === 'number' ? w.weight : 0;
    if (weight <= 0 || weight > 100) errs.push(invalid(`${wp}.weight`, weight, 'must be in the range 1-100'));
    const t = isObj(w[inner]) ? (w[inner] as Obj) : {};
    errs.push(...(inner === 'preference' ? validateNodeSelectorTerm(t, `${wp}.preference`) : validatePodAffinityTerm(t, `${wp}.podAffinityTerm`)));
  });
  return errs;
}

/** validateAffinity: nodeAffinity, podAffinity, podAntiAffinity. */
export function validateAffinity(a: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (isObj(a.nodeAffinity)) {
    const na = a.nodeAffinity;
    const np = `${path}.nodeAffinity`;
    if (isObj(na.requiredDuringSchedulingIgnoredDuringExecution)) {
      const rp = `${np}.requiredDuringSchedulingIgnoredDuringExecution`;
      const terms = arr(na.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms);
      if (terms.length === 0) errs.push(required(`${rp}.nodeSelectorTerms`, 'must have at least one node selector term'));
      terms.forEach((t, i) => errs.push(...validateNodeSelectorTerm(t, `${rp}.nodeSelectorTerms[${i}]`)));
    }
    errs.push(...validateWeighted(arr(na.preferredDuringSchedulingIgnoredDuringExecution), `${np}.preferredDuringSchedulingIgnoredDuringExecution`, 'preference'));
  }
  for (const kind of ['podAffinity', 'podAntiAffinity'] as const) {
    const pa = a[kind];
    if (!isObj(pa)) continue;
    const pp = `${path}.${kind}`;
    arr(pa.requiredDuringSchedulingIgnoredDuringExecution).forEach((t, i) =>
      errs.push(...validatePodAffinityTerm(t, `${pp}.requiredDuringSchedulingIgnoredDuringExecution[${i}]`)),
    );
    errs.push(...validateWeighted(arr(pa.preferredDuringSchedulingIgnoredDuringExecution), `${pp}.preferredDuringSchedulingIgnoredDuringExecution`, 'podAffinityTerm'));
  }
  return errs;
}

/** validateTopologySpreadConstraints. */
export function validateTopologySpreadConstraints(cs: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  cs.forEach((c, i) => {
    const cp = `${path}[${i}]`;
    const maxSkew = typeof c.maxSkew === 'number' ? c.maxSkew : 0;
    if (maxSkew <= 0) errs.push(invalid(`${cp}.maxSkew`, maxSkew, NOT_POSITIVE));
    if (!c.topologyKey) errs.push(required(`${cp}.topologyKey`, 'can not be empty'));
    else for (const m of isQualifiedName(String(c.topologyKey))) errs.push(invalid(`${cp}.topologyKey`, c.topologyKey, m));
    const when = c.whenUnsatisfiable ?? '';
    if (when !== 'DoNotSchedule' && when !== 'ScheduleAnyway') errs.push(notSupported(`${cp}.whenUnsatisfiable`, when, ['DoNotSchedule', 'ScheduleAnyway']));
    for (const rest of cs.slice(i + 1)) {
      if (rest.topologyKey === c.topologyKey && rest.whenUnsatisfiable === c.whenUnsatisfiable) {
        errs.push(duplicate(`${cp}.{topologyKey, whenUnsatisfiable}`, `{${String(c.topologyKey)}, ${String(when)}}`));
        break;
      }
    }
    if (c.minDomains !== undefined && c.minDomains !== null) {
      if (typeof c.minDomains !== 'number' || c.minDomains <= 0) errs.push(invalid(`${cp}.minDomains`, c.minDomains, NOT_POSITIVE));
      if (when !== 'DoNotSchedule') {
        errs.push(invalid(`${cp}.minDomains`, c.minDomains, `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${String(when)}`));
      }
    }
    for (const pol of ['nodeAffinityPolicy', 'nodeTaintsPolicy'] as const) {
      const v = c[pol];
      if (v !== undefined && v !== null && v !== 'Honor' && v !== 'Ignore') errs.push(notSupported(`${cp}.${pol}`, v, ['Honor', 'Ignore']));
    }
    if (isObj(c.labelSelector)) errs.push(...validateLabelSelector(c.labelSelector, `${cp}.labelSelector`));
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
