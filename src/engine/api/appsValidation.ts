/**
 * apps/v1 validation with upstream field paths and messages. Mirrors k/k
 * pkg/apis/apps/validation/validation.go (ValidateDeploymentSpec, ValidateDeploymentStrategy,
 * ValidateRollingUpdateDeployment, ValidatePositiveIntOrPercent, IsNotMoreThan100Percent,
 * ValidateReplicaSetSpec, ValidatePodTemplateSpecForReplicaSet, the status validators),
 * apimachinery pkg/apis/meta/v1/validation (ValidateLabelSelector) and the registry strategies'
 * immutable-selector rule (pkg/registry/apps/{deployment,replicaset}/strategy.go ValidateUpdate).
 * Values are rendered as v1.34 does (JSON, Go field order, map keys sorted).
 */
import { deepEqual } from './equal.ts';
import { forbidden, invalid, notSupported, required, type FieldError } from './field.ts';
import { isQualifiedName, isValidLabelValue, regexError, validateAnnotations, validateLabels } from './names.ts';
import { validatePodSpec } from './podValidation.ts';
import { labelSelectorFromObject, matchesLabels } from './selectors.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);

export const NONNEGATIVE = 'must be greater than or equal to 0';
export const IMMUTABLE = 'field is immutable';
const PERCENT_MSG = "a valid percent string must be a numeric string followed by an ending '%'";
const PERCENT_FMT = '[0-9]+%';
const rePercent = /^[0-9]+%$/;

/** ValidateNonnegativeField. */
export function nonNegative(v: unknown, field: string): FieldError[] {
  return typeof v === 'number' && v < 0 ? [invalid(field, v, NONNEGATIVE)] : [];
}

/** A Go map as json.Marshal writes it: keys sorted (null for a nil map). */
export function sortedMap(m: unknown): unknown {
  if (!isObj(m)) return null;
  const out: Obj = {};
  for (const k of Object.keys(m).sort()) out[k] = m[k];
  return out;
}

/** A metav1.LabelSelector as Go renders it: matchLabels (sorted), then matchExpressions. */
export function renderSelector(sel: unknown): unknown {
  if (!isObj(sel)) return null;
  const out: Obj = {};
  if (isObj(sel.matchLabels) && Object.keys(sel.matchLabels).length) out.matchLabels = sortedMap(sel.matchLabels);
  const exprs = arr(sel.matchExpressions);
  if (exprs.length) {
    out.matchExpressions = exprs.map((e) => {
      const r: Obj = { key: e.key ?? '', operator: e.operator ?? '' };
      if (Array.isArray(e.values) && e.values.length) r.values = e.values;
      return r;
    });
  }
  return out;
}

/** ValidateLabelSelector (strict: label values in expressions are checked). */
export function validateLabelSelector(sel: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  arr(sel.matchExpressions).forEach((e, i) => {
    const p = `${path}.matchExpressions[${i}]`;
    const values = Array.isArray(e.values) ? (e.values as unknown[]) : [];
    switch (e.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) errs.push(required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) errs.push(forbidden(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        break;
      default:
        errs.push(invalid(`${p}.operator`, e.operator ?? '', 'not a valid selector operator'));
    }
    for (const m of isQualifiedName(String(e.key ?? ''))) errs.push(invalid(`${p}.key`, e.key ?? '', m));
    values.forEach((v, j) => {
      for (const m of isValidLabelValue(String(v))) errs.push(invalid(`${p}.values[${j}]`, v, m));
    });
  });
  errs.push(...validateLabels(sel.matchLabels as Obj | undefined, `${path}.matchLabels`));
  return errs;
}

/** LabelSelectorAsSelector fails on what validateLabelSelector reports for expressions. */
function selectorParses(sel: Obj): boolean {
  return arr(sel.matchExpressions).every((e) => {
    const n = Array.isArray(e.values) ? e.values.length : 0;
    if (e.operator === 'In' || e.operator === 'NotIn') return n > 0;
    if (e.operator === 'Exists' || e.operator === 'DoesNotExist') return n === 0;
    return false;
  });
}

/**
 * The selector part of ValidateDeploymentSpec / ValidateReplicaSetSpec, then
 * ValidatePodTemplateSpecForReplicaSet. Both kinds say "deployment" for an empty selector (upstream
 * copied the line).
 */
function validateSelectorAndTemplate(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const sel = spec.selector;
  if (!isObj(sel)) errs.push(required('spec.selector'));
  else {
    errs.push(...validateLabelSelector(sel, 'spec.selector'));
    if (Object.keys(sel.matchLabels ?? {}).length + arr(sel.matchExpressions).length === 0) {
      errs.push(invalid('spec.selector', renderSelector(sel), 'empty selector is invalid for deployment'));
    }
  }
  if (isObj(sel) && !selectorParses(sel)) {
    errs.push(invalid('spec.selector', renderSelector(sel), 'invalid label selector'));
    return errs;
  }
  const template = isObj(spec.template) ? spec.template : {};
  const tmeta = isObj(template.metadata) ? template.metadata : {};
  const labels = isObj(tmeta.labels) ? (tmeta.labels as Record<string, string>) : undefined;
  // A nil selector is labels.Nothing(): it matches no labels. An empty one matches all (no check).
  const empty = isObj(sel) && Object.keys(sel.matchLabels ?? {}).length + arr(sel.matchExpressions).length === 0;
  if (!empty && !(isObj(sel) && matchesLabels(labelSelectorFromObject(sel as never), labels))) {
    errs.push(invalid('spec.template.metadata.labels', sortedMap(labels), '`selector` does not match template `labels`'));
  }
  // ValidatePodTemplateSpec: labels/annotations (at `template.labels`, as upstream), the pod spec.
  errs.push(...validateLabels(labels, 'spec.template.labels'));
  errs.push(...validateAnnotations(tmeta.annotations as Obj | undefined, 'spec.template.annotations'));
  const podSpec = isObj(template.spec) ? template.spec : {};
  errs.push(...validatePodSpec(podSpec, 'spec.template.spec'));
  if (Array.isArray(podSpec.ephemeralContainers) && podSpec.ephemeralContainers.length > 0) {
    errs.push(forbidden('spec.template.spec.ephemeralContainers', 'ephemeral containers not allowed in pod template'));
  }
  if (podSpec.restartPolicy !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', podSpec.restartPolicy ?? '', ['Always']));
  if (podSpec.activeDeadlineSeconds !== undefined && podSpec.activeDeadlineSeconds !== null) {
    // Deployments share ValidatePodTemplateSpecForReplicaSet, message included.
    errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in ReplicaSet is not Supported'));
  }
  return errs;
}

/** IsValidPercent. */
export function isValidPercent(s: string): string[] {
  return rePercent.test(s) ? [] : [regexError(PERCENT_MSG, PERCENT_FMT, '1%', '93%')];
}

/** getIntOrPercentValue: a percent's number, an int, or a numeric string's value (else 0). */
export function intOrPercentValue(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return 0;
  if (rePercent.test(v)) return Number(v.slice(0, -1));
  return /^[+-]?[0-9]+$/.test(v) ? Number(v) : 0;
}

/** ValidatePositiveIntOrPercent. */
export function validatePositiveIntOrPercent(v: unknown, path: string): FieldError[] {
  if (typeof v === 'string') return isValidPercent(v).map((m) => invalid(path, v, m));
  if (typeof v === 'number') return nonNegative(v, path);
  return [];
}

/** IsNotMoreThan100Percent. */
export function notMoreThan100Percent(v: unknown, path: string): FieldError[] {
  if (typeof v !== 'string' || !rePercent.test(v) || Number(v.slice(0, -1)) <= 100) return [];
  return [invalid(path, v, 'must not be greater than 100%')];
}

function validateStrategy(strategy: unknown): FieldError[] {
  const s = isObj(strategy) ? strategy : {};
  const errs: FieldError[] = [];
  const p = 'spec.strategy';
  if (s.type === 'Recreate') {
    if (s.rollingUpdate !== undefined && s.rollingUpdate !== null) errs.push(forbidden(`${p}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'"));
  } else if (s.type === 'RollingUpdate') {
    if (!isObj(s.rollingUpdate)) errs.push(required(`${p}.rollingUpdate`, 'this should be defaulted and never be nil'));
    else {
      const ru = s.rollingUpdate;
      const rp = `${p}.rollingUpdate`;
      errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, `${rp}.maxUnavailable`));
      errs.push(...validatePositiveIntOrPercent(ru.maxSurge, `${rp}.maxSurge`));
      if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
        errs.push(invalid(`${rp}.maxUnavailable`, ru.maxUnavailable ?? 0, 'may not be 0 when `maxSurge` is 0'));
      }
      errs.push(...notMoreThan100Percent(ru.maxUnavailable, `${rp}.maxUnavailable`));
    }
  } else {
    const rendered: Obj = { type: s.type ?? '' };
    if (s.rollingUpdate !== undefined) rendered.rollingUpdate = s.rollingUpdate;
    errs.push(notSupported(p, rendered, ['Recreate', 'RollingUpdate']));
  }
  return errs;
}

/** ValidateDeploymentSpec. */
export function validateDeploymentSpec(spec: Obj | undefined): FieldError[] {
  const s = spec ?? {};
  const errs = nonNegative(s.replicas, 'spec.replicas');
  errs.push(...validateSelectorAndTemplate(s));
  errs.push(...validateStrategy(s.strategy));
  errs.push(...nonNegative(s.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...nonNegative(s.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  if (typeof s.progressDeadlineSeconds === 'number') {
    errs.push(...nonNegative(s.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'));
    const minReady = typeof s.minReadySeconds === 'number' ? s.minReadySeconds : 0;
    if (s.progressDeadlineSeconds <= minReady) errs.push(invalid('spec.progressDeadlineSeconds', s.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
  }
  return errs;
}

/** ValidateReplicaSetSpec. */
export function validateReplicaSetSpec(spec: Obj | undefined): FieldError[] {
  const s = spec ?? {};
  const errs = nonNegative(s.replicas, 'spec.replicas');
  errs.push(...nonNegative(s.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...validateSelectorAndTemplate(s));
  return errs;
}

/** The strategies' ValidateUpdate rule for apps/v1: the selector may not change. */
export function validateSelectorImmutable(spec: Obj | undefined, oldSpec: Obj | undefined): FieldError[] {
  const sel = spec?.selector;
  if (deepEqual(renderSelector(sel), renderSelector(oldSpec?.selector))) return [];
  return [invalid('spec.selector', renderSelector(sel), IMMUTABLE)];
}

const STATUS_COUNTS: Record<'Deployment' | 'ReplicaSet', string[]> = {
  Deployment: ['observedGeneration', 'replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas', 'collisionCount'],
  ReplicaSet: ['replicas', 'fullyLabeledReplicas', 'readyReplicas', 'availableReplicas', 'observedGeneration'],
};

/** ValidateDeploymentStatus / ValidateReplicaSetStatus, plus collisionCount never decreasing. */
export function validateAppsStatus(kind: 'Deployment' | 'ReplicaSet', status: unknown, oldStatus: unknown): FieldError[] {
  const st = isObj(status) ? status : {};
  const errs: FieldError[] = [];
  for (const f of STATUS_COUNTS[kind]) errs.push(...nonNegative(st[f], `status.${f}`));
  const n = (f: string) => (typeof st[f] === 'number' ? (st[f] as number) : 0);
  const more = 'cannot be greater than status.replicas';
  const capped = kind === 'Deployment' ? ['updatedReplicas', 'readyReplicas', 'availableReplicas'] : ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas'];
  for (const f of capped) if (n(f) > n('replicas')) errs.push(invalid(`status.${f}`, n(f), more));
  if (n('availableReplicas') > n('readyReplicas')) errs.push(invalid('status.availableReplicas', n('availableReplicas'), 'cannot be greater than readyReplicas'));
  const old = isObj(oldStatus) ? oldStatus : {};
  if (kind === 'Deployment' && typeof old.collisionCount === 'number' && (typeof st.collisionCount !== 'number' || st.collisionCount < old.collisionCount)) {
    errs.push(invalid('status.collisionCount', typeof st.collisionCount === 'number' ? st.collisionCount : 0, 'cannot be decremented'));
  }
  return errs;
}
