/**
 * What a pod chip shows, derived once per change of its inputs. The cluster view used to give
 * every chip four store subscriptions, so each store update (≈ one per frame while pods start)
 * ran 4 selectors × every chip — ~4,000 calls at 1,000 pods, most of them an ownerReference walk.
 * Now each node card runs one selector over its pods, and this cache hands back the *same*
 * model object while the pod, its kubectl columns and the workload maps are unchanged, so a
 * shallow compare finds the one chip that changed and only that chip re-renders.
 */
import type { KubeObject } from '../../protocol/types.ts';
import type { StoreState } from '../../store/index.ts';
import { DEPLOYMENTS, REPLICASETS, podOwner } from '../../store/workloads.ts';
import { podTone } from './nodeInfo.ts';

/** Everything a chip renders, as primitives. */
export interface PodChipModel {
  key: string;
  name: string;
  namespace: string;
  node: string;
  phase: string;
  status: string;
  ready: string;
  tone: ReturnType<typeof podTone>;
  owner?: string;
  role?: string;
  /** PodScheduled=False on an unbound pod: the scheduler's reason and message. */
  whyReason?: string;
  whyMessage?: string;
}

type ChipInputs = Pick<StoreState, 'byResource' | 'podColumns'>;

interface CacheEntry {
  pod: KubeObject;
  cols: unknown;
  rs: unknown;
  deploy: unknown;
  model: PodChipModel;
}

const cache = new Map<string, CacheEntry>();
let sweepAt = 256;

interface PodCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

function build(s: ChipInputs, key: string, pod: KubeObject): PodChipModel {
  const status0 = pod.status as { phase?: string; conditions?: PodCondition[] } | undefined;
  const phase = status0?.phase ?? 'Pending';
  const node = (pod.spec as { nodeName?: string } | undefined)?.nodeName ?? '';
  const cols = s.podColumns[key];
  const status = cols?.status ?? phase;
  const ready = cols?.ready ?? '0/0';
  const scheduled = status0?.conditions?.find((c) => c.type === 'PodScheduled');
  const why = !node && scheduled?.status === 'False' ? scheduled : undefined;
  const owner = podOwner(s.byResource, pod);
  return {
    key,
    name: pod.metadata.name,
    namespace: pod.metadata.namespace ?? 'default',
    node,
    phase,
    status,
    ready,
    tone: why ? 'warning' : podTone(phase, status),
    owner: owner?.name,
    role: owner?.role,
    whyReason: why ? (why.reason ?? 'Unschedulable') : undefined,
    whyMessage: why?.message,
  };
}

/**
 * The chip model of pod `key`, the same object as last time while its inputs are unchanged;
 * `undefined` once the pod is gone.
 */
export function podChipModel(s: ChipInputs, key: string): PodChipModel | undefined {
  const pod = s.byResource.pods?.[key];
  if (!pod) {
    cache.delete(key);
    return undefined;
  }
  const cols = s.podColumns[key];
  const rs = s.byResource[REPLICASETS];
  const deploy = s.byResource[DEPLOYMENTS];
  const hit = cache.get(key);
  if (hit && hit.pod === pod && hit.cols === cols && hit.rs === rs && hit.deploy === deploy) return hit.model;
  const model = build(s, key, pod);
  // Same content (e.g. a ReplicaSet's status changed, not its role): keep the old object so the
  // chip does not re-render.
  const same = hit && shallowEqual(hit.model, model);
  cache.set(key, { pod, cols, rs, deploy, model: same ? hit.model : model });
  return same ? hit.model : model;
}

function shallowEqual(a: PodChipModel, b: PodChipModel): boolean {
  for (const k of Object.keys(b) as (keyof PodChipModel)[]) if (a[k] !== b[k]) return false;
  return Object.keys(a).length === Object.keys(b).length;
}

/** Chip models of `keys` (pods already gone are left out). */
export function podChipModels(s: ChipInputs, keys: readonly string[]): PodChipModel[] {
  // Deleted pods are never asked for again: sweep them out whenever the cache has doubled.
  if (cache.size > sweepAt) {
    const pods = s.byResource.pods;
    for (const k of cache.keys()) if (!pods?.[k]) cache.delete(k);
    sweepAt = Math.max(256, 2 * cache.size);
  }
  const out: PodChipModel[] = [];
  for (const k of keys) {
    const m = podChipModel(s, k);
    if (m) out.push(m);
  }
  return out;
}
