/**
 * Per-kind registry strategies: defaulting, PrepareForCreate/Update and validation.
 * Mirrors k/k pkg/registry/core/{pod,namespace,node}/strategy.go, reduced to what we model.
 */
import type { KubeObject } from '../types.ts';
import { DEFAULTERS } from '../api/defaults.ts';
import type { FieldError } from '../api/field.ts';
import { nameRuleFor, validateObjectMeta, validateObjectMetaUpdate } from '../api/meta.ts';
import { validatePodSpec, validatePodSpecUpdate } from '../api/podValidation.ts';
import { podQOSClass } from '../api/qos.ts';
import { validateAppsStatus, validateDeploymentSpec, validateReplicaSetSpec, validateSelectorImmutable } from '../api/appsValidation.ts';
import { validateNode, validateNodeUpdate } from '../api/nodeValidation.ts';
import { validatePodDisruptionBudget, validatePodDisruptionBudgetUpdate } from '../api/policyValidation.ts';
import { validatePriorityClass, validatePriorityClassUpdate } from '../api/schedulingValidation.ts';
import { decodeConfigObject, validateConfigMap, validateConfigMapUpdate, validateSecret, validateSecretUpdate } from '../api/configValidation.ts';
import { badRequest } from './errors.ts';
import { KIND_HOOKS } from './kindHooks.ts';
import type { ResourceInfo } from './resources.ts';
import { deepEqual } from '../api/equal.ts';

type Obj = Record<string, unknown>;

export function applyDefaults(kind: string, obj: Obj): void {
  // The []byte fields fail JSON decoding itself, before any defaulting (a 400, not a 422).
  if (kind === 'ConfigMap' || kind === 'Secret') {
    const err = decodeConfigObject(kind, obj);
    if (err) throw badRequest(`${kind} in version "v1" cannot be handled as a ${kind}: ${err}`);
  }
  DEFAULTERS[kind]?.(obj);
  KIND_HOOKS[kind]?.defaults?.(obj as KubeObject);
}

/** PrepareForCreate: server-owned fields. */
export function prepareForCreate(info: ResourceInfo, obj: KubeObject): void {
  // deploymentStrategy / rsStrategy.PrepareForCreate: status starts empty (generation 1 is generic).
  if (info.kind === 'Deployment' || info.kind === 'ReplicaSet') {
    obj.status = {};
    return;
  }
  if (info.kind === 'Pod') {
    obj.status = { phase: 'Pending', qosClass: podQOSClass(obj.spec as Obj) };
  }
  if (info.kind === 'Namespace') {
    obj.status = { phase: 'Active' };
  }
}

export function validateCreate(info: ResourceInfo, obj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata as Obj, info.namespaced, nameRuleFor(info.kind));
  if (info.kind === 'Pod') errs.push(...validatePodSpec(obj.spec as Obj));
  else if (info.kind === 'Deployment') errs.push(...validateDeploymentSpec(obj.spec as Obj));
  else if (info.kind === 'ReplicaSet') errs.push(...validateReplicaSetSpec(obj.spec as Obj));
  else if (info.kind === 'Node') errs.push(...validateNode(obj as Obj));
  else if (info.kind === 'PodDisruptionBudget') errs.push(...validatePodDisruptionBudget(obj as Obj));
  else if (info.kind === 'PriorityClass') errs.push(...validatePriorityClass(obj as Obj));
  else if (info.kind === 'ConfigMap') errs.push(...validateConfigMap(obj as Obj));
  else if (info.kind === 'Secret') errs.push(...validateSecret(obj as Obj));
  else errs.push(...(KIND_HOOKS[info.kind]?.validate?.(obj, undefined) ?? []));
  return errs;
}

export function validateUpdate(info: ResourceInfo, obj: KubeObject, old: KubeObject, subresource?: string): FieldError[] {
  const errs = validateObjectMetaUpdate(obj.metadata as Obj, old.metadata as Obj);
  if (info.kind === 'Pod' && subresource !== 'status') {
    errs.push(...validatePodSpec(obj.spec as Obj));
    if (errs.length === 0) errs.push(...validatePodSpecUpdate(obj.spec as Obj, old.spec as Obj));
  } else if (info.kind === 'Deployment' || info.kind === 'ReplicaSet') {
    if (subresource === 'status') errs.push(...validateAppsStatus(info.kind, obj.status, old.status));
    else {
      errs.push(...(info.kind === 'Deployment' ? validateDeploymentSpec(obj.spec as Obj) : validateReplicaSetSpec(obj.spec as Obj)));
      errs.push(...validateSelectorImmutable(obj.spec as Obj, old.spec as Obj));
    }
  } else if (info.kind === 'Node') errs.push(...validateNodeUpdate(obj as Obj, old as Obj, subresource));
  else if (info.kind === 'PodDisruptionBudget') errs.push(...validatePodDisruptionBudgetUpdate(obj as Obj, old as Obj, subresource));
  else if (info.kind === 'PriorityClass') errs.push(...validatePriorityClassUpdate(obj as Obj, old as Obj));
  else if (info.kind === 'ConfigMap') errs.push(...validateConfigMapUpdate(obj as Obj, old as Obj));
  else if (info.kind === 'Secret') errs.push(...validateSecretUpdate(obj as Obj, old as Obj));
  else errs.push(...(KIND_HOOKS[info.kind]?.validate?.(obj, old, subresource) ?? []));
  return errs;
}

/**
 * PrepareForUpdate's generation rule: +1 when spec changes; for a Deployment also when its
 * annotations change (they are copied to its ReplicaSets). Status writes never bump it.
 */
export function generationChanged(info: ResourceInfo, obj: KubeObject, old: KubeObject): boolean {
  // endpointSliceStrategy.PrepareForUpdate: anything but metadata, or the labels, changed.
  if (info.kind === 'EndpointSlice') {
    return !deepEqual(obj.endpoints, old.endpoints) || !deepEqual(obj.ports, old.ports) || obj.addressType !== old.addressType || !deepEqual(obj.metadata.labels ?? {}, old.metadata.labels ?? {});
  }
  if (!deepEqual(obj.spec, old.spec)) return true;
  return info.kind === 'Deployment' && !deepEqual(obj.metadata.annotations ?? {}, old.metadata.annotations ?? {});
}

/** Kinds whose generation changes only with spec (ObjectMeta.generation). */
export function bumpsGeneration(info: ResourceInfo): boolean {
  // ConfigMap, Secret and Endpoints strategies never set metadata.generation.
  const k = info.kind;
  return k !== 'Event' && k !== 'Lease' && k !== 'Node' && k !== 'Namespace' && k !== 'ConfigMap' && k !== 'Secret' && k !== 'Endpoints';
}
