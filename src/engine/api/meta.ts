/**
 * ObjectMeta validation. Mirrors apimachinery pkg/api/validation/objectmeta.go
 * (ValidateObjectMeta, ValidateObjectMetaUpdate) and the per-kind name rules of §12.
 */
import { forbidden, invalid, required, type FieldError } from './field.ts';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, validateAnnotations, validateLabels } from './names.ts';

type Obj = Record<string, unknown>;

export type NameRule = 'subdomain' | 'label' | 'dns1035';

const RULES: Record<NameRule, (v: string) => string[]> = {
  subdomain: isDNS1123Subdomain,
  label: isDNS1123Label,
  dns1035: isDNS1035Label,
};

/** Name rule per kind (k8s-facts §12). */
export function nameRuleFor(kind: string): NameRule {
  if (kind === 'Namespace') return 'label';
  if (kind === 'Service') return 'dns1035';
  return 'subdomain';
}

export function validateObjectMeta(meta: Obj, namespaced: boolean, rule: NameRule): FieldError[] {
  const errs: FieldError[] = [];
  const name = typeof meta.name === 'string' ? meta.name : '';
  const generateName = typeof meta.generateName === 'string' ? meta.generateName : '';
  const check = RULES[rule];
  if (generateName) {
    // maskTrailingDash: a prefix may end with `-`.
    const masked = generateName.length > 1 && generateName.endsWith('-') ? generateName.slice(0, -1) + 'a' : generateName;
    for (const m of check(masked)) errs.push(invalid('metadata.generateName', generateName, m));
  }
  if (!name) errs.push(required('metadata.name', 'name or generateName is required'));
  else for (const m of check(name)) errs.push(invalid('metadata.name', name, m));
  const ns = typeof meta.namespace === 'string' ? meta.namespace : '';
  if (namespaced) {
    if (!ns) errs.push(required('metadata.namespace'));
    else for (const m of isDNS1123Label(ns)) errs.push(invalid('metadata.namespace', ns, m));
  } else if (ns) {
    errs.push(forbidden('metadata.namespace', 'not allowed on this type'));
  }
  errs.push(...validateLabels(meta.labels as Record<string, unknown>, 'metadata.labels'));
  errs.push(...validateAnnotations(meta.annotations as Record<string, unknown>, 'metadata.annotations'));
  errs.push(...validateOwnerReferences(meta.ownerReferences));
  return errs;
}

const IMMUTABLE = 'field is immutable';

/** ValidateOwnerReferences (apimachinery objectmeta.go): required parts, one controller at most. */
export function validateOwnerReferences(refs: unknown): FieldError[] {
  if (!Array.isArray(refs) || refs.length === 0) return [];
  const errs: FieldError[] = [];
  const path = 'metadata.ownerReferences';
  let firstController = '';
  for (const r of refs as Obj[]) {
    if (r === null || typeof r !== 'object') continue;
    const apiVersion = typeof r.apiVersion === 'string' ? r.apiVersion : '';
    const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
    if (!version) errs.push(invalid(`${path}.apiVersion`, apiVersion, 'version must not be empty'));
    for (const f of ['kind', 'name', 'uid']) {
      if (!r[f]) errs.push(invalid(`${path}.${f}`, r[f] ?? '', 'must not be empty'));
    }
    if (r.controller === true) {
      const cur = `${String(r.kind)}/${String(r.name)}`;
      if (firstController) {
        const rendered = (refs as Obj[]).map((x) => {
          const o: Obj = { apiVersion: x.apiVersion ?? '', kind: x.kind ?? '', name: x.name ?? '', uid: x.uid ?? '' };
          if (x.controller !== undefined) o.controller = x.controller;
          if (x.blockOwnerDeletion !== undefined) o.blockOwnerDeletion = x.blockOwnerDeletion;
          return o;
        });
        errs.push(invalid(path, rendered, `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${cur}`));
      } else firstController = cur;
    }
  }
  return errs;
}

/** ValidateObjectMetaUpdate: name, namespace, uid and creationTimestamp may not change. */
export function validateObjectMetaUpdate(newMeta: Obj, oldMeta: Obj): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['name', 'namespace', 'uid', 'creationTimestamp']) {
    if (newMeta[f] !== oldMeta[f]) errs.push(invalid(`metadata.${f}`, newMeta[f] ?? '', IMMUTABLE));
  }
  errs.push(...validateLabels(newMeta.labels as Record<string, unknown>, 'metadata.labels'));
  errs.push(...validateAnnotations(newMeta.annotations as Record<string, unknown>, 'metadata.annotations'));
  errs.push(...validateOwnerReferences(newMeta.ownerReferences));
  // ValidateNoNewFinalizers: an object being deleted may lose finalizers, never gain them.
  if (oldMeta.deletionTimestamp && Array.isArray(newMeta.finalizers)) {
    const had = Array.isArray(oldMeta.finalizers) ? (oldMeta.finalizers as string[]) : [];
    const extra = [...new Set((newMeta.finalizers as string[]).filter((f) => !had.includes(f)))].sort();
    if (extra.length) {
      errs.push(forbidden('metadata.finalizers', `no new finalizers can be added if the object is being deleted, found new finalizers []string{${extra.map((f) => JSON.stringify(f)).join(', ')}}`));
    }
  }
  return errs;
}
