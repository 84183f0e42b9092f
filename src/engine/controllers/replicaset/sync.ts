/**
 * The ReplicaSet sync loop. Mirrors k/k pkg/controller/replicaset/replica_set.go (syncReplicaSet,
 * claimPods, manageReplicas, getPodsToDelete, getPodsRankedByRelatedPodsOnSameNode,
 * getIndirectlyRelatedPods), controller_utils.go (RealPodControl.CreatePods/DeletePod) and
 * controller_ref_manager.go (PodControllerRefManager.ClaimPods, AdoptPod, ReleasePod).
 */
import type { ComponentContext, EventRecorder, Informer } from '../../component.ts';
import { labelSelectorFromObject, matchesLabels } from '../../api/selectors.ts';
import type { V1Pod } from '../../scheduler/types.ts';
import { podKey } from '../../scheduler/types.ts';
import {
  ActivePodsWithRanks,
  adoptPatch,
  BurstReplicas,
  claimDecision,
  type ControllerExpectations,
  podTemplateToPod,
  releasePatch,
  SlowStartInitialBatchSize,
  slowStartBatch,
} from '../controllerUtils.ts';
import { getControllerOf, isPodActive, newControllerRef } from '../podutil.ts';
import type { PodIndex } from './podIndex.ts';
import { calculateStatus, updateReplicaSetStatus, type V1ReplicaSet } from './status.ts';
import type { WorkQueue } from './workqueue.ts';

export const USER_AGENT = 'kube-controller-manager/v1.34.0';

/** What the sync functions share with the controller's event handlers. */
export interface RSState {
  ctx: ComponentContext;
  recorder: EventRecorder;
  rsInformer: Informer<V1ReplicaSet>;
  pods: PodIndex;
  expectations: ControllerExpectations;
  queue: WorkQueue;
  /** The traced watch delivery that last queued each key: the cause of the sync's decision. */
  causes: Map<string, number>;
}

export function rsKey(rs: { metadata: { namespace?: string; name: string } }): string {
  return `${rs.metadata.namespace ?? 'default'}/${rs.metadata.name}`;
}

function errMessage(body: unknown, code: number): string {
  return (body as { message?: string } | undefined)?.message ?? `the server responded with the status code ${code}`;
}

function rsObjectRef(rs: V1ReplicaSet): string {
  return `ReplicaSet/${rs.metadata.namespace ?? 'default'}/${rs.metadata.name}`;
}

/**
 * syncReplicaSet: claim pods, create or delete to reach spec.replicas (only when expectations are
 * satisfied and the ReplicaSet is not being deleted), then write status. Returns an error
 * message to requeue with back-off.
 */
export function syncReplicaSet(s: RSState, key: string): string | undefined {
  const rs = s.rsInformer.get(key);
  const cause = s.causes.get(key);
  s.causes.delete(key);
  if (!rs) {
    s.expectations.deleteExpectations(key);
    return undefined;
  }
  const rsNeedsSync = s.expectations.satisfiedExpectations(key);
  const uid = rs.metadata.uid ?? '';
  const ns = rs.metadata.namespace ?? 'default';
  // getRSPods: pods this RS controls plus orphans of its namespace (the adoption candidates).
  // terminatingReplicas is not written: DeploymentReplicaSetTerminatingReplicas is alpha at v1.34.
  const candidates: V1Pod[] = [];
  for (const p of s.pods.owned(uid)) if (isPodActive(p)) candidates.push(p);
  for (const p of s.pods.orphansIn(ns)) if (isPodActive(p)) candidates.push(p);
  const claimed = claimPods(s, rs, candidates, cause);
  let manageErr: string | undefined;
  if (rsNeedsSync && !rs.metadata.deletionTimestamp) manageErr = manageReplicas(s, claimed.pods, rs, cause);
  const ctx = s.ctx;
  const calc = calculateStatus(rs, claimed.pods, manageErr, ctx.clock.nowMs(), ctx.clock.timestamp());
  const statusErr = updateReplicaSetStatus(ctx, rs, calc.status, USER_AGENT, cause);
  if (statusErr) return statusErr;
  // Availability is time-based: look again when the next ready pod passes minReadySeconds.
  if (!manageErr && calc.nextAvailableInMs !== undefined) s.queue.addAfter(key, Math.max(1, calc.nextAvailableInMs));
  return manageErr ?? claimed.error;
}

/**
 * claimPods (PodControllerRefManager.ClaimPods): keep matching owned pods, adopt matching
 * orphans, release owned pods whose labels no longer match. Adoption first re-reads the
 * ReplicaSet from the API (RecheckDeletionTimestamp) so a deleted RS never adopts.
 */
function claimPods(s: RSState, rs: V1ReplicaSet, pods: V1Pod[], cause: number | undefined): { pods: V1Pod[]; error?: string } {
  const selector = labelSelectorFromObject(rs.spec?.selector ?? {});
  const ctx = s.ctx;
  const ns = rs.metadata.namespace ?? 'default';
  const uid = rs.metadata.uid ?? '';
  const claimed: V1Pod[] = [];
  let error: string | undefined;
  let canAdopt: boolean | undefined;
  for (const pod of pods) {
    const decision = claimDecision(pod, rs, matchesLabels(selector, pod.metadata.labels));
    if (decision === 'own') claimed.push(pod);
    else if (decision === 'adopt') {
      if (canAdopt === undefined) {
        const fresh = ctx.request({ verb: 'GET', path: `/apis/apps/v1/namespaces/${ns}/replicasets/${rs.metadata.name}`, userAgent: USER_AGENT, quiet: true });
        const f = fresh.body as V1ReplicaSet;
        canAdopt = fresh.code === 200 && f.metadata.uid === uid && !f.metadata.deletionTimestamp;
        if (!canAdopt) error = `${fresh.code === 200 ? 'original' : 'the'} ReplicaSet ${ns}/${rs.metadata.name} is gone or being deleted`;
      }
      if (!canAdopt) continue;
      const span = ctx.trace({
        from: 'controller-manager', to: 'controller-manager', verb: 'adopt', object: `Pod/${ns}/${pod.metadata.name}`,
        kind: 'replicaSetAdopt', args: { rs: rs.metadata.name, pod: pod.metadata.name }, duration: 0, causeId: cause,
        summary: `ReplicaSet ${rs.metadata.name} adopts orphan pod ${pod.metadata.name}: its labels match the selector.`,
      });
      const res = ctx.request({
        verb: 'PATCH', path: `/api/v1/namespaces/${ns}/pods/${pod.metadata.name}`, patchType: 'application/strategic-merge-patch+json',
        body: adoptPatch(pod, newControllerRef(rs, 'apps/v1', 'ReplicaSet')), causeId: span.id, userAgent: USER_AGENT,
      });
      if (res.code < 300) claimed.push(res.body as V1Pod);
      else if (res.code !== 404) error = errMessage(res.body, res.code);
    } else if (decision === 'release') {
      const span = ctx.trace({
        from: 'controller-manager', to: 'controller-manager', verb: 'release', object: `Pod/${ns}/${pod.metadata.name}`,
        kind: 'replicaSetRelease', args: { rs: rs.metadata.name, pod: pod.metadata.name }, duration: 0, causeId: cause,
        summary: `ReplicaSet ${rs.metadata.name} releases pod ${pod.metadata.name}: its labels no longer match the selector.`,
      });
      const res = ctx.request({
        verb: 'PATCH', path: `/api/v1/namespaces/${ns}/pods/${pod.metadata.name}`, patchType: 'application/strategic-merge-patch+json',
        body: releasePatch(pod, uid), causeId: span.id, userAgent: USER_AGENT,
      });
      if (res.code >= 300 && res.code !== 404) error = errMessage(res.body, res.code);
    }
  }
  return { pods: claimed, error };
}

/** manageReplicas: create or delete pods so the active count approaches spec.replicas. */
function manageReplicas(s: RSState, filteredPods: V1Pod[], rs: V1ReplicaSet, cause: number | undefined): string | undefined {
  const want = rs.spec?.replicas ?? 1;
  const have = filteredPods.length;
  let diff = have - want;
  if (diff === 0) return undefined;
  const key = rsKey(rs);
  const ctx = s.ctx;
  const ns = rs.metadata.namespace ?? 'default';
  const name = rs.metadata.name;
  const n = Math.min(Math.abs(diff), BurstReplicas);
  const verb = diff < 0 ? 'creating' : 'deleting';
  const decision = ctx.trace({
    from: 'controller-manager', to: 'controller-manager', verb: 'syncReplicaSet', object: rsObjectRef(rs), kind: 'replicaSetSync',
    args: { rs: name, have, want, diff, n }, duration: 0, causeId: cause,
    summary: `ReplicaSet ${name} has ${have} pod${have === 1 ? '' : 's'}, wants ${want}: ${verb} ${n}.`,
  });
  if (diff < 0) {
    diff = n;
    s.expectations.expectCreations(key, diff);
    const ref = newControllerRef(rs, 'apps/v1', 'ReplicaSet');
    const template = rs.spec?.template ?? {};
    const { successes, error } = slowStartBatch(diff, SlowStartInitialBatchSize, () => createPod(s, rs, template, ref, decision.id));
    // Pods of the batches never tried will not be observed: stop expecting them.
    for (let i = 0; i < diff - successes; i++) s.expectations.creationObserved(key);
    return error;
  }
  diff = n;
  const related = getIndirectlyRelatedPods(s, rs);
  const victims = getPodsToDelete(filteredPods, related, diff, ctx.clock.nowMs());
  s.expectations.expectDeletions(key, victims.map(podKey));
  let firstErr: string | undefined;
  for (const pod of victims) {
    const res = ctx.request({ verb: 'DELETE', path: `/api/v1/namespaces/${ns}/pods/${pod.metadata.name}`, causeId: decision.id, userAgent: USER_AGENT });
    if (res.code < 300) {
      s.recorder.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
      continue;
    }
    s.expectations.deletionObserved(key, podKey(pod));
    if (res.code === 404) continue;
    const msg = errMessage(res.body, res.code);
    s.recorder.event(rs, 'Warning', 'FailedDelete', `Error deleting: ${msg}`);
    firstErr ??= `unable to delete pods: ${msg}`;
  }
  return firstErr;
}

/** RealPodControl.CreatePods: POST the pod from the template; an event either way. */
function createPod(s: RSState, rs: V1ReplicaSet, template: object, ref: ReturnType<typeof newControllerRef>, causeId: number): string | undefined {
  const pod = podTemplateToPod(template, rs, ref);
  if (!pod.metadata.labels || Object.keys(pod.metadata.labels).length === 0) return 'unable to create pods, no labels';
  const ns = rs.metadata.namespace ?? 'default';
  const res = s.ctx.request({ verb: 'POST', path: `/api/v1/namespaces/${ns}/pods`, body: pod, causeId, userAgent: USER_AGENT });
  if (res.code >= 300) {
    const msg = errMessage(res.body, res.code);
    const status = res.body as { details?: { causes?: { reason?: string }[] } } | undefined;
    // A terminating namespace is not worth an event (NamespaceTerminatingCause).
    if (!status?.details?.causes?.some((c) => c.reason === 'NamespaceTerminating')) s.recorder.event(rs, 'Warning', 'FailedCreate', `Error creating: ${msg}`);
    return msg;
  }
  s.recorder.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${(res.body as V1Pod).metadata.name}`);
  return undefined;
}

/**
 * getIndirectlyRelatedPods: the pods of every ReplicaSet that shares this one's controller (the
 * Deployment's old and new ReplicaSets), or just this one's when it has no controller.
 */
function getIndirectlyRelatedPods(s: RSState, rs: V1ReplicaSet): V1Pod[] {
  const owner = getControllerOf(rs);
  const out: V1Pod[] = [];
  const uids = new Set<string>([rs.metadata.uid ?? '']);
  if (owner) {
    for (const other of s.rsInformer.list()) {
      if (other.metadata.namespace === rs.metadata.namespace && getControllerOf(other)?.uid === owner.uid) uids.add(other.metadata.uid ?? '');
    }
  }
  for (const uid of uids) for (const p of s.pods.owned(uid)) out.push(p);
  return out;
}

/**
 * getPodsToDelete: the first `diff` pods in ActivePodsWithRanks order, ranked by how many active
 * related pods share their node; no sort when all of them go.
 */
export function getPodsToDelete<T extends V1Pod>(filteredPods: T[], relatedPods: V1Pod[], diff: number, nowMs: number): T[] {
  if (diff >= filteredPods.length) return filteredPods.slice(0, diff);
  const podsOnNode = new Map<string, number>();
  for (const p of relatedPods) {
    if (!isPodActive(p)) continue;
    const node = p.spec?.nodeName ?? '';
    podsOnNode.set(node, (podsOnNode.get(node) ?? 0) + 1);
  }
  const ranks = filteredPods.map((p) => podsOnNode.get(p.spec?.nodeName ?? '') ?? 0);
  return new ActivePodsWithRanks(filteredPods, ranks, nowMs).sorted().slice(0, diff);
}

/** getPodReplicaSets: ReplicaSets in the pod's namespace whose selector matches its labels. */
export function getPodReplicaSets(s: RSState, pod: V1Pod): V1ReplicaSet[] {
  const ns = pod.metadata.namespace ?? 'default';
  return s.rsInformer.list().filter((rs) => {
    if ((rs.metadata.namespace ?? 'default') !== ns) return false;
    const sel = rs.spec?.selector;
    // A nil or empty selector matches nothing here (upstream skips them).
    if (!sel || Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions?.length ?? 0) === 0) return false;
    return matchesLabels(labelSelectorFromObject(sel), pod.metadata.labels);
  });
}
