/**
 * Mirrors pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go: Filter on
 * spec.nodeSelector and requiredDuringSchedulingIgnoredDuringExecution, Score on the summed
 * weights of matching preferred terms, normalized with DefaultNormalizeScore(100, false).
 */
import { defaultNormalizeScore, MAX_NODE_SCORE, SKIP, type FilterPlugin, type FilterStatus, type PodInfo, type ScorePlugin } from '../framework.ts';
import type { V1Node, V1Pod } from '../types.ts';
import { termMatches, termsMatch, type NodeSelectorTerm } from './nodeSelectorMatch.ts';

const NAME = 'NodeAffinity';
export const ErrReasonPod = "node(s) didn't match Pod's node affinity/selector";
const REJECT: FilterStatus = { code: 'UnschedulableAndUnresolvable', reasons: [ErrReasonPod], plugin: NAME };

interface Required {
  selector: [string, string][];
  terms: NodeSelectorTerm[] | undefined;
}

function required(pod: V1Pod): Required | undefined {
  const sel = pod.spec?.nodeSelector;
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms as NodeSelectorTerm[] | undefined;
  const entries = sel ? Object.entries(sel) : [];
  if (entries.length === 0 && terms === undefined) return undefined;
  return { selector: entries, terms };
}

/** GetRequiredNodeAffinity(pod).Match(node): nodeSelector AND the required terms. */
export function requiredNodeAffinityMatches(pod: V1Pod, node: V1Node): boolean {
  const r = required(pod);
  return r === undefined || matches(r, node);
}

function matches(r: Required, node: V1Node): boolean {
  const labels = node.metadata.labels;
  for (const [k, v] of r.selector) if (labels?.[k] !== v) return false;
  return r.terms === undefined || termsMatch(r.terms, node);
}

export const NodeAffinityFilter: FilterPlugin = {
  name: NAME,
  preFilter(pod) {
    const r = required(pod.pod);
    if (!r) return SKIP;
    pod.state.set(NAME, r);
    return null;
  },
  filter(pod, node) {
    const r = (pod.state.get(NAME) as Required | undefined) ?? required(pod.pod);
    if (!r) return null;
    return matches(r, node.node) ? null : REJECT;
  },
};

interface Preferred {
  weight: number;
  preference: NodeSelectorTerm;
}
const PREFERRED = NAME + '/preferred';

export const NodeAffinityScore: ScorePlugin = {
  name: NAME,
  weight: 2,
  preScore(pod: PodInfo) {
    const terms = (pod.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) as Preferred[];
    if (terms.length === 0) return false;
    pod.state.set(PREFERRED, terms);
    return true;
  },
  /** Sum of the weights of the preferred terms the node matches (weight 0 terms are ignored). */
  score(pod, node) {
    const terms = (pod.state.get(PREFERRED) as Preferred[] | undefined) ?? [];
    let s = 0;
    for (const t of terms) if (t.weight !== 0 && termMatches(t.preference, node.node)) s += t.weight;
    return s;
  },
  normalizeScore(_pod, scores, n) {
    defaultNormalizeScore(MAX_NODE_SCORE, false, scores, n);
  },
};
