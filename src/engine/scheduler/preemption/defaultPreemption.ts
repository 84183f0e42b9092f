/**
 * DefaultPreemption, the PostFilter plugin: when no node fits, find a node where evicting
 * lower-priority pods would make room, evict them and nominate the node.
 * Mirrors pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go (PostFilter,
 * PodEligibleToPreemptOthers, GetOffsetAndNumCandidates) and framework/preemption/preemption.go
 * (Evaluator.Preempt, findCandidates, DryRunPreemption, SelectCandidate, prepareCandidate,
 * PreemptPod, getLowerPriorityNominatedPods). Victim choice is in victims.ts, the node choice in
 * pickOne.ts.
 */
import type { ComponentContext, EventRecorder, Informer, Rng, VirtualClock } from '../../component.ts';
import type { SchedulerCache } from '../cache.ts';
import { ErrNoPreemptionVictims, ErrPreemptionNotHelpful, fitErrorMessage, type NodeStatus } from '../fitError.ts';
import type { FilterPlugin, FilterStatus, PodInfo } from '../framework.ts';
import type { NodeInfo } from '../nodeInfo.ts';
import { podKey, type V1Pod } from '../types.ts';
import { Nominator } from './nominator.ts';
import { pickOneNodeForPreemption } from './pickOne.ts';
import { isPreemptionAllowed, podPriority, selectVictimsOnNode, snapshotNodeInfo, type PDB, type Victims } from './victims.ts';

/** DefaultPreemptionArgs defaults (config/v1/defaults.go). */
export const MIN_CANDIDATE_NODES_PERCENTAGE = 10;
export const MIN_CANDIDATE_NODES_ABSOLUTE = 100;

export interface PreemptionDeps {
  cache: SchedulerCache;
  /** The profile's filter plugins (victim selection re-runs them with pods removed). */
  filters: readonly FilterPlugin[];
  clock: VirtualClock;
  /** The scheduler's REST client (DELETE victims, PATCH status.nominatedNodeName). */
  request: ComponentContext['request'];
  recorder: EventRecorder;
  userAgent: string;
  /** The scheduler's shared informers: PodDisruptionBudgets are read through one (PdbLister). */
  informer?: ComponentContext['informer'];
  /** PDBs to respect, instead of an informer (tests). Without both, no PDB is known. */
  pdbs?: () => Iterable<PDB>;
  /** GetOffsetAndNumCandidates' random start (rand.Int31n); offset 0 without it. */
  rand?: Rng;
  /**
   * When true, the scheduler writes status.nominatedNodeName itself, in the same status PATCH
   * as PodScheduled=False (upstream updatePod with the PostFilterResult's NominatingInfo).
   * Otherwise this module PATCHes it on its own.
   */
  nominationInUpdatePod?: boolean;
}

/** What PostFilter returns to scheduleOne. */
export interface PostFilterResult {
  /** The `preemption: …` suffix of the FailedScheduling message ('' when none). */
  message: string;
  /**
   * NominatingInfo (ModeOverride) when set: the node the pod now waits for after its victims
   * were evicted, or '' to clear a stale nomination. Undefined leaves status.nominatedNodeName
   * as it is (ModeNoop).
   */
  nominatedNodeName?: string;
  /** The evicted pods (`namespace/name`), for the explanation and the UI. */
  victims?: string[];
}

export interface DefaultPreemption {
  postFilter(pod: PodInfo, statuses: readonly NodeStatus[], causeId?: number): PostFilterResult;
  /**
   * The nominator: pods waiting for `node` after preempting there. scheduleOne's Filter should
   * count those of equal or higher priority (runFilterPluginsWithNominatedPods in nominator.ts).
   */
  nominatedPodsForNode(node: string): V1Pod[];
  /** Pods currently nominated anywhere (0 lets scheduleOne skip the nominated-pods pass). */
  nominatedCount(): number;
}

const NO_VICTIMS: FilterStatus = { code: 'UnschedulableAndUnresolvable', reasons: [ErrNoPreemptionVictims], plugin: 'DefaultPreemption' };
const ABSENT_NODE_STATUS: FilterStatus = { code: 'UnschedulableAndUnresolvable', reasons: [], plugin: '' };

/** calculateNumCandidates: 10% of the potential nodes, at least 100, at most all of them. */
export function calculateNumCandidates(numNodes: number): number {
  let n = Math.trunc((numNodes * MIN_CANDIDATE_NODES_PERCENTAGE) / 100);
  if (n < MIN_CANDIDATE_NODES_ABSOLUTE) n = MIN_CANDIDATE_NODES_ABSOLUTE;
  return n > numNodes ? numNodes : n;
}

/** podTerminatingByPreemption: being deleted, with DisruptionTarget=True from the scheduler. */
export function podTerminatingByPreemption(p: V1Pod): boolean {
  if (!p.metadata.deletionTimestamp) return false;
  for (const c of p.status?.conditions ?? []) {
    if (c.type === 'DisruptionTarget') return c.status === 'True' && c.reason === 'PreemptionByScheduler';
  }
  return false;
}

/**
 * PodEligibleToPreemptOthers: preemptionPolicy Never never preempts; a pod already nominated
 * to a node where its earlier victims are still terminating waits for them instead of
 * preempting more (unless the nominated node became UnschedulableAndUnresolvable).
 */
export function podEligibleToPreemptOthers(
  pi: PodInfo,
  nominatedNodeStatus: FilterStatus | undefined,
  nodeInfo: (name: string) => NodeInfo | undefined,
): { ok: boolean; msg: string } {
  const pod = pi.pod;
  if (pod.spec?.preemptionPolicy === 'Never') return { ok: false, msg: 'not eligible due to preemptionPolicy=Never.' };
  const nom = pod.status?.nominatedNodeName;
  if (nom) {
    if (nominatedNodeStatus?.code === 'UnschedulableAndUnresolvable') return { ok: true, msg: '' };
    const ni = nodeInfo(nom);
    if (ni) {
      for (const p of ni.pods.values()) {
        if (isPreemptionAllowed(p, pi) && podTerminatingByPreemption(p)) {
          return { ok: false, msg: 'not eligible due to a terminating pod on the nominated node.' };
        }
      }
    }
  }
  return { ok: true, msg: '' };
}

export function createDefaultPreemption(deps: PreemptionDeps): DefaultPreemption {
  // Informers are looked up on first use: the scheduler and the controllers create theirs first,
  // and the first caller of a shared informer decides which deliveries are traced.
  let pdbInformer: Informer | undefined;
  const listPDBs = (): PDB[] => {
    if (deps.pdbs) return [...deps.pdbs()];
    if (!deps.informer) return [];
    return (pdbInformer ??= deps.informer('/apis/policy/v1/poddisruptionbudgets')).list() as unknown as PDB[];
  };
  let podInformer: Informer<V1Pod> | undefined;
  const latestPod = (key: string): V1Pod | undefined => {
    if (deps.informer) return (podInformer ??= deps.informer<V1Pod>('/api/v1/pods')).get(key);
    const [ns, name] = key.split('/');
    const res = deps.request({ verb: 'GET', path: `/api/v1/namespaces/${ns}/pods/${name}`, userAgent: deps.userAgent, quiet: true });
    return res.code === 200 ? (res.body as V1Pod) : undefined;
  };
  /** Pods this scheduler nominated, until they are bound, deleted or un-nominated. */
  const nominator = new Nominator((key) => {
    const p = latestPod(key);
    return p?.metadata && !p.spec?.nodeName && !p.metadata.deletionTimestamp ? p : undefined;
  });

  function patchStatus(ns: string, name: string, status: Record<string, unknown>, causeId?: number) {
    return deps.request({
      verb: 'PATCH',
      path: `/api/v1/namespaces/${ns}/pods/${name}/status`,
      body: { status },
      patchType: 'application/merge-patch+json',
      causeId,
      userAgent: deps.userAgent,
    });
  }

  /** util.ClearNominatedNodeName. */
  function clearNomination(pod: { metadata: { namespace?: string; name: string }; status?: { nominatedNodeName?: string } }, causeId?: number): void {
    const ns = pod.metadata.namespace ?? 'default';
    nominator.delete(`${ns}/${pod.metadata.name}`);
    if (!pod.status?.nominatedNodeName) return;
    patchStatus(ns, pod.metadata.name, { nominatedNodeName: null }, causeId);
  }

  /** DryRunPreemption: candidates (non-violating first) and each rejected node's status. */
  function dryRunPreemption(pi: PodInfo, potential: NodeInfo[], pdbs: PDB[], offset: number, numCandidates: number) {
    const nowMs = deps.clock.nowMs();
    const nonViolating: [string, Victims][] = [];
    const violating: [string, Victims][] = [];
    const nodeStatuses: NodeStatus[] = [];
    for (let i = 0; i < potential.length; i++) {
      const ni = potential[(offset + i) % potential.length]!;
      // Cheap exit before copying the node (a failing pod at scale meets thousands of full nodes).
      if (!ni.hasLowerPriorityPod(pi.priority)) {
        nodeStatuses.push({ node: ni.name, status: NO_VICTIMS });
        continue;
      }
      const r = selectVictimsOnNode(pi, snapshotNodeInfo(ni), deps.filters, pdbs, nowMs, nominator.nominatedPodsForNode(ni.name));
      if (r.status === null && r.victims.length) {
        (r.numPDBViolations === 0 ? nonViolating : violating).push([ni.name, { pods: r.victims, numPDBViolations: r.numPDBViolations }]);
        if (nonViolating.length > 0 && nonViolating.length + violating.length >= numCandidates) break;
        continue;
      }
      nodeStatuses.push({ node: ni.name, status: r.status ?? { code: 'Error', reasons: [`expected at least one victim pod on node "${ni.name}"`], plugin: 'DefaultPreemption' } });
    }
    return { candidates: new Map([...nonViolating, ...violating]), nodeStatuses };
  }

  /** PreemptPod: DisruptionTarget condition, DELETE (graceful), Normal Preempted event. */
  function preemptPod(preemptor: V1Pod, victim: V1Pod, node: string, causeId?: number): void {
    const ns = victim.metadata.namespace ?? 'default';
    const name = victim.metadata.name;
    const conds = victim.status?.conditions ?? [];
    const cur = conds.find((c) => c.type === 'DisruptionTarget');
    const message = `${preemptor.spec?.schedulerName ?? 'default-scheduler'}: preempting to accommodate a higher priority pod`;
    if (!cur || cur.status !== 'True' || cur.reason !== 'PreemptionByScheduler' || cur.message !== message) {
      const cond = {
        type: 'DisruptionTarget', status: 'True', lastProbeTime: null,
        lastTransitionTime: cur && cur.status === 'True' ? cur.lastTransitionTime : deps.clock.timestamp(),
        reason: 'PreemptionByScheduler', message,
      };
      const res = patchStatus(ns, name, { conditions: [...conds.filter((c) => c.type !== 'DisruptionTarget'), cond] }, causeId);
      if (res.code === 404) return;
    }
    const del = deps.request({ verb: 'DELETE', path: `/api/v1/namespaces/${ns}/pods/${name}`, causeId, userAgent: deps.userAgent });
    if (del.code === 404) return;
    deps.recorder.event(victim, 'Normal', 'Preempted', `Preempted by pod ${preemptor.metadata.uid ?? ''} on node ${node}`);
  }

  return {
    postFilter(pi, statuses, causeId) {
      const pod = pi.pod;
      const ns = pod.metadata.namespace ?? 'default';
      const nodeInfo = (n: string) => deps.cache.getNode(n);
      const nom = pod.status?.nominatedNodeName;
      // NodeToStatus.Get: a node absent from the diagnosis reads as UnschedulableAndUnresolvable.
      const nominatedNodeStatus = nom ? (statuses.find((s) => s.node === nom)?.status ?? ABSENT_NODE_STATUS) : undefined;

      // 1) Ensure the preemptor is eligible to preempt other pods.
      const elig = podEligibleToPreemptOthers(pi, nominatedNodeStatus, nodeInfo);
      if (!elig.ok) return { message: `preemption: ${elig.msg}` };

      // 2) Find all preemption candidates: nodes a filter rejected as Unschedulable
      // (UnschedulableAndUnresolvable ones — taints, affinity, nodeName — cannot be helped).
      const numAllNodes = deps.cache.nodeCount();
      const potential: NodeInfo[] = [];
      for (const s of statuses) {
        if (s.status.code !== 'Unschedulable') continue;
        const ni = nodeInfo(s.node);
        if (ni) potential.push(ni);
      }
      let candidates = new Map<string, Victims>();
      let nodeStatuses: NodeStatus[] = [];
      // No potential node: preemption will not help anywhere (the stale nomination is dropped below).
      if (potential.length > 0) {
        const offset = deps.rand ? deps.rand.int(potential.length) : 0;
        ({ candidates, nodeStatuses } = dryRunPreemption(pi, potential, listPDBs(), offset, calculateNumCandidates(potential.length)));
      }

      // No candidate: a FitError over all nodes, the ones not tried being "not helpful".
      if (candidates.size === 0) {
        const all: NodeStatus[] = [...nodeStatuses];
        const notHelpful: FilterStatus = { code: 'UnschedulableAndUnresolvable', reasons: [ErrPreemptionNotHelpful], plugin: 'DefaultPreemption' };
        for (let i = nodeStatuses.length; i < numAllNodes; i++) all.push({ node: '', status: notHelpful });
        // NewPostFilterResultWithNominatedNode(""): a stale nomination is cleared.
        nominator.delete(pi.key);
        if (!deps.nominationInUpdatePod && nom) clearNomination(pod, causeId);
        return { message: `preemption: ${fitErrorMessage(numAllNodes, all)}`, nominatedNodeName: '' };
      }

      // 4) Find the best candidate.
      const best = pickOneNodeForPreemption(candidates, deps.clock.nowMs());
      const victims = candidates.get(best)!.pods;

      // 5) prepareCandidate: evict the victims, then un-nominate lower-priority pods waiting for
      // this node (they may no longer fit; clearing sends them back to look elsewhere).
      for (const v of victims) preemptPod(pod, v, best, causeId);
      for (const p of nominator.nominatedPodsForNode(best)) {
        if (podPriority(p) >= pi.priority || podKey(p) === pi.key) continue;
        clearNomination({ metadata: p.metadata, status: { nominatedNodeName: best } }, causeId);
      }
      nominator.add(pod, best);
      if (!deps.nominationInUpdatePod && nom !== best) patchStatus(ns, pod.metadata.name, { nominatedNodeName: best }, causeId);
      return { message: '', nominatedNodeName: best, victims: victims.map((v) => podKey(v)) };
    },
    nominatedPodsForNode: (node) => nominator.nominatedPodsForNode(node),
    nominatedCount: () => nominator.size(),
  };
}
