/**
 * DefaultPreemption, the PostFilter plugin: when no node fits, find a node where evicting
 * lower-priority pods would make room, evict them and nominate the node.
 * Mirrors pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go and
 * framework/preemption/preemption.go (Evaluator.Preempt, SelectVictimsOnNode,
 * pickOneNodeForPreemption, prepareCandidate).
 *
 * CONTRACT STUB: today it only writes the "no preemption possible" message (fitError.ts).
 */
import type { EventRecorder, VirtualClock, ComponentContext } from '../../component.ts';
import type { SchedulerCache } from '../cache.ts';
import { preemptionMessage, type NodeStatus } from '../fitError.ts';
import type { FilterPlugin, PodInfo } from '../framework.ts';

export interface PreemptionDeps {
  cache: SchedulerCache;
  /** The profile's filter plugins (victim selection re-runs them with pods removed). */
  filters: readonly FilterPlugin[];
  clock: VirtualClock;
  /** The scheduler's REST client (DELETE victims, PATCH status.nominatedNodeName). */
  request: ComponentContext['request'];
  recorder: EventRecorder;
  userAgent: string;
}

/** What PostFilter returns to scheduleOne. */
export interface PostFilterResult {
  /** The `preemption: …` suffix of the FailedScheduling message ('' when none). */
  message: string;
  /** Set when victims were evicted: the pod waits for this node (status.nominatedNodeName). */
  nominatedNodeName?: string;
}

export interface DefaultPreemption {
  postFilter(pod: PodInfo, statuses: readonly NodeStatus[], causeId?: number): PostFilterResult;
}

export function createDefaultPreemption(deps: PreemptionDeps): DefaultPreemption {
  return {
    postFilter(pi, statuses) {
      return {
        message: preemptionMessage({ priority: pi.priority, preemptionPolicy: pi.pod.spec?.preemptionPolicy }, statuses, (n) => deps.cache.getNode(n)),
      };
    },
  };
}
