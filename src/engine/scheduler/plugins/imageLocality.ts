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

interface State {
  images: string[];
  numContainers: number;
}

export function createImageLocality(h: FrameworkHandle): ScorePlugin {
  const NAME = 'ImageLocality';
  const state = (pod: PodInfo): State => {
    let s = pod.state.get(NAME) as State | undefined;
    if (!s) {
      const spec = pod.pod.spec;
      s = {
        images: (spec?.containers ?? []).map((c) => normalizedImageName(c.image ?? '')),
        numContainers: (spec?.initContainers?.length ?? 0) + (spec?.containers?.length ?? 0),
      };
      pod.state.set(NAME, s);
    }
    return s;
  };
  return {
    name: NAME,
    weight: 1,
    score(pod, node: NodeInfo) {
      const s = state(pod);
      const total = h.nodes().length;
      let sum = 0;
      if (node.imageSizes.size > 0) {
        for (const img of s.images) {
          const size = node.imageSizes.get(img);
          if (size !== undefined) sum += scaledImageScore(size, h.imageNumNodes(img), total);
        }
      }
      return imageLocalityPriority(sum, s.numContainers);
    },
  };
}
