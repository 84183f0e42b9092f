/**
 * Per-frame coalescing of object changes: between two deltas only the last version of each
 * changed object is kept, so a pod that changed five times in a frame is sent once
 * (DESIGN.md Principle 6: the main thread only draws).
 */
import type { Deletion, PodColumns, Upsert } from '../protocol/messages.ts';
import { objectKey } from '../protocol/messages.ts';
import { podColumns } from './podColumns.ts';
import type { KubeObject, ObjectChange } from '../protocol/types.ts';

/** Resources the UI draws (qualified as the API server's changes name them); the coalescer itself is generic by resource. */
export const UI_RESOURCES = [
  'pods', 'nodes', 'events', 'namespaces', 'deployments.apps', 'replicasets.apps',
  // Node heartbeats (the node card's pulse), disruption budgets (drain), priority classes (preemption).
  'leases.coordination.k8s.io', 'poddisruptionbudgets.policy', 'priorityclasses.scheduling.k8s.io',
  // Configuration and networking: what pods use and what serves them (Secrets are masked in the UI).
  'configmaps', 'secrets', 'services', 'endpointslices.discovery.k8s.io', 'ingresses.networking.k8s.io', 'ingressclasses.networking.k8s.io',
] as const;

interface Pending {
  resource: string;
  object: KubeObject;
  deleted: boolean;
  /** Id of the last span recorded before this change: it shows once that span is released. */
  mark: number;
}

export class Coalescer {
  private pending = new Map<string, Pending>();
  private readonly resources: ReadonlySet<string>;

  constructor(
    resources: Iterable<string> = UI_RESOURCES,
    private readonly columns: (pod: KubeObject) => PodColumns = podColumns,
  ) {
    this.resources = new Set(resources);
  }

  /**
   * Record one change; later changes to the same key replace earlier ones. `mark` is the id of
   * the last span recorded so far, so the cluster view does not run ahead of the narration.
   */
  record(change: ObjectChange, mark = 0): void {
    if (!this.resources.has(change.resource)) return;
    const key = objectKey(change.resource, change.object);
    // Re-insert so the delta lists objects in the order they last changed.
    this.pending.delete(key);
    this.pending.set(key, { resource: change.resource, object: change.object, deleted: change.type === 'DELETED', mark });
  }

  /** True when something changed since the last `take`. */
  get dirty(): boolean {
    return this.pending.size > 0;
  }

  /** The coalesced changes whose mark ≤ `releasedUpTo` (the last span the diagram has shown); the rest wait. */
  take(releasedUpTo = Number.POSITIVE_INFINITY): { upserts: Upsert[]; deletes: Deletion[] } {
    const upserts: Upsert[] = [];
    const deletes: Deletion[] = [];
    const waiting = new Map<string, Pending>();
    for (const [key, p] of this.pending) {
      if (p.mark > releasedUpTo) waiting.set(key, p);
      else if (p.deleted) deletes.push({ key, resource: p.resource });
      else upserts.push(toUpsert(key, p.resource, p.object, this.columns));
    }
    this.pending = waiting;
    return { upserts, deletes };
  }

  /** True when a `take(releasedUpTo)` would return something. */
  ready(releasedUpTo = Number.POSITIVE_INFINITY): boolean {
    for (const p of this.pending.values()) if (p.mark <= releasedUpTo) return true;
    return false;
  }
}

/** An upsert with the pod's kubectl columns attached. */
export function toUpsert(key: string, resource: string, object: KubeObject, columns: (pod: KubeObject) => PodColumns = podColumns): Upsert {
  return resource === 'pods' ? { key, resource, object, columns: columns(object) } : { key, resource, object };
}
