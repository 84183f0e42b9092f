/**
 * Helpers the workload controllers share. Mirrors k/k pkg/controller/controller_utils.go
 * (ControllerExpectations / UIDTrackingControllerExpectations, ActivePodsWithRanks,
 * GetPodFromTemplate, getPodsPrefix, SlowStartInitialBatchSize), pkg/controller/replicaset/
 * replica_set.go (slowStartBatch, BurstReplicas) and controller_ref_manager.go (ClaimObject).
 */
import { isDNS1123Subdomain } from '../api/names.ts';
import type { KubeObject } from '../types.ts';
import type { OwnerReference } from './podutil.ts';
import { getControllerOf, isPodReady, podReadyCondition } from './podutil.ts';

/** The most creates or deletes one sync issues (replica_set.go BurstReplicas). */
/** cache.MetaNamespaceKeyFunc: `namespace/name`, the work-queue key of a namespaced object. */
export function metaNamespaceKey(o: { metadata: { namespace?: string; name: string } }): string {
  return `${o.metadata.namespace ?? 'default'}/${o.metadata.name}`;
}

export const BurstReplicas = 500;
/** The first slow-start batch (controller_utils.go SlowStartInitialBatchSize). */
export const SlowStartInitialBatchSize = 1;
/** Unfulfilled expectations stop blocking a sync after this long (ExpectationsTimeout, 5m). */
export const ExpectationsTimeout = 5 * 60 * 1000;
/** controller.kubernetes.io/pod-deletion-cost (PodDeletionCost, beta and on). */
export const PodDeletionCost = 'controller.kubernetes.io/pod-deletion-cost';

/**
 * slowStartBatch calls `fn` `count` times in batches of 1, 2, 4, … (each at most what remains).
 * A batch with any failure stops further batches. Returns how many calls succeeded and the first
 * error. `fn` returns an error (any non-undefined value) or undefined. `onBatch` sees each batch
 * size before it runs (for tests and traces).
 */
export function slowStartBatch<E>(
  count: number,
  initialBatchSize: number,
  fn: () => E | undefined,
  onBatch?: (size: number) => void,
): { successes: number; error?: E } {
  let remaining = count;
  let successes = 0;
  for (let batch = Math.min(remaining, initialBatchSize); batch > 0; batch = Math.min(2 * batch, remaining)) {
    onBatch?.(batch);
    let firstErr: E | undefined;
    let failed = 0;
    // Upstream runs a batch in parallel goroutines: every call of the batch happens, errors or not.
    for (let i = 0; i < batch; i++) {
      const err = fn();
      if (err !== undefined) {
        if (failed === 0) firstErr = err;
        failed++;
      }
    }
    successes += batch - failed;
    if (failed > 0) return { successes, error: firstErr };
    remaining -= batch;
  }
  return { successes };
}

// ---------------------------------------------------------------- ranking for scale-down

const podPhaseToOrdinal: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

interface RankPod extends KubeObject {
  spec?: { nodeName?: string; [k: string]: unknown };
  status?: {
    phase?: string;
    containerStatuses?: { restartCount?: number }[];
    initContainerStatuses?: { name?: string; restartCount?: number }[];
    [k: string]: unknown;
  };
}

/** GetDeletionCostFromPodAnnotations: the int32 annotation value, 0 when absent or invalid. */
export function podDeletionCost(pod: KubeObject): number {
  const v = pod.metadata.annotations?.[PodDeletionCost];
  if (v === undefined || !/^-?\d+$/.test(v)) return 0;
  const n = Number(v);
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

function timeMs(t: unknown): number | undefined {
  if (typeof t !== 'string' || !t) return undefined;
  const ms = Date.parse(t);
  return Number.isFinite(ms) ? ms : undefined;
}

/** podReadyTime: when the Ready condition last became True (undefined = Go's zero time). */
function podReadyTime(pod: KubeObject): number | undefined {
  return isPodReady(pod) ? timeMs(podReadyCondition(pod)?.lastTransitionTime) : undefined;
}

/** afterOrZero: a zero time sorts first, otherwise the later time first. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}

/** logarithmicRankDiff: floor(log2(age in ns)) of each, compared (age ≤ 0 ranks −1). */
function logarithmicRankDiff(t1: number, t2: number, now: number): number {
  const d1 = (now - t1) * 1e6;
  const d2 = (now - t2) * 1e6;
  const r1 = d1 > 0 ? Math.floor(Math.log2(d1)) : -1;
  const r2 = d2 > 0 ? Math.floor(Math.log2(d2)) : -1;
  return r1 - r2;
}

/** maxContainerRestarts: [regular containers, restartable init containers (sidecars)]. */
function maxContainerRestarts(pod: RankPod): [number, number] {
  let regular = 0;
  let sidecar = 0;
  for (const c of pod.status?.containerStatuses ?? []) regular = Math.max(regular, c.restartCount ?? 0);
  const inits = (pod.spec?.initContainers ?? []) as { name: string; restartPolicy?: string }[];
  for (const c of pod.status?.initContainerStatuses ?? []) {
    if (inits.find((i) => i.name === c.name)?.restartPolicy === 'Always') sidecar = Math.max(sidecar, c.restartCount ?? 0);
  }
  return [regular, sidecar];
}

/** What Less reads of a pod, computed once per pod (a sort compares each pod ~log n times). */
interface RankKey {
  node: string;
  phase: number;
  ready: boolean;
  cost: number;
  readyTime: number | undefined;
  restarts: [number, number];
  created: number | undefined;
  uid: string;
}

function rankKey(pod: KubeObject): RankKey {
  const p = pod as RankPod;
  return {
    node: p.spec?.nodeName ?? '',
    phase: podPhaseToOrdinal[p.status?.phase ?? ''] ?? 0,
    ready: isPodReady(pod),
    cost: podDeletionCost(pod),
    readyTime: podReadyTime(pod),
    restarts: maxContainerRestarts(p),
    created: timeMs(pod.metadata.creationTimestamp),
    uid: pod.metadata.uid ?? '',
  };
}

/** Time ordering with LogarithmicScaleDown (on by default): log2 buckets of age, then UID. */
function lessByTime(t1: number | undefined, t2: number | undefined, a: RankKey, b: RankKey, nowMs: number): boolean {
  if (!nowMs || t1 === undefined || t2 === undefined) return afterOrZero(t1, t2);
  const d = logarithmicRankDiff(t1, t2, nowMs);
  if (d === 0) return a.uid < b.uid;
  return d < 0;
}

function lessKeys(a: RankKey, b: RankKey, rankA: number, rankB: number, nowMs: number): boolean {
  // 1. Unassigned < assigned.
  if (a.node !== b.node && (!a.node || !b.node)) return !a.node;
  // 2. Pending < Unknown < Running.
  if (a.phase !== b.phase) return a.phase < b.phase;
  // 3. Not ready < ready.
  if (a.ready !== b.ready) return !a.ready;
  // 4. Lower pod-deletion-cost < higher.
  if (a.cost !== b.cost) return a.cost < b.cost;
  // 5. Doubled up < not doubled up.
  if (rankA !== rankB) return rankA > rankB;
  // 6. Ready for less time < more time.
  if (a.ready && b.ready && a.readyTime !== b.readyTime) return lessByTime(a.readyTime, b.readyTime, a, b, nowMs);
  // 7. More restarts < fewer (regular containers, then sidecars).
  if (a.restarts[0] !== b.restarts[0]) return a.restarts[0] > b.restarts[0];
  if (a.restarts[1] !== b.restarts[1]) return a.restarts[1] > b.restarts[1];
  // 8. Empty creation time < newer < older.
  if (a.created !== b.created) return lessByTime(a.created, b.created, a, b, nowMs);
  return false;
}

/**
 * ActivePodsWithRanks.Less for one pair: true when `a` should be deleted before `b`. `rankA` /
 * `rankB` count related active pods on each pod's node (doubled-up pods go first); `nowMs` is the
 * virtual wall clock (Unix ms).
 */
export function podDeletesBefore(a: KubeObject, b: KubeObject, rankA: number, rankB: number, nowMs: number): boolean {
  return lessKeys(rankKey(a), rankKey(b), rankA, rankB, nowMs);
}

/**
 * Comparator form of ActivePodsWithRanks.Less: negative when `a` goes first on scale-down,
 * positive when `b` does, 0 when they tie. `ranks` = [rank of a, rank of b].
 */
export function comparePodsForDeletion(a: KubeObject, b: KubeObject, ranks: readonly [number, number], nowMs: number): number {
  const ka = rankKey(a);
  const kb = rankKey(b);
  if (lessKeys(ka, kb, ranks[0], ranks[1], nowMs)) return -1;
  if (lessKeys(kb, ka, ranks[1], ranks[0], nowMs)) return 1;
  return 0;
}

/** ActivePodsWithRanks: pods with their ranks, sortable into deletion order (first = delete first). */
export class ActivePodsWithRanks<T extends KubeObject = KubeObject> {
  private keys: RankKey[] | undefined;

  constructor(
    readonly pods: T[],
    readonly rank: number[],
    readonly nowMs: number,
  ) {}

  less(i: number, j: number): boolean {
    const k = (this.keys ??= this.pods.map(rankKey));
    return lessKeys(k[i], k[j], this.rank[i], this.rank[j], this.nowMs);
  }

  /** The pods in deletion order. A stable sort, so ties keep their input order (deterministic). */
  sorted(): T[] {
    const idx = this.pods.map((_, i) => i);
    idx.sort((i, j) => (this.less(i, j) ? -1 : this.less(j, i) ? 1 : 0));
    return idx.map((i) => this.pods[i]);
  }
}

// ---------------------------------------------------------------- expectations

interface Expectation {
  add: number;
  del: number;
  /** Virtual ms when set (for ExpectationsTimeout). */
  at: number;
  /** Pod keys we expect to see deleted (UIDTrackingControllerExpectations). */
  deleting: Set<string>;
}

/**
 * UIDTrackingControllerExpectations: per controller key, how many creates and which deletes the
 * controller still waits to see in its informer. A sync does not manage replicas until they are
 * all observed or `ExpectationsTimeout` passed, so it never acts on a stale cache.
 */
export class ControllerExpectations {
  private readonly store = new Map<string, Expectation>();

  constructor(private readonly now: () => number) {}

  get(key: string): { add: number; del: number } | undefined {
    const e = this.store.get(key);
    return e && { add: e.add, del: e.del };
  }

  /** SatisfiedExpectations: none recorded, all observed, or expired. */
  satisfiedExpectations(key: string): boolean {
    const e = this.store.get(key);
    if (!e) return true;
    if (e.add <= 0 && e.del <= 0) return true;
    return this.now() - e.at > ExpectationsTimeout;
  }

  expectCreations(key: string, adds: number): void {
    this.store.set(key, { add: adds, del: 0, at: this.now(), deleting: new Set() });
  }

  /** ExpectDeletions: the keys (`namespace/name`) of the pods about to be deleted. */
  expectDeletions(key: string, podKeys: string[]): void {
    this.store.set(key, { add: 0, del: podKeys.length, at: this.now(), deleting: new Set(podKeys) });
  }

  creationObserved(key: string): void {
    const e = this.store.get(key);
    if (e) e.add--;
  }

  /** DeletionObserved: counts once per expected pod, however often its deletion is seen. */
  deletionObserved(key: string, podKey: string): void {
    const e = this.store.get(key);
    if (e?.deleting.delete(podKey)) e.del--;
  }

  deleteExpectations(key: string): void {
    this.store.delete(key);
  }
}

// ---------------------------------------------------------------- pods from templates

/** maskTrailingDash then IsDNS1123Subdomain, as ValidatePodName(prefix, true) does. */
function validPodPrefix(prefix: string): boolean {
  const masked = prefix.length > 1 && prefix.endsWith('-') ? prefix.slice(0, -2) + 'a' : prefix;
  return isDNS1123Subdomain(masked).length === 0;
}

/** getPodsPrefix: `<controller>-`, or the bare name when that is not a valid name prefix. */
export function getPodsPrefix(controllerName: string): string {
  const prefix = `${controllerName}-`;
  return validPodPrefix(prefix) ? prefix : controllerName;
}

export interface PodTemplateSpec {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string>; finalizers?: string[]; [k: string]: unknown };
  spec?: Record<string, unknown>;
}

/**
 * GetPodFromTemplate: a Pod to POST for `parent` — generateName from getPodsPrefix, the
 * template's labels, annotations and finalizers, its spec, and the controller ref.
 */
export function podTemplateToPod(template: PodTemplateSpec, parent: KubeObject, controllerRef?: OwnerReference): KubeObject {
  const tm = template.metadata ?? {};
  // No name: the API server generates it from generateName.
  const metadata: Record<string, unknown> = { generateName: getPodsPrefix(parent.metadata.name) };
  if (parent.metadata.namespace) metadata.namespace = parent.metadata.namespace;
  if (tm.labels) metadata.labels = { ...tm.labels };
  if (tm.annotations) metadata.annotations = { ...tm.annotations };
  if (tm.finalizers) metadata.finalizers = [...tm.finalizers];
  if (controllerRef) metadata.ownerReferences = [{ ...controllerRef }];
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: structuredClone(template.spec ?? {}) } as unknown as KubeObject;
}

// ---------------------------------------------------------------- claiming

/** What ClaimObject does with one object: keep it, adopt it, release it, or leave it alone. */
export type ClaimDecision = 'own' | 'adopt' | 'release' | 'ignore';

/**
 * BaseControllerRefManager.ClaimObject's decision for `obj` and the controller `owner`:
 * owned by another controller → ignore; owned and matching → own; owned and not matching →
 * release (unless the owner is being deleted); an orphan that matches, in the same namespace,
 * not being deleted, while the owner is not being deleted → adopt.
 */
export function claimDecision(obj: KubeObject, owner: KubeObject, matches: boolean): ClaimDecision {
  const ref = getControllerOf(obj);
  const ownerDeleting = !!owner.metadata.deletionTimestamp;
  if (ref) {
    if (ref.uid !== owner.metadata.uid) return 'ignore';
    if (matches) return 'own';
    return ownerDeleting ? 'ignore' : 'release';
  }
  if (ownerDeleting || !matches) return 'ignore';
  if (obj.metadata.deletionTimestamp) return 'ignore';
  if (owner.metadata.namespace && owner.metadata.namespace !== obj.metadata.namespace) return 'ignore';
  return 'adopt';
}

/** The strategic merge patch that adopts `obj` (controller_ref_manager.go ownerRefControllerPatch). */
export function adoptPatch(obj: KubeObject, ref: OwnerReference): Record<string, unknown> {
  return { metadata: { ownerReferences: [ref], uid: obj.metadata.uid } };
}

/** The strategic merge patch that releases `obj` from `ownerUID` (GenerateDeleteOwnerRefStrategicMergeBytes). */
export function releasePatch(obj: KubeObject, ownerUID: string): Record<string, unknown> {
  return { metadata: { ownerReferences: [{ $patch: 'delete', uid: ownerUID }], uid: obj.metadata.uid } };
}
