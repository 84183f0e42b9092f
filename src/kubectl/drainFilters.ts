/**
 * Which pods `kubectl drain` may remove. Mirrors k8s.io/kubectl/pkg/drain/filters.go
 * (makeFilters: daemonSetFilter, mirrorPodFilter, localStorageFilter, unreplicatedFilter;
 * PodDeleteList.Pods/Warnings/errors) and drain.go (GetPodsForDeletion).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Ctx } from './context.ts';
import { send } from './context.ts';
import { statusOf } from './errors.ts';

export const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
export const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
export const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
export const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
export const UNMANAGED_FATAL = 'Pods that declare no controller (use --force to override)';
export const UNMANAGED_WARNING = 'deleting Pods that declare no controller';
const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

type Reason = 'Okay' | 'Skip' | 'Warning' | 'Error';
interface DeleteStatus {
  delete: boolean;
  reason: Reason;
  message: string;
}
const okay = (): DeleteStatus => ({ delete: true, reason: 'Okay', message: '' });
const warning = (del: boolean, message: string): DeleteStatus => ({ delete: del, reason: 'Warning', message });
const fatal = (message: string): DeleteStatus => ({ delete: false, reason: 'Error', message });

export interface DrainOptions {
  force: boolean;
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
  podSelector?: string;
  /** --skip-wait-for-delete-timeout: pods deleted longer ago than this are skipped (0: never). */
  skipWaitForDeleteTimeoutSeconds: number;
}

export interface PodDeleteList {
  items: { pod: Pod; status: DeleteStatus }[];
}

const finished = (pod: Pod) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
const controllerOf = (pod: Pod) => (pod.metadata?.ownerReferences ?? []).find((r) => r.controller === true);

/** shouldSkipPod: deleted more than `skip` seconds ago (the node will not confirm it, say). */
export function shouldSkipPod(pod: Pod, skip: number, nowMs: number): boolean {
  const ts = pod.metadata?.deletionTimestamp;
  return skip > 0 && !!ts && Math.trunc((nowMs - Date.parse(ts)) / 1000) > skip;
}

function daemonSetFilter(ctx: Ctx, o: DrainOptions, pod: Pod): DeleteStatus {
  const ref = controllerOf(pod);
  if (!ref || ref.kind !== 'DaemonSet') return okay();
  // Any finished pod can be removed.
  if (finished(pod)) return okay();
  const r = send(ctx, { verb: 'GET', path: `/apis/apps/v1/namespaces/${pod.metadata?.namespace}/daemonsets/${ref.name}` });
  if (r.code !== 200) {
    const msg = statusOf(r.code, r.body).message;
    // Orphaned DaemonSet pods go with a warning when --force is used.
    if (r.code === 404 && o.force) return warning(true, msg);
    return fatal(msg);
  }
  return o.ignoreDaemonSets ? warning(false, DAEMONSET_WARNING) : fatal(DAEMONSET_FATAL);
}

function mirrorPodFilter(pod: Pod): DeleteStatus {
  return pod.metadata?.annotations?.[MIRROR_ANNOTATION] !== undefined ? { delete: false, reason: 'Skip', message: '' } : okay();
}

function localStorageFilter(o: DrainOptions, pod: Pod): DeleteStatus {
  if (!(pod.spec?.volumes ?? []).some((v) => v.emptyDir)) return okay();
  if (finished(pod)) return okay();
  return o.deleteEmptyDirData ? warning(true, LOCAL_STORAGE_WARNING) : fatal(LOCAL_STORAGE_FATAL);
}

function unreplicatedFilter(o: DrainOptions, pod: Pod): DeleteStatus {
  if (finished(pod)) return okay();
  if (controllerOf(pod)) return okay();
  return o.force ? warning(true, UNMANAGED_WARNING) : fatal(UNMANAGED_FATAL);
}

/**
 * GetPodsForDeletion: the node's pods (one LIST, field-selected by node, label-selected by
 * --pod-selector), each run through the filters until one says no. `errors` holds
 * `cannot delete <why>: ns/a, ns/b` per reason (sorted, where Go's map order is random).
 */
export function getPodsForDeletion(ctx: Ctx, o: DrainOptions, nodeName: string): { list?: PodDeleteList; errors: string[] } {
  const query: Record<string, string> = { fieldSelector: `spec.nodeName=${nodeName}` };
  if (o.podSelector) query.labelSelector = o.podSelector;
  const r = send(ctx, { verb: 'GET', path: '/api/v1/pods', query });
  if (r.code !== 200) return { errors: [statusOf(r.code, r.body).message] };
  const items: PodDeleteList['items'] = [];
  for (const pod of (r.body as { items?: Pod[] }).items ?? []) {
    let status = okay();
    const skipDeletedFilter = (p: Pod): DeleteStatus => (shouldSkipPod(p, o.skipWaitForDeleteTimeoutSeconds, ctx.io.nowMs()) ? { delete: false, reason: 'Skip', message: '' } : okay());
    for (const f of [skipDeletedFilter, (p: Pod) => daemonSetFilter(ctx, o, p), mirrorPodFilter, (p: Pod) => localStorageFilter(o, p), (p: Pod) => unreplicatedFilter(o, p)]) {
      status = f(pod);
      if (!status.delete) break;
    }
    items.push({ pod, status });
  }
  const failed = new Map<string, string[]>();
  for (const i of items) {
    if (i.status.delete || i.status.reason !== 'Error') continue;
    const msg = i.status.message || 'unexpected error';
    failed.set(msg, [...(failed.get(msg) ?? []), `${i.pod.metadata?.namespace}/${i.pod.metadata?.name}`]);
  }
  const errors = [...failed.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([msg, pods]) => `cannot delete ${msg}: ${pods.join(', ')}`);
  return { list: { items }, errors };
}

/** PodDeleteList.Pods: the pods to remove. */
export function podsToDelete(list: PodDeleteList): Pod[] {
  return list.items.filter((i) => i.status.delete).map((i) => i.pod);
}

/** PodDeleteList.Warnings: `<why>: ns/a, ns/b; <why>: …` (sorted). */
export function deleteWarnings(list: PodDeleteList): string {
  const ps = new Map<string, string[]>();
  for (const i of list.items) {
    if (i.status.reason !== 'Warning') continue;
    ps.set(i.status.message, [...(ps.get(i.status.message) ?? []), `${i.pod.metadata?.namespace}/${i.pod.metadata?.name}`]);
  }
  return [...ps.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([m, pods]) => `${m}: ${pods.join(', ')}`)
    .join('; ');
}

/** utilerrors.NewAggregate(errs).Error(). */
export function aggregateMessage(msgs: string[]): string {
  const uniq = [...new Set(msgs)];
  return uniq.length === 1 ? uniq[0]! : `[${uniq.join(', ')}]`;
}
