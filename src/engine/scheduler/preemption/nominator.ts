/**
 * Nominated pods: pods that preempted victims on a node and wait there for them to go. Filters
 * count the ones of equal or higher priority as if they were running, so nobody else takes the
 * room freed for them. Mirrors pkg/scheduler/backend/queue/nominator.go (nominator,
 * NominatedPodsForNode) and framework/runtime/framework.go (RunFilterPluginsWithNominatedPods,
 * addGENominatedPods).
 */
import type { FilterPlugin, FilterStatus, PodInfo } from '../framework.ts';
import { podResources, type NodeInfo } from '../nodeInfo.ts';
import { podKey, type V1Pod } from '../types.ts';

/**
 * The latest state of a nominated pod: undefined once it is gone, bound, or no longer nominated
 * to `node` (then the nominator forgets it).
 */
export type NominationCheck = (key: string, node: string) => V1Pod | undefined;

export class Nominator {
  private readonly byKey = new Map<string, { pod: V1Pod; node: string }>();

  constructor(private readonly check: NominationCheck) {}

  add(pod: V1Pod, node: string): void {
    this.byKey.set(podKey(pod), { pod, node });
  }

  delete(key: string): void {
    this.byKey.delete(key);
  }

  /** The pods nominated to `node` that still wait for it. */
  nominatedPodsForNode(node: string): V1Pod[] {
    const out: V1Pod[] = [];
    for (const [key, n] of this.byKey) {
      if (n.node !== node) continue;
      const cur = this.check(key, node);
      if (!cur) this.byKey.delete(key);
      else out.push(cur);
    }
    return out;
  }

  size(): number {
    return this.byKey.size;
  }
}

/** RunFilterPlugins: the first failing plugin's status, or null when the pod fits. */
export function runFilters(pi: PodInfo, ni: NodeInfo, filters: readonly FilterPlugin[]): FilterStatus | null {
  for (const f of filters) {
    const st = f.filter(pi, ni);
    if (st) return st;
  }
  return null;
}

/**
 * RunFilterPluginsWithNominatedPods: first with the node's equal-or-higher-priority nominated
 * pods added (the pod must not take room freed for them), then — if that passed and pods were
 * added — again without them (affinity to a nominated pod must not be what made it fit).
 * `ni` is modified during the call and restored before it returns.
 */
export function runFilterPluginsWithNominatedPods(
  pi: PodInfo,
  ni: NodeInfo,
  filters: readonly FilterPlugin[],
  nominated: readonly V1Pod[],
): FilterStatus | null {
  return withNominatedPods(pi, ni, nominated, () => runFilters(pi, ni, filters));
}

/** The two-pass logic of RunFilterPluginsWithNominatedPods around any filter run. */
export function withNominatedPods(pi: PodInfo, ni: NodeInfo, nominated: readonly V1Pod[], run: () => FilterStatus | null): FilterStatus | null {
  const added: V1Pod[] = [];
  for (const p of nominated) {
    const key = podKey(p);
    if (key === pi.key || (p.spec?.priority ?? 0) < pi.priority || ni.pods.has(key)) continue;
    added.push(p);
  }
  if (added.length === 0) return run();
  for (const p of added) {
    ni.addPod(podResources(p));
    ni.pods.set(podKey(p), p);
  }
  let st: FilterStatus | null;
  try {
    st = run();
  } finally {
    for (const p of added) {
      ni.removePod(podResources(p));
      ni.pods.delete(podKey(p));
    }
  }
  return st ?? run();
}
