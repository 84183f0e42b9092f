/**
 * kubectl's client-side view of a Deployment's ReplicaSets. Mirrors k8s.io/kubectl/pkg/util/deployment:
 * GetAllReplicaSetsInChunks (LIST by the Deployment's selector, keep those it controls),
 * FindNewReplicaSet (oldest RS whose template equals the Deployment's, ignoring pod-template-hash),
 * FindOldReplicaSets, Revision, EqualIgnoreHash.
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { Ctx } from './context.ts';
import { send } from './context.ts';
import { statusOf } from './errors.ts';
import { deepEqual } from './patch.ts';
import { formatLabelSelector } from './printers/workloads.ts';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const POD_TEMPLATE_HASH = 'pod-template-hash';

/** `deployment.kubernetes.io/revision` as a number; undefined when absent or malformed. */
export function revisionOf(o: { metadata?: { annotations?: Record<string, string> } }): number | undefined {
  const v = o.metadata?.annotations?.[REVISION_ANNOTATION];
  if (v === undefined || !/^\d+$/.test(v)) return undefined;
  return Number(v);
}

/** A template without the pod-template-hash label (and with `labels` dropped when that empties it). */
export function withoutHash(t: PodTemplateSpec | undefined): PodTemplateSpec {
  const copy = JSON.parse(JSON.stringify(t ?? {})) as PodTemplateSpec;
  if (copy.metadata?.labels) {
    delete copy.metadata.labels[POD_TEMPLATE_HASH];
    if (Object.keys(copy.metadata.labels).length === 0) delete copy.metadata.labels;
  }
  if (copy.metadata && Object.keys(copy.metadata).length === 0) delete copy.metadata;
  return copy;
}

/** apiequality.Semantic.DeepEqual of two templates, ignoring pod-template-hash. */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return deepEqual(withoutHash(a), withoutHash(b));
}

/** The labelSelector query string of a LabelSelector (metav1.LabelSelectorAsSelector().String()). */
export function selectorQuery(sel: LabelSelector | undefined): string {
  const s = formatLabelSelector(sel);
  return s === '<none>' ? '' : s;
}

export interface DeploymentReplicaSets {
  /** Old RSs with spec.replicas != 0 (what describe prints as OldReplicaSets). */
  oldRSs: ReplicaSet[];
  allOldRSs: ReplicaSet[];
  newRS?: ReplicaSet;
}

const created = (rs: ReplicaSet) => Date.parse(rs.metadata?.creationTimestamp ?? '') || 0;

/** GetAllReplicaSetsInChunks; undefined after recording the LIST's error. */
export function getAllReplicaSets(ctx: Ctx, d: Deployment): DeploymentReplicaSets | undefined {
  const ns = d.metadata?.namespace ?? ctx.namespace;
  const sel = selectorQuery(d.spec?.selector);
  const r = send(ctx, { verb: 'GET', path: `/apis/apps/v1/namespaces/${encodeURIComponent(ns)}/replicasets`, query: sel ? { labelSelector: sel } : undefined });
  if (r.code !== 200) {
    ctx.errors.push({ status: statusOf(r.code, r.body) });
    return undefined;
  }
  const uid = d.metadata?.uid;
  const owned = ((r.body as { items?: ReplicaSet[] }).items ?? []).filter((rs) => (rs.metadata?.ownerReferences ?? []).some((o) => o.controller && o.uid === uid));
  // replicaSetsByCreationTimestamp: oldest first, ties by name.
  owned.sort((a, b) => created(a) - created(b) || ((a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1));
  const newRS = owned.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
  const allOldRSs = owned.filter((rs) => rs !== newRS);
  return { oldRSs: allOldRSs.filter((rs) => (rs.spec?.replicas ?? 1) !== 0), allOldRSs, newRS };
}
