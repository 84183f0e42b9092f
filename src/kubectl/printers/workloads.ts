/**
 * Table rows for deployments, replicasets, configmaps and secrets (services: network.ts). Mirrors
 * pkg/printers/internalversion/printers.go: printDeployment, printReplicaSet, printConfigMap,
 * printSecret; selectors as metav1.FormatLabelSelector.
 */
import type { ConfigMap, PodTemplateSpec, Secret } from 'kubernetes-types/core/v1';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { ageSince } from '../duration.ts';

export function formatLabelSelector(sel: LabelSelector | undefined): string {
  if (!sel) return '<none>';
  const parts: string[] = [];
  const ml = sel.matchLabels ?? {};
  for (const k of Object.keys(ml).sort()) parts.push(`${k}=${ml[k]}`);
  for (const e of sel.matchExpressions ?? []) {
    const vals = [...(e.values ?? [])].sort().join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${vals})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${vals})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  const s = parts.join(',');
  return s === '' ? '<none>' : s;
}

function containersImages(t: PodTemplateSpec | undefined): [string, string] {
  const cs = t?.spec?.containers ?? [];
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image ?? '').join(',')];
}

export const DEPLOYMENT_COLUMNS = ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'];
export const WORKLOAD_WIDE_COLUMNS = ['CONTAINERS', 'IMAGES', 'SELECTOR'];

export function deploymentRow(d: Deployment, nowMs: number, wide: boolean): string[] {
  const s = d.status ?? {};
  const row = [d.metadata?.name ?? '', `${s.readyReplicas ?? 0}/${d.spec?.replicas ?? 1}`, String(s.updatedReplicas ?? 0), String(s.availableReplicas ?? 0), ageSince(d.metadata?.creationTimestamp, nowMs)];
  if (wide) row.push(...containersImages(d.spec?.template), formatLabelSelector(d.spec?.selector));
  return row;
}

export const REPLICASET_COLUMNS = ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'];

export function replicaSetRow(rs: ReplicaSet, nowMs: number, wide: boolean): string[] {
  const s = rs.status;
  const row = [rs.metadata?.name ?? '', String(rs.spec?.replicas ?? 1), String(s?.replicas ?? 0), String(s?.readyReplicas ?? 0), ageSince(rs.metadata?.creationTimestamp, nowMs)];
  if (wide) row.push(...containersImages(rs.spec?.template), formatLabelSelector(rs.spec?.selector));
  return row;
}

export const CONFIGMAP_COLUMNS = ['NAME', 'DATA', 'AGE'];

export function configMapRow(cm: ConfigMap, nowMs: number): string[] {
  const n = Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length;
  return [cm.metadata?.name ?? '', String(n), ageSince(cm.metadata?.creationTimestamp, nowMs)];
}

export const SECRET_COLUMNS = ['NAME', 'TYPE', 'DATA', 'AGE'];

export function secretRow(s: Secret, nowMs: number): string[] {
  const n = Object.keys(s.data ?? {}).length + Object.keys(s.stringData ?? {}).length;
  return [s.metadata?.name ?? '', s.type ?? 'Opaque', String(n), ageSince(s.metadata?.creationTimestamp, nowMs)];
}
