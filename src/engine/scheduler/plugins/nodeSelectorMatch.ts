/**
 * Node selector terms as the scheduler evaluates them. Mirrors
 * k8s.io/component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go (NodeSelector,
 * nodeSelectorTerm, PreferredSchedulingTerms) and apimachinery labels.Requirement.Matches
 * (In, NotIn, Exists, DoesNotExist, Gt, Lt).
 */
import type { V1Node } from '../types.ts';

export interface NodeSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}
export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

/** labels.Requirement.Matches for one requirement. Gt/Lt compare base-10 integers. */
export function requirementMatches(r: NodeSelectorRequirement, labels: Record<string, string> | undefined): boolean {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
  const v = has ? labels![r.key]! : '';
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return has && values.includes(v);
    case 'NotIn':
      return !has || !values.includes(v);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      if (!has || values.length !== 1) return false;
      if (!/^-?\d+$/.test(v) || !/^-?\d+$/.test(values[0]!)) return false;
      const a = BigInt(v);
      const b = BigInt(values[0]!);
      return r.operator === 'Gt' ? a > b : a < b;
    }
    default:
      return false;
  }
}

/** A term matches when all its expressions (labels) and fields (only metadata.name) match; an empty term matches nothing. */
export function termMatches(t: NodeSelectorTerm, node: V1Node): boolean {
  const exprs = t.matchExpressions ?? [];
  const fields = t.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata.labels;
  for (const r of exprs) if (!requirementMatches(r, labels)) return false;
  for (const r of fields) {
    if (r.key !== 'metadata.name') return false;
    if (!requirementMatches(r, { 'metadata.name': node.metadata.name })) return false;
  }
  return true;
}

/** NodeSelector.Match: the terms are ORed. */
export function termsMatch(terms: readonly NodeSelectorTerm[], node: V1Node): boolean {
  for (const t of terms) if (termMatches(t, node)) return true;
  return false;
}
