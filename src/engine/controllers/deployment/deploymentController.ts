/**
 * The Deployment controller inside kube-controller-manager: k/k pkg/controller/deployment/
 * deployment_controller.go (NewDeploymentController's event handlers, the work queue,
 * syncDeployment, getReplicaSetsForDeployment with adoption/release, getPodMapForDeployment).
 * The rollout logic is in sync.ts, rolling.ts, recreate.ts and progress.ts.
 */
import type { WatchEvent } from '../../apiserver/types.ts';
import { clone } from '../../api/equal.ts';
import { labelSelectorFromObject, matchesLabels } from '../../api/selectors.ts';
import type { ComponentContext } from '../../component.ts';
import type { KubeObject } from '../../types.ts';
import { getControllerOf, newControllerRef, type OwnerReference } from '../podutil.ts';
import type { PodMap } from './recreate.ts';
import { reconcileDeployment } from './syncDeployment.ts';
import { ReplicaSetMutationCache } from './mutationCache.ts';
import { createDeploymentClient, DeploymentQueue } from './queue.ts';
import { nsOf, type V1Deployment, type V1ReplicaSet } from './types.ts';

export const USER_AGENT = 'kube-controller-manager/v1.34.0';

function keyOf(o: KubeObject): string {
  return `${nsOf(o)}/${o.metadata.name}`;
}

function selectorEmpty(d: V1Deployment): boolean {
  const s = d.spec?.selector;
  return !s || (Object.keys(s.matchLabels ?? {}).length === 0 && (s.matchExpressions ?? []).length === 0);
}

function selects(d: V1Deployment, labels: Record<string, string> | undefined): boolean {
  return !selectorEmpty(d) && matchesLabels(labelSelectorFromObject(d.spec!.selector!), labels);
}

/** Starts the controller inside kube-controller-manager (`ctx.stage` is `controller-manager`). */
export function startDeploymentController(ctx: ComponentContext): void {
  const dInf = ctx.informer<V1Deployment>('/apis/apps/v1/deployments', undefined, {
    // Spec changes and deletions are hops; the echoes of our own status writes are not.
    traced: (type, d, old) =>
      type !== 'MODIFIED' || !old || d.metadata.generation !== old.metadata.generation || (!!d.metadata.deletionTimestamp && !old.metadata.deletionTimestamp),
  });
  const rsInf = ctx.informer<V1ReplicaSet>('/apis/apps/v1/replicasets', undefined, {
    // The hop that moves a rollout on: an owned RS's available count changed.
    traced: (type, rs, old) => type === 'MODIFIED' && !!old && getControllerOf(rs)?.kind === 'Deployment' && rs.status?.availableReplicas !== old.status?.availableReplicas,
  });
  // Pods only matter to Recreate (oldPodsRunning, deletePod): indexed, never drawn.
  const podInf = ctx.informer('/api/v1/pods', undefined, { traced: () => false });
  const recorder = ctx.recorder({ component: 'deployment-controller' });
  const queue = new DeploymentQueue(ctx.clock, syncDeployment);
  const rsCache = new ReplicaSetMutationCache(rsInf);
  /**
   * Our last status write per Deployment, read instead of an older cached copy: the next sync
   * often starts (on an RS event) before the echo of that write arrives, and a PUT from the stale
   * copy would only earn a 409 Conflict and a retry.
   */
  const writtenD = new Map<string, V1Deployment>();
  const dc = createDeploymentClient(ctx, recorder, rsCache, queue, USER_AGENT, (d) => writtenD.set(keyOf(d), d));
  const latestDeployment = (key: string): V1Deployment | undefined => {
    const cached = dInf.get(key);
    const w = writtenD.get(key);
    if (!w) return cached;
    if (!cached || cached.metadata.uid !== w.metadata.uid || Number(cached.metadata.resourceVersion) >= Number(w.metadata.resourceVersion)) {
      writtenD.delete(key);
      return cached;
    }
    return w;
  };
  /** Pods indexed by the UID of their controlling ReplicaSet (getPodMapForDeployment without a list). */
  const podsByRS = new Map<string, Map<string, KubeObject>>();

  const enqueue = (d: V1Deployment, ev?: WatchEvent) => queue.add(keyOf(d), ev?.spanId);

  /** resolveControllerRef: the Deployment a controller ref names, if it is that one (same UID). */
  const resolveControllerRef = (namespace: string, ref: OwnerReference | undefined): V1Deployment | undefined => {
    if (!ref || ref.kind !== 'Deployment') return undefined;
    const d = dInf.get(`${namespace}/${ref.name}`);
    return d && d.metadata.uid === ref.uid ? d : undefined;
  };
  /** getDeploymentsForReplicaSet: Deployments whose selector matches an orphan RS. */
  const deploymentsForRS = (rs: V1ReplicaSet): V1Deployment[] =>
    rs.metadata.labels && Object.keys(rs.metadata.labels).length
      ? dInf.list().filter((d) => nsOf(d) === nsOf(rs) && selects(d, rs.metadata.labels))
      : [];

  dInf.addEventHandler({
    add: (d, ev) => enqueue(d, ev),
    update: (_old, d, ev) => enqueue(d, ev),
    delete: (d, ev) => {
      writtenD.delete(keyOf(d));
      enqueue(d, ev);
    },
  });

  rsInf.addEventHandler({
    add(rs, ev) {
      rsCache.observed(rs);
      const ref = getControllerOf(rs);
      if (ref) {
        const d = resolveControllerRef(nsOf(rs), ref);
        if (d) enqueue(d, ev);
        return;
      }
      for (const d of deploymentsForRS(rs)) enqueue(d, ev);
    },
    update(old, rs, ev) {
      rsCache.observed(rs);
      if (old.metadata.resourceVersion === rs.metadata.resourceVersion) return;
      const ref = getControllerOf(rs);
      const oldRef = getControllerOf(old);
      const refChanged = JSON.stringify(ref) !== JSON.stringify(oldRef);
      if (refChanged && oldRef) {
        const d = resolveControllerRef(nsOf(old), oldRef);
        if (d) enqueue(d, ev);
      }
      if (ref) {
        const d = resolveControllerRef(nsOf(rs), ref);
        if (d) enqueue(d, ev);
        return;
      }
      if (refChanged || JSON.stringify(rs.metadata.labels) !== JSON.stringify(old.metadata.labels)) {
        for (const d of deploymentsForRS(rs)) enqueue(d, ev);
      }
    },
    delete(rs, ev) {
      rsCache.gone(rs);
      const d = resolveControllerRef(nsOf(rs), getControllerOf(rs));
      if (d) enqueue(d, ev);
    },
  });

  const indexPod = (p: KubeObject, ref = getControllerOf(p)) => {
    if (!ref || ref.kind !== 'ReplicaSet') return;
    let m = podsByRS.get(ref.uid);
    if (!m) podsByRS.set(ref.uid, (m = new Map()));
    m.set(keyOf(p), p);
  };
  const unindexPod = (p: KubeObject, ref = getControllerOf(p)) => {
    const m = ref && podsByRS.get(ref.uid);
    if (!m) return;
    m.delete(keyOf(p));
    if (m.size === 0) podsByRS.delete(ref.uid);
  };
  podInf.addEventHandler({
    add: (p) => indexPod(p),
    update(old, p) {
      const ref = getControllerOf(p);
      const oldRef = getControllerOf(old);
      if (oldRef && oldRef.uid !== ref?.uid) unindexPod(old, oldRef);
      indexPod(p, ref);
    },
    // deletePod: a Recreate rollout waits for the last old pod to go.
    delete(p, ev) {
      unindexPod(p);
      const ref = getControllerOf(p);
      if (!ref || ref.kind !== 'ReplicaSet') return;
      const rs = rsInf.get(`${nsOf(p)}/${ref.name}`);
      if (!rs || rs.metadata.uid !== ref.uid) return;
      const d = resolveControllerRef(nsOf(rs), getControllerOf(rs));
      if (!d || d.spec?.strategy?.type !== 'Recreate') return;
      const rsList = rsInf.list().filter((x) => getControllerOf(x)?.uid === d.metadata.uid);
      if (rsList.every((x) => !podsByRS.get(x.metadata.uid ?? '')?.size)) enqueue(d, ev);
    },
  });

  /**
   * getReplicaSetsForDeployment: the RSs this Deployment controls, adopting orphans its selector
   * matches and releasing owned ones it no longer matches (ClaimReplicaSets).
   */
  function getReplicaSetsForDeployment(d: V1Deployment): V1ReplicaSet[] {
    const out: V1ReplicaSet[] = [];
    const ns = nsOf(d);
    for (const rs of rsCache.list()) {
      if (nsOf(rs) !== ns) continue;
      const ref = getControllerOf(rs);
      const match = selects(d, rs.metadata.labels);
      if (ref) {
        if (ref.uid !== d.metadata.uid) continue;
        if (match || d.metadata.deletionTimestamp) out.push(rs);
        else patchOwners(rs, (rs.metadata.ownerReferences as OwnerReference[]).filter((r) => r.uid !== d.metadata.uid), 'release', d);
        continue;
      }
      if (!match || d.metadata.deletionTimestamp || rs.metadata.deletionTimestamp) continue;
      const adopted = patchOwners(rs, [...((rs.metadata.ownerReferences as OwnerReference[] | undefined) ?? []), newControllerRef(d, 'apps/v1', 'Deployment')], 'adopt', d);
      if (adopted) out.push(adopted);
    }
    return out;
  }

  function patchOwners(rs: V1ReplicaSet, refs: OwnerReference[], what: 'adopt' | 'release', d: V1Deployment): V1ReplicaSet | undefined {
    const cause = ctx.trace({
      from: 'controller-manager', to: 'controller-manager', verb: 'syncDeployment', object: `Deployment/${nsOf(d)}/${d.metadata.name}`, duration: 0,
      kind: what === 'adopt' ? 'deploymentAdopt' : 'deploymentRelease', causeId: dc.cause,
      args: { deployment: d.metadata.name, namespace: nsOf(d), rs: rs.metadata.name },
      summary: what === 'adopt'
        ? `Deployment ${d.metadata.name} adopts orphan ReplicaSet ${rs.metadata.name}: its selector matches.`
        : `Deployment ${d.metadata.name} releases ReplicaSet ${rs.metadata.name}: its selector no longer matches.`,
    }).id;
    const res = ctx.request({
      verb: 'PATCH', path: `/apis/apps/v1/namespaces/${nsOf(rs)}/replicasets/${rs.metadata.name}`,
      body: { metadata: { ownerReferences: refs.length ? refs : null, uid: rs.metadata.uid } },
      patchType: 'application/merge-patch+json', causeId: cause, userAgent: USER_AGENT,
    });
    if (res.code !== 200) return undefined;
    rsCache.mutated(res.body as V1ReplicaSet);
    return res.body as V1ReplicaSet;
  }

  /** syncDeployment: one reconcile of `namespace/name`, in upstream's order. */
  function syncDeployment(key: string, cause: number | undefined): void {
    const cached = latestDeployment(key);
    if (!cached) return;
    const d = clone(cached);
    dc.cause = cause;
    if (selectorEmpty(d)) {
      recorder.event(d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
      if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
        dc.updateDeploymentStatus({ ...d, status: { ...(d.status ?? {}), observedGeneration: d.metadata.generation } }, cause);
      }
      return;
    }
    const rsList = getReplicaSetsForDeployment(d);
    reconcileDeployment(dc, d, rsList, () => getPodMapForDeployment(rsList));
  }

  function getPodMapForDeployment(rsList: V1ReplicaSet[]): PodMap {
    const m: PodMap = new Map();
    for (const rs of rsList) m.set(rs.metadata.uid ?? '', [...(podsByRS.get(rs.metadata.uid ?? '')?.values() ?? [])]);
    return m;
  }
}
