/**
 * The scheduler's per-node aggregate, kept incrementally so a scheduling attempt never sums pods.
 * Mirrors pkg/scheduler/framework/types.go: NodeInfo (Requested, NonZeroRequested, Allocatable).
 */
import { bytes, milliCPU, podRequests, type Resources } from './resources.ts';
import type { Taint, V1Node, V1Pod } from './types.ts';

/** What the cache remembers of a pod placed on a node (to subtract it again). */
export interface PodResources {
  requested: Resources;
  nonZero: Resources;
  priority: number;
}

export function podResources(pod: V1Pod): PodResources {
  return { requested: podRequests(pod), nonZero: podRequests(pod, true), priority: pod.spec?.priority ?? 0 };
}

/** Whether a pod has any pod affinity or anti-affinity (upstream PodInfo's term lists). */
export function hasPodAffinity(pod: V1Pod): boolean {
  const a = pod.spec?.affinity;
  return a?.podAffinity !== undefined || a?.podAntiAffinity !== undefined;
}

export function hasRequiredAntiAffinity(pod: V1Pod): boolean {
  return (pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.length ?? 0) > 0;
}

const NO_IMAGES: ReadonlyMap<string, number> = new Map();
/** Image lists by content: nodes with the same images share one map (content-keyed, immutable). */
const imageSets = new Map<string, ReadonlyMap<string, number>>();

function internImages(images: readonly { names?: string[]; sizeBytes?: number }[]): ReadonlyMap<string, number> {
  if (images.length === 0) return NO_IMAGES;
  let sig = '';
  for (const im of images) sig += (im.names ?? []).join(' ') + '=' + (im.sizeBytes ?? 0) + ';';
  let m = imageSets.get(sig);
  if (!m) {
    const mm = new Map<string, number>();
    for (const im of images) for (const n of im.names ?? []) mm.set(n, im.sizeBytes ?? 0);
    if (imageSets.size > 10_000) imageSets.clear();
    imageSets.set(sig, (m = mm));
  }
  return m;
}

export class NodeInfo {
  node!: V1Node;
  name: string;
  allocMilliCPU = 0;
  allocMemory = 0;
  allocEphemeral = 0;
  allocPods = 0;
  reqMilliCPU = 0;
  reqMemory = 0;
  reqEphemeral = 0;
  nonZeroMilliCPU = 0;
  nonZeroMemory = 0;
  podCount = 0;
  /** Pods with a priority below this node's minimum are preemption victims; tracked as a count. */
  readonly podPriorities = new Map<number, number>();
  taints: Taint[] = [];
  /** The NoSchedule/NoExecute taints (Filter) and PreferNoSchedule ones (Score), precomputed. */
  hardTaints: Taint[] = [];
  preferNoScheduleTaints: Taint[] = [];
  unschedulable = false;
  /** Not cordoned and no NoSchedule/NoExecute taint: NodeUnschedulable and TaintToleration pass. */
  plain = true;
  /**
   * Pods placed here (bound or assumed), keyed `namespace/name`: what InterPodAffinity,
   * PodTopologySpread, NodePorts and preemption look at (upstream NodeInfo.Pods).
   */
  readonly pods = new Map<string, V1Pod>();
  /** Placed pods with any pod (anti-)affinity / with required anti-affinity (InterPodAffinity). */
  podsWithAffinity = 0;
  podsWithRequiredAntiAffinity = 0;
  /**
   * status.images: every listed name → size in bytes (upstream NodeInfo.ImageStates), shared by
   * every node listing exactly the same images so ImageLocality can score them once.
   */
  imageSizes: ReadonlyMap<string, number> = NO_IMAGES;
  private imagesRef: unknown;

  constructor(node: V1Node) {
    this.name = node.metadata.name;
    this.setNode(node);
  }

  /** Updates node-level fields; returns whether anything scheduling-relevant changed. */
  setNode(node: V1Node): boolean {
    const a = node.status?.allocatable ?? {};
    const cpu = milliCPU(a.cpu as string | undefined);
    const mem = bytes(a.memory as string | undefined);
    const eph = bytes(a['ephemeral-storage'] as string | undefined);
    const pods = Number(a.pods ?? 0);
    const taints = node.spec?.taints ?? [];
    const unschedulable = node.spec?.unschedulable === true;
    const changed =
      this.node === undefined ||
      cpu !== this.allocMilliCPU ||
      mem !== this.allocMemory ||
      eph !== this.allocEphemeral ||
      pods !== this.allocPods ||
      unschedulable !== this.unschedulable ||
      JSON.stringify(taints) !== JSON.stringify(this.taints) ||
      JSON.stringify(node.metadata.labels ?? {}) !== JSON.stringify(this.node.metadata.labels ?? {});
    this.node = node;
    this.allocMilliCPU = cpu;
    this.allocMemory = mem;
    this.allocEphemeral = eph;
    this.allocPods = pods;
    this.taints = taints;
    this.hardTaints = taints.filter((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
    this.preferNoScheduleTaints = taints.filter((t) => t.effect === 'PreferNoSchedule');
    this.unschedulable = unschedulable;
    this.plain = !unschedulable && this.hardTaints.length === 0;
    const images = node.status?.images;
    if (images !== this.imagesRef) {
      this.imagesRef = images;
      this.imageSizes = internImages(images ?? []);
    }
    return changed;
  }

  addPod(p: PodResources, sign: 1 | -1 = 1): void {
    this.reqMilliCPU += sign * p.requested.milliCPU;
    this.reqMemory += sign * p.requested.memory;
    this.reqEphemeral += sign * p.requested.ephemeralStorage;
    this.nonZeroMilliCPU += sign * p.nonZero.milliCPU;
    this.nonZeroMemory += sign * p.nonZero.memory;
    this.podCount += sign;
    const n = (this.podPriorities.get(p.priority) ?? 0) + sign;
    if (n === 0) this.podPriorities.delete(p.priority);
    else this.podPriorities.set(p.priority, n);
  }

  removePod(p: PodResources): void {
    this.addPod(p, -1);
  }

  /** Whether some pod here has a priority lower than `priority` (a possible preemption victim). */
  hasLowerPriorityPod(priority: number): boolean {
    for (const pr of this.podPriorities.keys()) if (pr < priority) return true;
    return false;
  }
}
