/**
 * The scheduler cache: nodes, and the pods placed on them — bound ones from the informer and
 * assumed ones the scheduler has just chosen but whose binding it has not yet seen come back.
 * Assuming is what stops two pods scheduled in the same instant from overcommitting a node.
 * Mirrors pkg/scheduler/backend/cache/cache.go (AssumePod, FinishBinding, AddPod, RemovePod).
 */
import { hasPodAffinity, hasRequiredAntiAffinity, NodeInfo, podResources, type PodResources } from './nodeInfo.ts';
import { podKey, type V1Node, type V1Pod } from './types.ts';

interface PodState {
  pod: V1Pod;
  node: string;
  res: PodResources;
  assumed: boolean;
}

export class SchedulerCache {
  private readonly nodes = new Map<string, NodeInfo>();
  /** Insertion order, as the snapshot's node list (upstream: the node tree, one zone here). */
  private nodeList: NodeInfo[] = [];
  private readonly pods = new Map<string, PodState>();
  /** Pods seen for nodes that are not (yet) in the cache. */
  private readonly orphans = new Map<string, Set<string>>();
  /** Image name → how many nodes list it (ImageLocality's spread). */
  private readonly imageNodes = new Map<string, number>();
  private affinityPods = 0;
  private requiredAntiAffinityPods = 0;

  imageNumNodes(image: string): number {
    return this.imageNodes.get(image) ?? 0;
  }
  /** Placed pods with pod (anti-)affinity, cluster-wide: InterPodAffinity skips its work at 0. */
  podsWithAffinity(): number {
    return this.affinityPods;
  }
  podsWithRequiredAntiAffinity(): number {
    return this.requiredAntiAffinityPods;
  }

  private countImages(ni: NodeInfo, sign: 1 | -1): void {
    for (const name of ni.imageSizes.keys()) {
      const n = (this.imageNodes.get(name) ?? 0) + sign;
      if (n <= 0) this.imageNodes.delete(name);
      else this.imageNodes.set(name, n);
    }
  }

  private attach(ni: NodeInfo, key: string, pod: V1Pod, res: PodResources): void {
    ni.addPod(res);
    ni.pods.set(key, pod);
    if (hasPodAffinity(pod)) ni.podsWithAffinity++;
    if (hasRequiredAntiAffinity(pod)) ni.podsWithRequiredAntiAffinity++;
  }

  private detach(ni: NodeInfo, key: string, pod: V1Pod, res: PodResources): void {
    ni.removePod(res);
    ni.pods.delete(key);
    if (hasPodAffinity(pod)) ni.podsWithAffinity--;
    if (hasRequiredAntiAffinity(pod)) ni.podsWithRequiredAntiAffinity--;
  }

  nodeCount(): number {
    return this.nodeList.length;
  }
  list(): readonly NodeInfo[] {
    return this.nodeList;
  }
  getNode(name: string): NodeInfo | undefined {
    return this.nodes.get(name);
  }

  /** Adds or updates a node; returns whether a pending pod might now fit (queueing hint). */
  upsertNode(node: V1Node): boolean {
    const existing = this.nodes.get(node.metadata.name);
    if (existing) {
      const before = existing.imageSizes;
      const changed = existing.setNode(node);
      if (existing.imageSizes !== before) {
        for (const name of before.keys()) {
          const n = (this.imageNodes.get(name) ?? 0) - 1;
          if (n <= 0) this.imageNodes.delete(name);
          else this.imageNodes.set(name, n);
        }
        this.countImages(existing, 1);
      }
      return changed;
    }
    const ni = new NodeInfo(node);
    this.countImages(ni, 1);
    this.nodes.set(ni.name, ni);
    this.nodeList.push(ni);
    const orphans = this.orphans.get(ni.name);
    if (orphans) {
      for (const k of orphans) {
        const st = this.pods.get(k);
        if (st) this.attach(ni, k, st.pod, st.res);
      }
      this.orphans.delete(ni.name);
    }
    return true;
  }

  removeNode(name: string): void {
    const ni = this.nodes.get(name);
    if (!ni) return;
    this.nodes.delete(name);
    this.countImages(ni, -1);
    this.nodeList = this.nodeList.filter((n) => n !== ni);
    const keys = new Set<string>();
    for (const [k, st] of this.pods) if (st.node === name) keys.add(k);
    if (keys.size) this.orphans.set(name, keys);
  }

  private place(pod: V1Pod, key: string, node: string, res: PodResources, assumed: boolean): void {
    this.pods.set(key, { pod, node, res, assumed });
    const aff = hasPodAffinity(pod);
    if (aff) this.affinityPods++;
    if (hasRequiredAntiAffinity(pod)) this.requiredAntiAffinityPods++;
    const ni = this.nodes.get(node);
    if (ni) this.attach(ni, key, pod, res);
    else {
      let s = this.orphans.get(node);
      if (!s) this.orphans.set(node, (s = new Set()));
      s.add(key);
    }
  }

  private unplace(key: string): void {
    const st = this.pods.get(key);
    if (!st) return;
    this.pods.delete(key);
    if (hasPodAffinity(st.pod)) this.affinityPods--;
    if (hasRequiredAntiAffinity(st.pod)) this.requiredAntiAffinityPods--;
    const ni = this.nodes.get(st.node);
    if (ni) this.detach(ni, key, st.pod, st.res);
    else this.orphans.get(st.node)?.delete(key);
  }

  /** The scheduler chose `node` for `pod`: count it there before the binding is observed. */
  assumePod(pod: V1Pod, node: string, res: PodResources = podResources(pod)): void {
    const key = podKey(pod);
    this.unplace(key);
    this.place(pod, key, node, res, true);
  }

  /** Binding failed: give the capacity back. */
  forgetPod(pod: V1Pod): void {
    const key = podKey(pod);
    if (this.pods.get(key)?.assumed) this.unplace(key);
  }

  /** An assigned, non-terminal pod from the informer (confirms an assumed one). */
  addOrUpdatePod(pod: V1Pod): void {
    const key = podKey(pod);
    const node = pod.spec?.nodeName;
    if (!node) return;
    const st = this.pods.get(key);
    if (st && st.node === node) {
      // Same node: keep the accounted resources (a pod's requests are immutable), refresh the
      // object so label- and status-based plugins see the latest.
      st.assumed = false;
      st.pod = pod;
      this.nodes.get(node)?.pods.set(key, pod);
      return;
    }
    this.unplace(key);
    this.place(pod, key, node, podResources(pod), false);
  }

  removePod(pod: V1Pod): void {
    this.unplace(podKey(pod));
  }

  isAssumedOrBound(pod: V1Pod): boolean {
    return this.pods.has(podKey(pod));
  }
}
