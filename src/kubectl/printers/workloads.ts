/**
 * Table rows for services, deployments, replicasets, configmaps and secrets. Mirrors
 * pkg/printers/internalversion/printers.go: printService (getServiceExternalIP, makePortString),
 * printDeployment, printReplicaSet, printConfigMap, printSecret; selectors as
 * metav1.FormatLabelSelector.
 */
import type { ConfigMap, LoadBalancerIngress, PodTemplateSpec, Secret, Service } from 'kubernetes-types/core/v1';
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

function mapSelector(sel: Record<string, string> | undefined): string {
  const keys = Object.keys(sel ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${sel![k]}`).join(',') : '<none>';
}

export const SERVICE_COLUMNS = ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'];

function externalIP(svc: Service): string {
  const type = svc.spec?.type ?? 'ClusterIP';
  const ext = svc.spec?.externalIPs ?? [];
  if (type === 'ClusterIP' || type === 'NodePort') return ext.length ? ext.join(',') : '<none>';
  if (type === 'ExternalName') return svc.spec?.externalName ?? '';
  const lb = (svc.status?.loadBalancer?.ingress ?? []).map((i: LoadBalancerIngress) => i.ip || i.hostname || '').filter(Boolean);
  const all = [...lb, ...ext];
  return all.length ? all.join(',') : '<pending>';
}

export function serviceRow(svc: Service, nowMs: number, wide: boolean): string[] {
  const ports = (svc.spec?.ports ?? []).map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`)).join(',');
  const row = [svc.metadata?.name ?? '', svc.spec?.type ?? 'ClusterIP', svc.spec?.clusterIP || '<none>', externalIP(svc), ports || '<none>', ageSince(svc.metadata?.creationTimestamp, nowMs)];
  if (wide) row.push(mapSelector(svc.spec?.selector));
  return row;
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
