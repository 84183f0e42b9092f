/**
 * Mirrors pkg/scheduler/framework/plugins/imagelocality/image_locality.go: the sizes of the pod's
 * (regular) container images already on the node, each scaled by the share of nodes that have it,
 * clamped to [23 MiB, 1000 MiB × containers] and mapped onto 0–100.
 */
import { MAX_NODE_SCORE, type FrameworkHandle, type PodInfo, type ScorePlugin } from '../framework.ts';
import type { NodeInfo } from '../nodeInfo.ts';

const MB = 1024 * 1024;
export const MIN_THRESHOLD = 23 * MB;
export const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/** normalizedImageName: an image without a tag (and without a digest) means `:latest`. */
export function normalizedImageName(name: string): string {
  if (name.lastIndexOf(':') <= name.lastIndexOf('/')) return name + ':latest';
  return name;
}

/** calculatePriority. */
export function imageLocalityPriority(sumScores: number, numContainers: number): number {
  const maxThreshold = MAX_CONTAINER_THRESHOLD * numContainers;
  let s = sumScores;
  if (s < MIN_THRESHOLD) s = MIN_THRESHOLD;
  else if (s > maxThreshold) s = maxThreshold;
  return Math.trunc((MAX_NODE_SCORE * (s - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
}

/** scaledImageScore: size × numNodesWithImage / totalNumNodes, truncated. */
export function scaledImageScore(size: number, numNodes: number, totalNumNodes: number): number {
  return Math.trunc(size * (numNodes / totalNumNodes));
}

/** Builds the plugin over the snapshot (ImageLocality needs every node's image list). */
export function createImageLocality(h: FrameworkHandle): ScorePlugin {
  // Per-attempt state keyed by the PodInfo's identity: the hot loop does one Map lookup per
  // container and node, nothing else.
  let cur: PodInfo | undefined;
  let images: string[] = [];
  let spread: number[] = [];
  let numContainers = 0;
  // Nodes listing the same images share one map (NodeInfo.imageSizes): score each set once.
  let memoSet: ReadonlyMap<string, number> | undefined;
  let memoScore = 0;
  const prepare = (pod: PodInfo): void => {
    cur = pod;
    memoSet = undefined;
    const spec = pod.pod.spec;
    images = (spec?.containers ?? []).map((c) => normalizedImageName(c.image ?? ''));
    const total = h.nodes().length;
    spread = images.map((img) => (total === 0 ? 0 : h.imageNumNodes(img) / total));
    numContainers = (spec?.initContainers?.length ?? 0) + (spec?.containers?.length ?? 0);
  };
  return {
    name: 'ImageLocality',
    weight: 1,
    preScore(pod) {
      prepare(pod);
      return true;
    },
    score(pod, node: NodeInfo) {
      if (pod !== cur) prepare(pod);
      const set = node.imageSizes;
      if (set === memoSet) return memoScore;
      let sum = 0;
      for (let j = 0; j < images.length; j++) {
        const size = set.get(images[j]!);
        // scaledImageScore: size × nodesWithImage / totalNodes
        if (size !== undefined) sum += Math.trunc(size * spread[j]!);
      }
      memoSet = set;
      return (memoScore = imageLocalityPriority(sum, numContainers));
    },
  };
}
