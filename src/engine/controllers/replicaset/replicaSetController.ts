/**
 * The ReplicaSet controller inside kube-controller-manager. Mirrors k/k
 * pkg/controller/replicaset/replica_set.go (NewBaseController's event handlers addRS/updateRS/
 * deleteRS, addPod/updatePod/deletePod, resolveControllerRef, processNextWorkItem); the sync
 * itself is in sync.ts.
 */
import type { WatchEvent, WatchEventType } from '../../apiserver/types.ts';
import type { ComponentContext } from '../../component.ts';
import type { V1Pod } from '../../scheduler/types.ts';
import { podKey } from '../../scheduler/types.ts';
import { ControllerExpectations } from '../controllerUtils.ts';
import { getControllerOf, type OwnerReference } from '../podutil.ts';
import { PodIndex } from './podIndex.ts';
import type { V1ReplicaSet } from './status.ts';
import { getPodReplicaSets, rsKey, syncReplicaSet, type RSState } from './sync.ts';
import { WorkQueue } from './workqueue.ts';

/** The controller's reaction time: a watch delivery is acted on this many virtual ms later. */
export const SYNC_DELAY_MS = 5;

function labelsEqual(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const ka = Object.keys(a ?? {});
  if (ka.length !== Object.keys(b ?? {}).length) return false;
  return ka.every((k) => a![k] === b?.[k]);
}

function isRSRef(ref: OwnerReference | undefined): ref is OwnerReference {
  return ref?.kind === 'ReplicaSet' && ref.apiVersion.startsWith('apps/');
}

/** Starts the controller inside kube-controller-manager (`ctx.stage` is `controller-manager`). */
export function startReplicaSetController(ctx: ComponentContext): void {
  const pods = new PodIndex();
  let rsInformer: RSState['rsInformer'];
  // Which deliveries are hops in the story: a ReplicaSet created, deleted or re-specified (not
  // its status echoes); an owned pod added, marked for deletion or removed; a pod whose labels or
  // owner changed. Pod status changes are real deliveries but not drawn (1,000 replicas).
  const rsTraced = (type: WatchEventType, rs: V1ReplicaSet, old: V1ReplicaSet | undefined): boolean =>
    type !== 'MODIFIED' || !old || old.metadata.generation !== rs.metadata.generation || (!!rs.metadata.deletionTimestamp && !old.metadata.deletionTimestamp);
  const podTraced = (type: WatchEventType, pod: V1Pod, old: V1Pod | undefined): boolean => {
    const ref = getControllerOf(pod);
    if (type === 'ADDED') return isRSRef(ref) || (!ref && getPodReplicaSets(state, pod).length > 0);
    if (type === 'DELETED') return isRSRef(ref) && !old?.metadata.deletionTimestamp;
    if (!old) return false;
    if (pod.metadata.deletionTimestamp && !old.metadata.deletionTimestamp) return isRSRef(ref);
    const oldRef = getControllerOf(old);
    if (ref?.uid !== oldRef?.uid) return isRSRef(ref) || isRSRef(oldRef);
    return !labelsEqual(old.metadata.labels, pod.metadata.labels) && (isRSRef(ref) || (!ref && getPodReplicaSets(state, pod).length > 0));
  };
  try {
    rsInformer = ctx.informer<V1ReplicaSet>('/apis/apps/v1/replicasets', undefined, { traced: rsTraced });
  } catch {
    return; // apps/v1 replicasets not served by this API server: nothing to control.
  }
  const queue: WorkQueue = new WorkQueue(ctx.clock, (key) => processNextWorkItem(key), SYNC_DELAY_MS);
  const state: RSState = {
    ctx,
    recorder: ctx.recorder({ component: 'replicaset-controller' }),
    rsInformer,
    pods,
    expectations: new ControllerExpectations(() => ctx.clock.now()),
    queue,
    causes: new Map(),
  };

  function processNextWorkItem(key: string): void {
    const err = syncReplicaSet(state, key);
    if (err === undefined) queue.forget(key);
    else queue.addRateLimited(key);
  }

  function enqueue(key: string, ev?: WatchEvent<unknown>): void {
    if (ev?.spanId) state.causes.set(key, ev.spanId);
    queue.add(key);
  }

  /** resolveControllerRef: the ReplicaSet a controller ref names, if it is still the same one (UID). */
  function resolveControllerRef(namespace: string, ref: OwnerReference): V1ReplicaSet | undefined {
    if (!isRSRef(ref)) return undefined;
    const rs = rsInformer.get(`${namespace}/${ref.name}`);
    return rs && rs.metadata.uid === ref.uid ? rs : undefined;
  }

  function addPod(pod: V1Pod, ev?: WatchEvent<V1Pod>): void {
    pods.upsert(pod);
    if (pod.metadata.deletionTimestamp) {
      // A pod that shows up already being deleted (e.g. after a restart): a deletion, not a creation.
      deletePod(pod, ev);
      return;
    }
    const ref = getControllerOf(pod);
    if (ref) {
      const rs = resolveControllerRef(pod.metadata.namespace ?? 'default', ref);
      if (!rs) return;
      const key = rsKey(rs);
      state.expectations.creationObserved(key);
      enqueue(key, ev);
      return;
    }
    // An orphan: wake every ReplicaSet that could adopt it.
    for (const rs of getPodReplicaSets(state, pod)) enqueue(rsKey(rs), ev);
  }

  function updatePod(old: V1Pod, cur: V1Pod, ev: WatchEvent<V1Pod>): void {
    pods.upsert(cur);
    if (cur.metadata.resourceVersion === old.metadata.resourceVersion) return;
    const labelChanged = !labelsEqual(old.metadata.labels, cur.metadata.labels);
    if (cur.metadata.deletionTimestamp) {
      // Graceful deletion: the kubelet removes the pod later, but the ReplicaSet must act now
      // (the pod no longer counts), so a deletionTimestamp is treated as the deletion.
      deletePod(cur, ev);
      if (labelChanged) deletePod(old, ev);
      return;
    }
    const ns = cur.metadata.namespace ?? 'default';
    const curRef = getControllerOf(cur);
    const oldRef = getControllerOf(old);
    const refChanged = curRef?.uid !== oldRef?.uid;
    if (refChanged && oldRef) {
      const rs = resolveControllerRef(ns, oldRef);
      if (rs) enqueue(rsKey(rs), ev);
    }
    if (curRef) {
      const rs = resolveControllerRef(ns, curRef);
      if (rs) enqueue(rsKey(rs), ev);
      return;
    }
    if (labelChanged || refChanged) for (const rs of getPodReplicaSets(state, cur)) enqueue(rsKey(rs), ev);
  }

  function deletePod(pod: V1Pod, ev?: WatchEvent<V1Pod>): void {
    const ref = getControllerOf(pod);
    if (!ref) return;
    const rs = resolveControllerRef(pod.metadata.namespace ?? 'default', ref);
    if (!rs) return;
    const key = rsKey(rs);
    state.expectations.deletionObserved(key, podKey(pod));
    enqueue(key, ev);
  }

  rsInformer.addEventHandler({
    add: (rs, ev) => enqueue(rsKey(rs), ev),
    update(old, cur, ev) {
      if (old.metadata.uid !== cur.metadata.uid) state.expectations.deleteExpectations(rsKey(old));
      enqueue(rsKey(cur), ev);
    },
    delete(rs, ev) {
      state.expectations.deleteExpectations(rsKey(rs));
      enqueue(rsKey(rs), ev);
    },
  });
  const podInformer = ctx.informer<V1Pod>('/api/v1/pods', undefined, { traced: podTraced });
  podInformer.addEventHandler({
    add: addPod,
    update: updatePod,
    delete(pod, ev) {
      pods.remove(pod);
      deletePod(pod, ev);
    },
  });
}
