/**
 * Victim selection on one node: which lower-priority pods must go for the preemptor to fit.
 * Mirrors pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go
 * (SelectVictimsOnNode, isPreemptionAllowed, filterPodsWithPDBViolation) and
 * pkg/scheduler/util/utils.go (MoreImportantPod, GetPodStartTime).
 */
import { labelSelectorFromObject, matchesLabels } from '../../api/selectors.ts';
import type { FilterPlugin, FilterStatus, PodInfo } from '../framework.ts';
import { NodeInfo, podResources } from '../nodeInfo.ts';
import { podKey, type V1Pod } from '../types.ts';
import { ErrNoPreemptionVictims } from '../fitError.ts';
import { runFilterPluginsWithNominatedPods } from './nominator.ts';

/** The parts of a policy/v1 PodDisruptionBudget preemption reads. */
export interface PDB {
  metadata: { name: string; namespace?: string };
  spec?: { selector?: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] } };
  status?: { disruptionsAllowed?: number; disruptedPods?: Record<string, string> };
}

/** extenderv1.Victims: the pods to evict (highest priority first) and how many break a PDB. */
export interface Victims {
  pods: V1Pod[];
  numPDBViolations: number;
}

/** corev1helpers.PodPriority. */
export function podPriority(pod: V1Pod): number {
  return pod.spec?.priority ?? 0;
}

/** util.GetPodStartTime: status.startTime, or "now" for a pod that has not started. */
export function podStartTime(pod: V1Pod, nowMs: number): number {
  const t = pod.status?.startTime;
  const ms = t ? Date.parse(t) : NaN;
  return Number.isNaN(ms) ? nowMs : ms;
}

/** util.MoreImportantPod: higher priority first, then the one that started earlier. */
export function moreImportantPod(a: V1Pod, b: V1Pod, nowMs: number): boolean {
  const pa = podPriority(a);
  const pb = podPriority(b);
  if (pa !== pb) return pa > pb;
  return podStartTime(a, nowMs) < podStartTime(b, nowMs);
}

/** isPreemptionAllowed: the victim must have a strictly lower priority (IsEligiblePod is always true). */
export function isPreemptionAllowed(victim: V1Pod, preemptor: { priority: number }): boolean {
  return podPriority(victim) < preemptor.priority;
}

/**
 * filterPodsWithPDBViolation: walks the pods in order, spending each matching PDB's
 * disruptionsAllowed; a pod that takes a budget below zero is "violating". Pods already listed
 * in a PDB's disruptedPods were counted by the apiserver and spend nothing.
 */
export function filterPodsWithPDBViolation(pods: readonly V1Pod[], pdbs: readonly PDB[]): { violating: V1Pod[]; nonViolating: V1Pod[] } {
  const allowed = pdbs.map((p) => p.status?.disruptionsAllowed ?? 0);
  const selectors = pdbs.map((p) => (p.spec?.selector ? labelSelectorFromObject(p.spec.selector) : []));
  const violating: V1Pod[] = [];
  const nonViolating: V1Pod[] = [];
  for (const pod of pods) {
    let violated = false;
    const labels = pod.metadata.labels;
    // A pod with no labels matches no PDB.
    if (labels && Object.keys(labels).length) {
      for (let i = 0; i < pdbs.length; i++) {
        const pdb = pdbs[i]!;
        if ((pdb.metadata.namespace ?? 'default') !== (pod.metadata.namespace ?? 'default')) continue;
        // A nil or empty selector matches nothing (policy/v1).
        if (selectors[i]!.length === 0 || !matchesLabels(selectors[i]!, labels)) continue;
        if (pdb.status?.disruptedPods?.[pod.metadata.name] !== undefined) continue;
        allowed[i]!--;
        if (allowed[i]! < 0) violated = true;
      }
    }
    (violated ? violating : nonViolating).push(pod);
  }
  return { violating, nonViolating };
}

/** NodeInfo.Snapshot(): a private copy the dry run may add pods to and remove pods from. */
export function snapshotNodeInfo(ni: NodeInfo): NodeInfo {
  const copy = new NodeInfo(ni.node);
  for (const [key, pod] of ni.pods) {
    copy.addPod(podResources(pod));
    copy.pods.set(key, pod);
  }
  return copy;
}

export interface SelectVictimsResult {
  victims: V1Pod[];
  numPDBViolations: number;
  /** null on success; otherwise why this node cannot be a candidate. */
  status: FilterStatus | null;
}

/**
 * SelectVictimsOnNode: remove every lower-priority pod, check that the preemptor fits, then add
 * pods back ("reprieve") highest priority first — PDB-violating ones before the others — keeping
 * each one that still lets the preemptor fit. What could not be reprieved are the victims.
 * Filters run with the node's equal-or-higher-priority `nominated` pods counted.
 * `ni` must be a private snapshot: it is modified.
 */
export function selectVictimsOnNode(
  pi: PodInfo,
  ni: NodeInfo,
  filters: readonly FilterPlugin[],
  pdbs: readonly PDB[],
  nowMs: number,
  nominated: readonly V1Pod[] = [],
): SelectVictimsResult {
  const fits = () => runFilterPluginsWithNominatedPods(pi, ni, filters, nominated);
  const potential: V1Pod[] = [];
  const removePod = (p: V1Pod) => {
    ni.removePod(podResources(p));
    ni.pods.delete(podKey(p));
  };
  const addPod = (p: V1Pod) => {
    ni.addPod(podResources(p));
    ni.pods.set(podKey(p), p);
  };
  for (const p of [...ni.pods.values()]) {
    if (isPreemptionAllowed(p, pi)) {
      potential.push(p);
      removePod(p);
    }
  }
  if (potential.length === 0) {
    return { victims: [], numPDBViolations: 0, status: { code: 'UnschedulableAndUnresolvable', reasons: [ErrNoPreemptionVictims], plugin: 'DefaultPreemption' } };
  }
  // Not fitting even with every lower-priority pod gone: this node is no candidate.
  const st = fits();
  if (st) return { victims: [], numPDBViolations: 0, status: st };
  potential.sort((a, b) => (moreImportantPod(a, b, nowMs) ? -1 : moreImportantPod(b, a, nowMs) ? 1 : 0));
  const { violating, nonViolating } = filterPodsWithPDBViolation(potential, pdbs);
  const victims: V1Pod[] = [];
  const reprieve = (p: V1Pod): boolean => {
    addPod(p);
    if (fits() !== null) {
      removePod(p);
      victims.push(p);
      return false;
    }
    return true;
  };
  let numPDBViolations = 0;
  for (const p of violating) if (!reprieve(p)) numPDBViolations++;
  for (const p of nonViolating) reprieve(p);
  if (violating.length && nonViolating.length) {
    victims.sort((a, b) => (moreImportantPod(a, b, nowMs) ? -1 : moreImportantPod(b, a, nowMs) ? 1 : 0));
  }
  return { victims, numPDBViolations, status: null };
}
