/**
 * kube-scheduler: watches pods without a node, picks one with the framework's Filter and Score
 * plugins, and binds. Mirrors pkg/scheduler/scheduler.go, eventhandlers.go and schedule_one.go
 * (scheduleOne, handleSchedulingFailure, bind).
 */
import type { ComponentContext, Rng } from '../component.ts';
import { labelSelectorFromObject, matchesLabels, type LabelSelector } from '../api/selectors.ts';
import type { WatchEvent } from '../apiserver/types.ts';
import type { KubeObject } from '../types.ts';
import { SchedulerCache } from './cache.ts';
import { ExplanationLog } from './explanations.ts';
import { ErrNoNodesAvailable, fitErrorMessage } from './fitError.ts';
import { createDefaultPreemption } from './preemption/defaultPreemption.ts';
import type { FilterPlugin, FrameworkHandle, ScorePlugin } from './framework.ts';
import { createDefaultProfile } from './plugins/index.ts';
import { SchedulingQueue, type QueuedPodInfo } from './queue.ts';
import { Scheduler1, type SchedulingExplanation } from './scheduleOne.ts';
import { podKey, type V1Node, type V1Pod } from './types.ts';

export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';
const USER_AGENT = 'kube-scheduler/v1.34.0';
/** Per-node rows kept in an explanation: every node on teaching-size clusters, the best 10 beyond. */
function explanationDetail(nodes: number): number {
  return nodes <= 100 ? Infinity : 10;
}

/** Dry runs (a pinned pod's fresh explanation) must not consume the cluster's random stream. */
const DRY_RUN_RAND: Rng = { next: () => 0, int: () => 0, suffix: (n) => 'b'.repeat(n), fork: () => DRY_RUN_RAND };

interface Selectable {
  metadata: { namespace?: string };
  spec?: { selector?: unknown };
}

export interface SchedulerHandle {
  /** The latest scheduling attempt for `namespace/name` ("why this node"). */
  explain(podKey: string): SchedulingExplanation | undefined;
  recentAttempts(): SchedulingExplanation[];
  /** Pods waiting in the queue (active, backing off or unschedulable). */
  pendingCount(): number;
  /**
   * Keep every attempt of this pod in full detail (every node, every plugin) while it is
   * selected in the UI; `undefined` unpins. Other pods' older attempts are compacted.
   */
  pin(podKey: string | undefined): void;
}

export interface SchedulerOptions {
  filters?: readonly FilterPlugin[];
  scores?: readonly ScorePlugin[];
}

function isTerminal(pod: V1Pod): boolean {
  const p = pod.status?.phase;
  return p === 'Succeeded' || p === 'Failed';
}

function responsible(pod: V1Pod): boolean {
  return (pod.spec?.schedulerName ?? DEFAULT_SCHEDULER_NAME) === DEFAULT_SCHEDULER_NAME;
}

/** SchedulingGates PreEnqueue: a gated pod waits outside the active queue until its gates go. */
function ungated(pod: V1Pod): boolean {
  return !pod.spec?.schedulingGates?.length;
}

function objectRef(pod: V1Pod): string {
  return `Pod/${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
}

/**
 * Starts the default scheduler. Returns a handle for the UI's "why this node" (callers that
 * expect `void` may ignore it).
 */
export function startScheduler(ctx: ComponentContext, opts: SchedulerOptions = {}): SchedulerHandle {
  const rand = ctx.rand;
  const recorder = ctx.recorder({ component: DEFAULT_SCHEDULER_NAME });
  const cache = new SchedulerCache();
  // Listers for helper.DefaultSelector (PodTopologySpread's system defaults) and namespaceSelector.
  const quiet = { traced: () => false };
  const services = ctx.informer<KubeObject & Selectable>('/api/v1/services', undefined, quiet);
  const replicaSets = ctx.informer<KubeObject & Selectable>('/apis/apps/v1/replicasets', undefined, quiet);
  const namespaces = ctx.informer<KubeObject>('/api/v1/namespaces', undefined, quiet);
  const handle: FrameworkHandle = {
    nodes: () => cache.list(),
    getNode: (n) => cache.getNode(n),
    imageNumNodes: (i) => cache.imageNumNodes(i),
    podsWithAffinity: () => cache.podsWithAffinity(),
    podsWithRequiredAntiAffinity: () => cache.podsWithRequiredAntiAffinity(),
    namespaceLabels: (ns) => namespaces.get(ns)?.metadata.labels ?? (namespaces.get(ns) ? {} : undefined),
    defaultSelector: (pod) => defaultSelector(pod, services.list(), replicaSets.list()),
  };
  const profile = createDefaultProfile(handle);
  const filters = opts.filters ?? profile.filters;
  const scores = opts.scores ?? profile.scores;
  const algo = new Scheduler1(cache, handle);
  const dryRun = new Scheduler1(cache, handle);
  const log = new ExplanationLog();
  let pinned: string | undefined;
  const preemption = createDefaultPreemption({
    cache, filters, clock: ctx.clock, request: ctx.request, recorder, userAgent: USER_AGENT,
    informer: ctx.informer, rand: ctx.rand.fork('preemption'),
  });
  const nominated = (node: string) => preemption.nominatedPodsForNode(node);
  /** The watch span that brought each pending pod, so the bind can name it as its cause. */
  const causes = new Map<string, number>();
  let draining = false;
  const queue = new SchedulingQueue(ctx.clock, () => {
    if (draining) return;
    draining = true;
    ctx.clock.after(0, drain);
  });

  function drain(): void {
    for (let q = queue.pop(); q; q = queue.pop()) scheduleOne(q);
    draining = false;
  }

  /**
   * Queue a pending pod. The informer already traced the watch hop (apiserver → scheduler); its
   * span is the cause of the bind. A fake or muted informer gives no span: trace one ourselves.
   */
  function enqueue(pod: V1Pod, ev?: WatchEvent<V1Pod>): void {
    const key = podKey(pod);
    if (!queue.get(key)) {
      let cause = ev?.spanId;
      if (cause === undefined) {
        const ns = pod.metadata.namespace ?? 'default';
        cause = ctx.trace({
          from: 'apiserver', to: 'scheduler', verb: ev?.type ?? 'ADDED', object: objectRef(pod), kind: 'watchPodUnscheduled', duration: 0,
          args: { pod: pod.metadata.name, namespace: ns },
          summary: `The scheduler sees pod ${ns}/${pod.metadata.name}, which has no node yet.`,
        }).id;
      }
      if (cause) causes.set(key, cause);
    }
    queue.add(pod);
  }

  function scheduleOne(q: QueuedPodInfo): void {
    const pod = q.pod;
    const pi = algo.podInfo(pod);
    const res = algo.schedule(pi, {
      filters, scores, rand, now: ctx.clock.now(), attempt: q.attempts,
      detail: q.key === pinned ? Infinity : explanationDetail(cache.nodeCount()),
      nominated: preemption.nominatedCount() > 0 ? nominated : undefined,
    });
    const expl = res.explanation;
    if (res.selected) {
      cache.assumePod(pod, res.selected, { requested: pi.requests, nonZero: pi.nonZero, priority: pi.priority });
      log.add(expl);
      bind(q, res.selected, expl);
      return;
    }
    let message: string;
    if (res.numAllNodes === 0) message = ErrNoNodesAvailable;
    else {
      const post = preemption.postFilter(pi, res.statuses, causes.get(q.key));
      message = fitErrorMessage(res.numAllNodes, res.statuses, post.message, res.preFilterMsg);
    }
    expl.message = message;
    log.add(expl);
    traceFailure(q, expl, message);
    handleSchedulingFailure(q, 'Unschedulable', message);
  }

  /** A failed attempt is a hop of its own, so the UI can show why the pod is still Pending. */
  function traceFailure(q: QueuedPodInfo, expl: SchedulingExplanation, message: string): void {
    const ns = q.pod.metadata.namespace ?? 'default';
    const name = q.pod.metadata.name;
    ctx.trace({
      from: 'scheduler', to: 'scheduler', kind: 'schedulingFailed', verb: 'Schedule', object: objectRef(q.pod), duration: 0,
      args: { pod: name, namespace: ns, message },
      summary: `The scheduler found no node for pod ${ns}/${name}: ${message}`,
      payload: expl,
      causeId: causes.get(q.key),
    });
  }

  /** A full explanation for a pending pod right now, without touching the real attempt's state. */
  function explainNow(key: string): SchedulingExplanation | undefined {
    const q = queue.get(key);
    if (!q) return undefined;
    const pi = dryRun.podInfo(q.pod);
    const res = dryRun.schedule(pi, { filters, scores, rand: DRY_RUN_RAND, now: ctx.clock.now(), attempt: q.attempts, detail: Infinity });
    const expl = res.explanation;
    if (!res.selected) {
      const prev = log.forPod(key);
      expl.message = prev?.message ?? (res.numAllNodes === 0 ? ErrNoNodesAvailable : fitErrorMessage(res.numAllNodes, res.statuses, '', res.preFilterMsg));
    }
    return expl;
  }

  function bind(q: QueuedPodInfo, node: string, expl: SchedulingExplanation): void {
    const pod = q.pod;
    const ns = pod.metadata.namespace ?? 'default';
    const name = pod.metadata.name;
    const binding = {
      apiVersion: 'v1',
      kind: 'Binding',
      metadata: { name, namespace: ns, uid: pod.metadata.uid },
      target: { apiVersion: 'v1', kind: 'Node', name: node },
      // Not a Binding field (the API server ignores it): it rides along so the bind span's
      // payload can answer "why this node" (SchedulingExplanation).
      explanation: expl,
    };
    const resp = ctx.request({
      verb: 'POST',
      path: `/api/v1/namespaces/${ns}/pods/${name}/binding`,
      body: binding,
      causeId: causes.get(q.key),
      userAgent: USER_AGENT,
    });
    if (resp.code >= 300) {
      cache.forgetPod(pod);
      if (resp.code === 404) {
        queue.done(q.key);
        causes.delete(q.key);
        return;
      }
      const msg = (resp.body as { message?: string } | undefined)?.message ?? `binding rejected: ${resp.code}`;
      handleSchedulingFailure(q, 'SchedulerError', `running Bind plugin "DefaultBinder": ${msg}`, true);
      return;
    }
    queue.done(q.key);
    causes.delete(q.key);
    recorder.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${ns}/${name} to ${node}`);
  }

  function handleSchedulingFailure(q: QueuedPodInfo, reason: string, message: string, isError = false): void {
    const pod = q.pod;
    recorder.event(pod, 'Warning', 'FailedScheduling', truncateMessage(message));
    if (isError) queue.addBackoff(q);
    else queue.addUnschedulable(q);
    // updatePod: write PodScheduled=False only when it changes.
    const conds = pod.status?.conditions ?? [];
    const cur = conds.find((c) => c.type === 'PodScheduled');
    if (cur && cur.status === 'False' && cur.reason === reason && cur.message === message) return;
    const ns = pod.metadata.namespace ?? 'default';
    const cond = {
      type: 'PodScheduled', status: 'False', lastProbeTime: null,
      lastTransitionTime: cur && cur.status === 'False' ? cur.lastTransitionTime : ctx.clock.timestamp(),
      reason, message,
    };
    const conditions = [...conds.filter((c) => c.type !== 'PodScheduled'), cond];
    ctx.request({
      verb: 'PATCH',
      path: `/api/v1/namespaces/${ns}/pods/${pod.metadata.name}/status`,
      body: { status: { conditions } },
      patchType: 'application/merge-patch+json',
      causeId: causes.get(q.key),
      userAgent: USER_AGENT,
    });
  }

  // eventhandlers.go: addPodToCache / addPodToSchedulingQueue and friends.
  // Only "a new pod needs a node" is a hop in the story; the echoes of status writes (the
  // kubelet's, and our own PodScheduled=False) are real deliveries but would drown it.
  const pods = ctx.informer<V1Pod>('/api/v1/pods', undefined, {
    traced: (type, pod) => type === 'ADDED' && !pod.spec?.nodeName && responsible(pod) && !pod.metadata.deletionTimestamp,
  });
  pods.addEventHandler({
    add(pod, ev) {
      if (pod.spec?.nodeName) {
        if (!isTerminal(pod)) cache.addOrUpdatePod(pod);
      } else if (responsible(pod) && ungated(pod) && !isTerminal(pod) && !pod.metadata.deletionTimestamp) enqueue(pod, ev);
    },
    update(_old, pod, ev) {
      const key = podKey(pod);
      if (pod.spec?.nodeName) {
        if (queue.get(key)) queue.done(key);
        causes.delete(key);
        if (isTerminal(pod)) {
          cache.removePod(pod);
          queue.moveAllToActiveOrBackoffQueue();
        } else cache.addOrUpdatePod(pod);
      } else if (responsible(pod) && ungated(pod) && !isTerminal(pod) && !pod.metadata.deletionTimestamp) {
        if (queue.get(key)) queue.update(pod);
        else if (!cache.isAssumedOrBound(pod)) enqueue(pod, ev);
      } else if (queue.get(key)) queue.delete(pod);
    },
    delete(pod) {
      const key = podKey(pod);
      causes.delete(key);
      log.forget(key);
      if (queue.get(key)) queue.delete(pod);
      if (cache.isAssumedOrBound(pod)) {
        cache.removePod(pod);
        queue.moveAllToActiveOrBackoffQueue();
      }
    },
  });

  const nodes = ctx.informer<V1Node>('/api/v1/nodes', undefined, { traced: (type) => type === 'ADDED' });
  nodes.addEventHandler({
    add(node) {
      cache.upsertNode(node);
      queue.moveAllToActiveOrBackoffQueue();
    },
    update(_old, node) {
      if (cache.upsertNode(node)) queue.moveAllToActiveOrBackoffQueue();
    },
    delete(node) {
      cache.removeNode(node.metadata.name);
    },
  });
  // Informers may already hold objects (LIST before WATCH).
  for (const n of nodes.list()) cache.upsertNode(n);
  for (const p of pods.list()) {
    if (p.spec?.nodeName) {
      if (!isTerminal(p)) cache.addOrUpdatePod(p);
    } else if (responsible(p) && ungated(p) && !isTerminal(p) && !p.metadata.deletionTimestamp) enqueue(p);
  }

  return {
    explain: (key) => {
      const e = log.forPod(key);
      // A pinned pending pod whose last attempt was compacted: re-evaluate it in full.
      if (key === pinned && (!e || !e.full) && queue.get(key)) {
        const fresh = explainNow(key);
        if (fresh) {
          log.replace(key, fresh);
          return fresh;
        }
      }
      return e;
    },
    recentAttempts: () => log.recent(),
    pendingCount: () => queue.size(),
    pin: (key) => {
      pinned = key;
      log.pin(key);
    },
  };
}

/**
 * helper.DefaultSelector: the selectors of the Services and ReplicaSets in the pod's namespace
 * that select it, ANDed (ReplicationControllers and StatefulSets are not served here).
 */
export function defaultSelector(pod: V1Pod, services: readonly Selectable[], replicaSets: readonly Selectable[]): LabelSelector {
  const ns = pod.metadata.namespace ?? 'default';
  const labels = pod.metadata.labels ?? {};
  const set: Record<string, string> = {};
  let any = false;
  for (const s of services) {
    const sel = s.spec?.selector as Record<string, string> | undefined;
    if ((s.metadata.namespace ?? 'default') !== ns || !sel || Object.keys(sel).length === 0) continue;
    let ok = true;
    for (const k in sel) if (labels[k] !== sel[k]) ok = false;
    if (!ok) continue;
    for (const k in sel) set[k] = sel[k]!;
    any = true;
  }
  const out: LabelSelector = [];
  for (const k of Object.keys(set).sort()) out.push({ key: k, op: '=', values: [set[k]!] });
  for (const rs of replicaSets) {
    if ((rs.metadata.namespace ?? 'default') !== ns || !rs.spec?.selector) continue;
    const sel = labelSelectorFromObject(rs.spec.selector as Parameters<typeof labelSelectorFromObject>[0]);
    if (sel.length === 0 || !matchesLabels(sel, labels)) continue;
    out.push(...sel);
    any = true;
  }
  return any ? out : [];
}

/** Events are capped at 1 KiB of message (the recorder's truncation, as upstream). */
function truncateMessage(m: string): string {
  const max = 1024;
  return m.length <= max ? m : m.slice(0, max - 3) + '...';
}
