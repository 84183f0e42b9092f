/**
 * Shared pieces for the workload controllers' property tests: an independent re-statement of the
 * rolling-update fenceposts (k/k pkg/controller/deployment/util/deployment_util.go:
 * ResolveFenceposts, MaxSurge, MaxUnavailable; apimachinery intstr.GetScaledValueFromIntOrPercent),
 * written from the upstream rules rather than imported, so a bug in the controller's copy cannot
 * hide itself; and a mirror of the API server's stored objects fed by `onChange`, so invariants
 * can be checked after every single write without REST round-trips.
 */
import type { Cluster, KubeObject } from '../types.ts';
import type { OwnerReference } from './podutil.ts';

export type IntOrPercent = number | string;

/** GetScaledValueFromIntOrPercent: an int as is; `p%` of total, rounded up or down. */
export function scaledValue(v: IntOrPercent, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  const p = Number(v.replace(/%$/, ''));
  const x = (p * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

export interface StrategySpec {
  type: 'RollingUpdate' | 'Recreate';
  rollingUpdate?: { maxSurge?: IntOrPercent; maxUnavailable?: IntOrPercent };
}

/**
 * [maxSurge, maxUnavailable] as the controller must resolve them for `replicas`: surge rounds up,
 * unavailable down, both 0 → unavailable 1; unavailable capped at replicas and 0 when replicas is
 * 0; Recreate has neither. Unset fields default to 25% (API defaulting).
 */
export function fenceposts(strategy: StrategySpec, replicas: number): [number, number] {
  if (strategy.type !== 'RollingUpdate') return [0, 0];
  const surge = scaledValue(strategy.rollingUpdate?.maxSurge ?? '25%', replicas, true);
  let unavailable = scaledValue(strategy.rollingUpdate?.maxUnavailable ?? '25%', replicas, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, replicas === 0 ? 0 : Math.min(unavailable, replicas)];
}

/** The `controller: true` ownerReference, if any. */
export function controllerRef(o: KubeObject): OwnerReference | undefined {
  return ((o.metadata.ownerReferences ?? []) as OwnerReference[]).find((r) => r.controller);
}

/** All `controller: true` ownerReferences (a valid object has at most one). */
export function controllerRefs(o: KubeObject): OwnerReference[] {
  return ((o.metadata.ownerReferences ?? []) as OwnerReference[]).filter((r) => r.controller);
}

/** JSON with sorted keys: structural equality that ignores key order. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** A pod template without the `pod-template-hash` label the Deployment controller adds (EqualIgnoreHash). */
export function templateIgnoringHash(t: unknown): string {
  const tpl = structuredClone((t ?? {}) as { metadata?: { labels?: Record<string, string> } });
  if (tpl.metadata?.labels) {
    delete tpl.metadata.labels['pod-template-hash'];
    if (Object.keys(tpl.metadata.labels).length === 0) delete tpl.metadata.labels;
  }
  return canonical(tpl);
}

/**
 * The stored pods, ReplicaSets and Deployments, kept current from the API server's change feed.
 * `check` runs after every write (the finest grain any watcher can observe).
 */
export class StoreMirror {
  readonly pods = new Map<string, KubeObject>();
  readonly replicaSets = new Map<string, KubeObject>();
  readonly deployments = new Map<string, KubeObject>();
  private readonly stop: () => void;

  constructor(cluster: Cluster, check: () => void) {
    this.stop = cluster.onChange((c) => {
      const map = c.resource === 'pods' ? this.pods : c.resource === 'replicasets.apps' ? this.replicaSets : c.resource === 'deployments.apps' ? this.deployments : undefined;
      if (!map) return;
      const uid = c.object.metadata.uid!;
      if (c.type === 'DELETED') map.delete(uid);
      else map.set(uid, c.object);
      check();
    });
  }

  close(): void {
    this.stop();
  }

  deployment(name: string): KubeObject | undefined {
    for (const d of this.deployments.values()) if (d.metadata.name === name) return d;
    return undefined;
  }

  /** ReplicaSets whose controller is the object with this UID. */
  ownedReplicaSets(ownerUID: string): KubeObject[] {
    return [...this.replicaSets.values()].filter((rs) => controllerRef(rs)?.uid === ownerUID);
  }

  /** Pods whose controller is one of these ReplicaSets. */
  podsOf(rss: KubeObject[]): KubeObject[] {
    const uids = new Set(rss.map((r) => r.metadata.uid));
    return [...this.pods.values()].filter((p) => uids.has(controllerRef(p)?.uid));
  }
}
