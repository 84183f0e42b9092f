/** Mirrors pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go. */
import { defaultNormalizeScore, MAX_NODE_SCORE, toleratesAny, type FilterPlugin, type ScorePlugin } from '../framework.ts';
import type { Toleration } from '../types.ts';

const NAME = 'TaintToleration';

export const TaintTolerationFilter: FilterPlugin = {
  name: NAME,
  passesPlainNodes: true,
  filter(pod, node) {
    // Only NoSchedule and NoExecute keep a pod off a node (FindMatchingUntoleratedTaint filter).
    const taints = node.hardTaints;
    if (taints.length === 0) return null;
    for (const taint of taints) {
      if (!toleratesAny(pod.tolerations, taint)) {
        return {
          code: 'UnschedulableAndUnresolvable',
          reasons: [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`],
          plugin: NAME,
        };
      }
    }
    return null;
  },
};

/** PreScore: the pod's tolerations that can tolerate PreferNoSchedule (empty effect or that one). */
function preferNoScheduleTolerations(tolerations: readonly Toleration[]): Toleration[] {
  return tolerations.filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
}

export const TaintTolerationScore: ScorePlugin = {
  name: NAME,
  weight: 3,
  preScore(pod) {
    pod.state.set(NAME, preferNoScheduleTolerations(pod.tolerations));
  },
  /** countIntolerableTaintsPreferNoSchedule: lower is better, hence reverse normalization. */
  score(pod, node) {
    const taints = node.preferNoScheduleTaints;
    if (taints.length === 0) return 0;
    const tols = (pod.state.get(NAME) as Toleration[] | undefined) ?? preferNoScheduleTolerations(pod.tolerations);
    let n = 0;
    for (const taint of taints) if (!toleratesAny(tols, taint)) n++;
    return n;
  },
  normalizeScore(_pod, scores, n) {
    defaultNormalizeScore(MAX_NODE_SCORE, true, scores, n);
  },
};
