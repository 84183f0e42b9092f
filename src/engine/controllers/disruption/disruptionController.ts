/**
 * disruption-controller: keeps each PodDisruptionBudget's status (currentHealthy, desiredHealthy,
 * disruptionsAllowed, expectedPods, disruptedPods, the DisruptionAllowed condition). Mirrors
 * pkg/controller/disruption/disruption.go (addPod/updatePod/deletePod → getPdbForPod, sync,
 * trySync, failSafe, the controller finders getPodReplicaSet/getPodDeployment/getPodStatefulSet).
 */
import type { ComponentContext, Informer } from '../../component.ts';
import type { KubeObject } from '../../types.ts';
import { clone } from '../../api/equal.ts';
import { labelSelectorFromObject, matchesLabels } from '../../api/selectors.ts';
import { updateDisruptionAllowedCondition } from '../../apiserver/eviction.ts';
import { getControllerOf } from '../podutil.ts';
import { WorkQueue } from '../replicaset/workqueue.ts';
import { buildDisruptedPodMap, countHealthyPods, disruptionsAllowed, getExpectedPodCount, type ControllerFinder } from './status.ts';

type Obj = Record<string, unknown>;
type Pdb = KubeObject & { spec?: Obj; status?: Obj & { disruptedPods?: Record<string, string> } };
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

const SYNC_DELAY_MS = 5;

function tryInformer(ctx: ComponentContext, path: string): Informer | undefined {
  try {
    return ctx.informer(path, undefined, { traced: () => false });
  } catch {
    return undefined;
  }
}

/** metav1.FormatLabelSelector, for the UnmanagedPods event. */
function selectorText(sel: unknown): string {
  if (!isObj(sel)) return '<none>';
  const parts = Object.entries(isObj(sel.matchLabels) ? sel.matchLabels : {}).map(([k, v]) => `${k}=${String(v)}`);
  return parts.join(',') || '<none>';
}

/** Starts the controller inside kube-controller-manager. */
export function startDisruptionController(ctx: ComponentContext): void {
  let pdbs: Informer<Pdb>;
  try {
    pdbs = ctx.informer<Pdb>('/apis/policy/v1/poddisruptionbudgets');
  } catch {
    return; // policy/v1 not served: nothing to keep.
  }
  const pods = ctx.informer('/api/v1/pods', undefined, { traced: () => false });
  const rss = tryInformer(ctx, '/apis/apps/v1/replicasets');
  const deps = tryInformer(ctx, '/apis/apps/v1/deployments');
  const sss = tryInformer(ctx, '/apis/apps/v1/statefulsets');
  const recorder = ctx.recorder({ component: 'controllermanager' });
  const queue = new WorkQueue(ctx.clock, (key) => (sync(key) ? queue.forget(key) : queue.addRateLimited(key)), SYNC_DELAY_MS);

  const spec = (o: KubeObject) => (isObj((o as Obj).spec) ? ((o as Obj).spec as Obj) : {});
  const replicas = (o: KubeObject) => (typeof spec(o).replicas === 'number' ? (spec(o).replicas as number) : 1);
  /** finders(): ReplicaSet (or its Deployment), Deployment, StatefulSet, by controllerRef UID. */
  const find: ControllerFinder = (ref, ns) => {
    if (ref.kind === 'ReplicaSet' && ref.apiVersion.startsWith('apps/')) {
      const rs = rss?.get(`${ns}/${ref.name}`);
      if (!rs || rs.metadata.uid !== ref.uid) return undefined;
      const owner = getControllerOf(rs);
      if (owner?.kind === 'Deployment') {
        const d = deps?.get(`${ns}/${owner.name}`);
        return d && d.metadata.uid === owner.uid ? { uid: d.metadata.uid ?? '', scale: replicas(d) } : undefined;
      }
      return { uid: rs.metadata.uid ?? '', scale: replicas(rs) };
    }
    const inf = ref.kind === 'Deployment' ? deps : ref.kind === 'StatefulSet' ? sss : undefined;
    const o = inf?.get(`${ns}/${ref.name}`);
    return o && o.metadata.uid === ref.uid ? { uid: o.metadata.uid ?? '', scale: replicas(o) } : undefined;
  };

  const selects = (pdb: Pdb, pod: KubeObject) =>
    pdb.metadata.namespace === pod.metadata.namespace && isObj(pdb.spec?.selector) && matchesLabels(labelSelectorFromObject(pdb.spec!.selector as never), pod.metadata.labels);
  const keyOf = (o: KubeObject) => `${o.metadata.namespace}/${o.metadata.name}`;
  // Most clusters have no budgets: pod and scale events then cost nothing here (100k-pod runs).
  let budgets = 0;
  const enqueueForPod = (pod: KubeObject) => {
    if (budgets === 0) return;
    for (const pdb of pdbs.list()) if (selects(pdb, pod)) queue.add(keyOf(pdb));
  };

  /** Writes the status; false asks for a retry (a conflict or a refused write). */
  function write(pdb: Pdb, status: Obj): boolean {
    const next = clone(pdb) as Pdb;
    next.status = status;
    const r = ctx.request({ verb: 'PUT', path: `/apis/policy/v1/namespaces/${pdb.metadata.namespace}/poddisruptionbudgets/${pdb.metadata.name}/status`, body: next });
    return r.code < 300;
  }

  /** failSafe: no disruptions while the status cannot be computed. */
  function failSafe(pdb: Pdb, err: string): boolean {
    const status: Obj = { ...(pdb.status ?? {}), disruptionsAllowed: 0 };
    const now = ctx.clock.timestamp();
    const conds = ((status.conditions as Obj[] | undefined) ?? []).filter((c) => c.type !== 'DisruptionAllowed');
    const old = ((pdb.status?.conditions as Obj[] | undefined) ?? []).find((c) => c.type === 'DisruptionAllowed');
    conds.push({ type: 'DisruptionAllowed', status: 'False', reason: 'SyncFailed', message: err, observedGeneration: pdb.status?.observedGeneration ?? 0, lastTransitionTime: old?.status === 'False' ? old.lastTransitionTime : now });
    status.conditions = conds;
    return write(pdb, status);
  }

  function sync(key: string): boolean {
    const pdb = pdbs.get(key);
    if (!pdb || pdb.metadata.deletionTimestamp) return true;
    const matching = pods.list().filter((p) => selects(pdb, p));
    if (matching.length === 0) recorder.event(pdb, 'Normal', 'NoPods', 'No matching pods found');
    let counted;
    try {
      counted = getExpectedPodCount(pdb.spec ?? {}, matching, find);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      recorder.event(pdb, 'Warning', 'CalculateExpectedPodCountFailed', `Failed to calculate the number of expected pods: ${msg}`);
      failSafe(pdb, msg);
      return false;
    }
    if (counted.unmanagedPods.length > 0) {
      recorder.event(pdb, 'Warning', 'UnmanagedPods', `Pods selected by this PodDisruptionBudget (selector: ${selectorText(pdb.spec?.selector)}) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.`);
    }
    const nowMs = ctx.clock.nowMs();
    const { map, recheckAtMs, expired } = buildDisruptedPodMap(matching, pdb.status?.disruptedPods, nowMs);
    for (const pod of expired) recorder.event(pod, 'Warning', 'NotDeleted', `Pod was expected by PDB ${pdb.metadata.namespace}/${pdb.metadata.name} to be deleted but it wasn't`);
    const currentHealthy = countHealthyPods(matching, map, nowMs);
    const allowed = disruptionsAllowed(currentHealthy, counted.desiredHealthy, counted.expectedCount);
    const gen = pdb.metadata.generation ?? 0;
    const old = pdb.status ?? {};
    const status: Obj = {
      disruptionsAllowed: allowed,
      currentHealthy,
      desiredHealthy: counted.desiredHealthy,
      expectedPods: counted.expectedCount,
      observedGeneration: gen,
    };
    if (Object.keys(map).length) status.disruptedPods = map;
    status.conditions = old.conditions;
    updateDisruptionAllowedCondition(status as never, ctx.clock.timestamp());
    const same =
      old.disruptionsAllowed === allowed &&
      old.currentHealthy === currentHealthy &&
      old.desiredHealthy === counted.desiredHealthy &&
      old.expectedPods === counted.expectedCount &&
      old.observedGeneration === gen &&
      JSON.stringify(old.disruptedPods ?? {}) === JSON.stringify(map) &&
      JSON.stringify(old.conditions) === JSON.stringify(status.conditions);
    if (!same && !write(pdb, status)) return false;
    if (recheckAtMs !== undefined) queue.addAfter(key, recheckAtMs - nowMs);
    return true;
  }

  pdbs.addEventHandler({
    add: (p) => {
      budgets++;
      queue.add(keyOf(p));
    },
    update: (_o, p) => queue.add(keyOf(p)),
    delete: () => void budgets--,
  });
  pods.addEventHandler({
    add: enqueueForPod,
    update(old, cur) {
      enqueueForPod(cur);
      if (JSON.stringify(old.metadata.labels) !== JSON.stringify(cur.metadata.labels)) enqueueForPod(old);
    },
    delete: enqueueForPod,
  });
  // A scale change moves expectedPods for percentage budgets before any pod changes.
  const onScale = (o: KubeObject) => {
    if (budgets === 0) return;
    for (const pdb of pdbs.list()) if (pdb.metadata.namespace === o.metadata.namespace) queue.add(keyOf(pdb));
  };
  for (const inf of [rss, deps, sss]) inf?.addEventHandler({ add: onScale, update: (_o, c) => onScale(c) });
}
