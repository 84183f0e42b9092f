/**
 * The default profile's plugins, in upstream MultiPoint order with upstream score weights
 * (apis/config/v1/default_plugins.go). Volume plugins, DynamicResources and SchedulingGates'
 * PreEnqueue live elsewhere or are not modelled.
 */
import type { FilterPlugin, FrameworkHandle, ScorePlugin } from '../framework.ts';
import { NodeResourcesBalancedAllocation } from './balancedAllocation.ts';
import { createImageLocality } from './imageLocality.ts';
import { createInterPodAffinityFilter, createInterPodAffinityScore } from './interPodAffinity.ts';
import { NodeAffinityFilter, NodeAffinityScore } from './nodeAffinity.ts';
import { NodeName } from './nodeName.ts';
import { NodePorts } from './nodePorts.ts';
import { NodeResourcesFitFilter, NodeResourcesFitScore } from './nodeResourcesFit.ts';
import { NodeUnschedulable } from './nodeUnschedulable.ts';
import { createPodTopologySpreadFilter, createPodTopologySpreadScore } from './podTopologySpread.ts';
import { TaintTolerationFilter, TaintTolerationScore } from './taintToleration.ts';

/** The filters that need no cluster-wide view (kept for tests and callers without a handle). */
export const DEFAULT_FILTER_PLUGINS: readonly FilterPlugin[] = [
  NodeUnschedulable, NodeName, TaintTolerationFilter, NodeAffinityFilter, NodePorts, NodeResourcesFitFilter,
];
/** The score plugins that need no cluster-wide view. */
export const DEFAULT_SCORE_PLUGINS: readonly ScorePlugin[] = [TaintTolerationScore, NodeAffinityScore, NodeResourcesFitScore, NodeResourcesBalancedAllocation];

export interface Profile {
  filters: readonly FilterPlugin[];
  scores: readonly ScorePlugin[];
}

/** The full default profile over a scheduler's snapshot and listers. */
export function createDefaultProfile(h: FrameworkHandle): Profile {
  return {
    filters: [
      NodeUnschedulable, NodeName, TaintTolerationFilter, NodeAffinityFilter, NodePorts, NodeResourcesFitFilter,
      createPodTopologySpreadFilter(h), createInterPodAffinityFilter(h),
    ],
    scores: [
      TaintTolerationScore, NodeAffinityScore, NodeResourcesFitScore, createPodTopologySpreadScore(h), createInterPodAffinityScore(h),
      NodeResourcesBalancedAllocation, createImageLocality(h),
    ],
  };
}
