/**
 * node-lifecycle-controller: watches Node heartbeats (Leases and status), marks nodes Unknown
 * after node-monitor-grace-period, taints them and marks their pods NotReady. Mirrors
 * pkg/controller/nodelifecycle/node_lifecycle_controller.go (monitorNodeHealth,
 * tryUpdateNodeHealth, processTaintBaseEviction, doNoExecuteTaintingPass,
 * doNoScheduleTaintingPass, handleDisruption, markNodeAsReachable) and
 * pkg/controller/util/node/controller_utils.go (RecordNodeStatusChange, MarkPodsNotReady).
 *
 * The monitor pass runs every 5 s on a background timer (it never ends); what it decides to do
 * (status writes, taints, pod updates) is ordinary foreground work.
 */
import type { ComponentContext } from '../../component.ts';
import { podKey, type V1Pod } from '../../scheduler/types.ts';
import { markPodsNotReady } from './podsNotReady.ts';
import {
  computeZoneState, getCondition, USER_AGENT, zoneKey, zoneQPS, TaintQueue,
  type NodeCondition, type NodeHealth, type V1Lease, type V1Node, type ZoneState,
} from './health.ts';
import {
  noScheduleTaintDiff, noScheduleWhy, NotReadyTaintTemplate, swapNodeControllerTaint, taintExists, UnreachableTaintTemplate, type TaintWriter,
} from './taints.ts';

export const NODE_MONITOR_PERIOD_MS = 5_000;
export const NODE_MONITOR_GRACE_PERIOD_MS = 50_000;
export const NODE_STARTUP_GRACE_PERIOD_MS = 60_000;
/** scheduler.NodeEvictionPeriod: how often the NoExecute taint queue is tried. */
export const NODE_EVICTION_PERIOD_MS = 100;

/** The four conditions a silent node's status gets set to Unknown (NetworkUnavailable is left alone). */
const NODE_CONDITION_TYPES = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

/** Handle for tests: the controller's view. */
export interface NodeLifecycleHandle {
  zoneStates(): Map<string, ZoneState>;
}

/** Starts the controller inside kube-controller-manager. */
export function startNodeLifecycleController(ctx: ComponentContext): NodeLifecycleHandle {
  const recorder = ctx.recorder({ component: 'node-controller' });
  const writer: TaintWriter = { ctx, userAgent: USER_AGENT };
  const health = new Map<string, NodeHealth>();
  const zoneStates = new Map<string, ZoneState>();
  const tainters = new Map<string, TaintQueue>();
  const podsByNode = new Map<string, Map<string, V1Pod>>();
  /** The span that marked each node Unknown: the taints it leads to a pass later hang off it. */
  const unknownSpan = new Map<string, number>();
  /** The last traced watch hop about each node (what a later decision about it follows from). */
  const nodeSpan = new Map<string, number>();

  // Watch hops worth drawing: a node's taints or Ready status changed (the failure story).
  const nodes = ctx.informer<V1Node>('/api/v1/nodes', undefined, {
    traced: (type, n, old) =>
      type !== 'MODIFIED' || !old || getCondition(n, 'Ready')?.status !== getCondition(old, 'Ready')?.status ||
      JSON.stringify(n.spec?.taints ?? []) !== JSON.stringify(old.spec?.taints ?? []),
  });
  const leases = ctx.informer<V1Lease>('/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases', undefined, { traced: () => false });
  const pods = ctx.informer<V1Pod>('/api/v1/pods', undefined, { traced: () => false });

  const indexPod = (pod: V1Pod, remove = false) => {
    const node = pod.spec?.nodeName;
    if (!node) return;
    let m = podsByNode.get(node);
    if (remove) {
      m?.delete(podKey(pod));
      return;
    }
    if (!m) podsByNode.set(node, (m = new Map()));
    m.set(podKey(pod), pod);
  };
  pods.addEventHandler({ add: (p) => indexPod(p), update: (_o, p) => indexPod(p), delete: (p) => indexPod(p, true) });

  // ---- doNoScheduleTaintingPass, on every node add/update (nodeUpdateQueue) ----
  const pendingNoSchedule = new Set<string>();
  const noScheduleCause = new Map<string, number>();
  const queueNoSchedule = (node: V1Node, spanId?: number) => {
    const name = node.metadata.name;
    if (spanId) noScheduleCause.set(name, spanId);
    if (pendingNoSchedule.has(name)) return;
    pendingNoSchedule.add(name);
    ctx.clock.after(0, () => {
      pendingNoSchedule.delete(name);
      const cause = noScheduleCause.get(name);
      noScheduleCause.delete(name);
      doNoScheduleTaintingPass(name, cause);
    });
  };
  function doNoScheduleTaintingPass(name: string, causeId?: number): void {
    const node = nodes.get(name);
    if (!node) return;
    const { add, remove } = noScheduleTaintDiff(node);
    if (add.length === 0 && remove.length === 0) return;
    swapNodeControllerTaint(writer, name, add, remove, noScheduleWhy(node, add, remove), causeId);
  }

  nodes.addEventHandler({
    add: (n, ev) => queueNoSchedule(n, ev.spanId),
    update(_o, n, ev) {
      if (ev.spanId) nodeSpan.set(n.metadata.name, ev.spanId);
      queueNoSchedule(n, ev.spanId);
    },
    delete(n) {
      health.delete(n.metadata.name);
      unknownSpan.delete(n.metadata.name);
      nodeSpan.delete(n.metadata.name);
      tainters.get(zoneKey(n))?.remove(n.metadata.name);
    },
  });

  // ---- tryUpdateNodeHealth ----
  function tryUpdateNodeHealth(node: V1Node): { observed: NodeCondition; current?: NodeCondition; cause?: number } {
    const now = ctx.clock.now();
    const name = node.metadata.name;
    let h = health.get(name);
    const currentReady = getCondition(node, 'Ready');
    let observed: NodeCondition;
    let grace: number;
    if (!currentReady) {
      const created = node.metadata.creationTimestamp ? Date.parse(node.metadata.creationTimestamp) - (ctx.clock.nowMs() - now) : now;
      // Never posted: a fake Unknown condition from the creation time, and the startup grace period.
      observed = { type: 'Ready', status: 'Unknown', lastHeartbeatTime: node.metadata.creationTimestamp, lastTransitionTime: node.metadata.creationTimestamp };
      grace = NODE_STARTUP_GRACE_PERIOD_MS;
      if (!h) h = { hadReady: false, probeTimestamp: created, readyTransitionTimestamp: created };
    } else {
      observed = { ...currentReady };
      grace = NODE_MONITOR_GRACE_PERIOD_MS;
    }
    if (!h) {
      h = { hadReady: !!currentReady, readyHeartbeat: currentReady?.lastHeartbeatTime, readyTransition: currentReady?.lastTransitionTime, probeTimestamp: now, readyTransitionTimestamp: now };
    } else if (currentReady && (!h.hadReady || h.readyHeartbeat !== currentReady.lastHeartbeatTime)) {
      // The kubelet posted status since we last looked: that is a heartbeat.
      const transition = !h.hadReady || h.readyTransition !== currentReady.lastTransitionTime ? now : h.readyTransitionTimestamp;
      h = { ...h, hadReady: true, readyHeartbeat: currentReady.lastHeartbeatTime, readyTransition: currentReady.lastTransitionTime, probeTimestamp: now, readyTransitionTimestamp: transition };
    }
    // A renewed Lease is a heartbeat too (the usual one: status is posted every 5 min only).
    const lease = leases.get(`kube-node-lease/${name}`);
    const renew = lease?.spec?.renewTime;
    if (!health.has(name) || health.get(name) !== h) health.set(name, h);
    if (renew && (h.leaseRenewTime === undefined || h.leaseRenewTime < renew)) {
      // In place: 5,000 nodes renew every 10 s.
      h.leaseRenewTime = renew;
      h.probeTimestamp = now;
    }

    if (now <= h.probeTimestamp + grace) return { observed, current: currentReady };
    const ts = ctx.clock.timestamp();
    const conditions = (node.status?.conditions ?? []).map((c) => ({ ...c }));
    for (const type of NODE_CONDITION_TYPES) {
      const c = conditions.find((x) => x.type === type);
      if (!c) {
        conditions.push({ type, status: 'Unknown', reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.', lastHeartbeatTime: node.metadata.creationTimestamp, lastTransitionTime: ts });
      } else if (c.status !== 'Unknown') {
        Object.assign(c, { status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: ts });
      }
    }
    const current = conditions.find((c) => c.type === 'Ready')!;
    if (current.status === observed.status && current.reason === observed.reason && current.lastTransitionTime === observed.lastTransitionTime) {
      return { observed, current: currentReady };
    }
    const silentS = Math.round((now - h.probeTimestamp) / 1000);
    const span = ctx.trace({
      from: 'controller-manager', to: 'controller-manager', verb: 'monitorNodeHealth', kind: 'nodeMonitorUnknown', duration: 0,
      object: `Node/${name}`, args: { node: name, seconds: silentS, grace: grace / 1000 },
      summary: `The node-lifecycle-controller has not heard from node ${name} for ${silentS}s (grace period ${grace / 1000}s): it sets Ready, MemoryPressure, DiskPressure and PIDPressure to Unknown with reason NodeStatusUnknown.`,
    });
    const res = ctx.request({ verb: 'PUT', path: `/api/v1/nodes/${name}/status`, body: { ...node, status: { ...node.status, conditions } }, causeId: span.id || undefined, userAgent: USER_AGENT });
    if (res.code >= 300) return { observed, current: currentReady }; // retried on the next pass
    health.set(name, { ...h, readyHeartbeat: current.lastHeartbeatTime, readyTransition: current.lastTransitionTime, readyTransitionTimestamp: now });
    if (span.id) unknownSpan.set(name, span.id);
    return { observed, current, cause: span.id || undefined };
  }

  // ---- NoExecute taints, rate-limited per zone ----
  function tainter(zone: string): TaintQueue {
    let q = tainters.get(zone);
    if (!q) {
      tainters.set(zone, (q = new TaintQueue(ctx.clock.now())));
      zoneStates.set(zone, 'Initial');
    }
    return q;
  }
  const taintCause = new Map<string, number>();
  function markNodeForTainting(node: V1Node, causeId?: number): void {
    if (tainter(zoneKey(node)).add(node.metadata.name)) {
      if (causeId) taintCause.set(node.metadata.name, causeId);
      armNoExecutePass();
    }
  }
  function markNodeAsReachable(node: V1Node, causeId?: number): void {
    tainters.get(zoneKey(node))?.remove(node.metadata.name);
    const remove = [UnreachableTaintTemplate, NotReadyTaintTemplate].filter((t) => taintExists(node.spec?.taints, t));
    if (remove.length > 0) swapNodeControllerTaint(writer, node.metadata.name, [], remove, 'the node is Ready again', causeId);
  }
  let passArmed: { at: number; cancel(): void } | undefined;
  function armNoExecutePass(): void {
    const now = ctx.clock.now();
    let wait = Infinity;
    for (const q of tainters.values()) if (q.size > 0) wait = Math.min(wait, q.waitMs(now));
    if (wait === Infinity) return; // nothing queued, or every zone stopped (full disruption)
    // The ticker runs every NodeEvictionPeriod: the next tick at or after the limiter has a token.
    const delay = Math.max(NODE_EVICTION_PERIOD_MS, Math.ceil(wait / NODE_EVICTION_PERIOD_MS) * NODE_EVICTION_PERIOD_MS);
    if (passArmed && passArmed.at <= now + delay) return;
    passArmed?.cancel();
    const h = ctx.clock.after(delay, () => {
      passArmed = undefined;
      doNoExecuteTaintingPass();
    });
    passArmed = { at: now + delay, cancel: () => h.cancel() };
  }
  function doNoExecuteTaintingPass(): void {
    const now = ctx.clock.now();
    for (const q of tainters.values()) {
      q.try(now, (name) => {
        const node = nodes.get(name);
        if (!node) return true;
        const ready = getCondition(node, 'Ready');
        if (!ready) return false;
        // Unreachable and not-ready are mutually exclusive, like the Ready condition.
        let add = UnreachableTaintTemplate;
        let opposite = NotReadyTaintTemplate;
        if (ready.status === 'False') [add, opposite] = [NotReadyTaintTemplate, UnreachableTaintTemplate];
        else if (ready.status !== 'Unknown') return true; // Ready again: no need to taint it
        const cause = taintCause.get(name);
        taintCause.delete(name);
        return swapNodeControllerTaint(writer, name, [add], taintExists(node.spec?.taints, opposite) ? [opposite] : [],
          `its Ready condition is ${ready.status}`, cause);
      });
    }
    armNoExecutePass();
  }

  // processTaintBaseEviction: decided on the Ready condition as observed before this pass's update.
  function processTaintBaseEviction(node: V1Node, observed: NodeCondition, causeId?: number): void {
    if (observed.status === 'False' || observed.status === 'Unknown') {
      const [want, other] = observed.status === 'False' ? [NotReadyTaintTemplate, UnreachableTaintTemplate] : [UnreachableTaintTemplate, NotReadyTaintTemplate];
      if (taintExists(node.spec?.taints, other)) {
        swapNodeControllerTaint(writer, node.metadata.name, [want], [other], `its Ready condition is ${observed.status}`, causeId);
      } else if (!taintExists(node.spec?.taints, want)) markNodeForTainting(node, causeId);
    } else if (observed.status === 'True') {
      markNodeAsReachable(node, causeId);
    }
  }

  // ---- handleDisruption ----
  function handleDisruption(zoneReady: Map<string, (string | undefined)[]>, all: V1Node[]): void {
    const now = ctx.clock.now();
    const newStates = new Map<string, ZoneState>();
    let allAreFullyDisrupted = true;
    for (const [zone, statuses] of zoneReady) {
      const { state } = computeZoneState(statuses);
      newStates.set(zone, state);
      if (state !== 'FullDisruption') allAreFullyDisrupted = false;
    }
    const allWasFullyDisrupted = zoneStates.size > 0 && [...zoneStates.values()].every((s) => s === 'FullDisruption');
    const size = (zone: string) => zoneReady.get(zone)?.length ?? 0;
    if (!allAreFullyDisrupted || !allWasFullyDisrupted) {
      if (allAreFullyDisrupted) {
        // Every zone is down: most likely the control plane lost the network, not the nodes.
        for (const n of all) markNodeAsReachable(n);
        for (const [zone, q] of tainters) {
          q.swapLimiter(0, now);
          zoneStates.set(zone, 'FullDisruption');
        }
        return;
      }
      if (allWasFullyDisrupted) {
        // Back from a total outage: everyone gets a fresh grace period.
        for (const [name, h] of health) health.set(name, { ...h, probeTimestamp: now, readyTransitionTimestamp: now });
        for (const [zone, state] of newStates) {
          tainter(zone).swapLimiter(zoneQPS(state, size(zone)), now);
          zoneStates.set(zone, state);
        }
        armNoExecutePass();
        return;
      }
    }
    for (const [zone, state] of newStates) {
      if (zoneStates.get(zone) === state) continue;
      tainter(zone).swapLimiter(zoneQPS(state, size(zone)), now);
      zoneStates.set(zone, state);
    }
    armNoExecutePass();
  }

  // ---- monitorNodeHealth, every node-monitor-period ----
  function monitorNodeHealth(): void {
    const all = nodes.list();
    const zoneReady = new Map<string, (string | undefined)[]>();
    for (const node of all) {
      const zone = zoneKey(node);
      tainter(zone);
      const { observed, current, cause } = tryUpdateNodeHealth(node);
      if (!node.metadata.labels?.['node.kubernetes.io/exclude-disruption']) {
        let z = zoneReady.get(zone);
        if (!z) zoneReady.set(zone, (z = []));
        z.push(current?.status);
      }
      if (!current) continue;
      if (current.status === 'True') unknownSpan.delete(node.metadata.name);
      processTaintBaseEviction(node, observed, cause ?? unknownSpan.get(node.metadata.name) ?? nodeSpan.get(node.metadata.name));
      if (current.status !== 'True' && observed.status === 'True') {
        // RecordNodeStatusChange (the kubelet's own node events use the name as uid; this one the real uid).
        recorder.event({ apiVersion: 'v1', kind: 'Node', metadata: { name: node.metadata.name, uid: node.metadata.uid } },
          'Normal', 'NodeNotReady', `Node ${node.metadata.name} status is now: NodeNotReady`);
        markPodsNotReady(ctx, recorder, [...(podsByNode.get(node.metadata.name)?.values() ?? [])], node.metadata.name, cause);
      }
    }
    handleDisruption(zoneReady, all);
  }

  const tick = () => {
    monitorNodeHealth();
    ctx.clock.after(NODE_MONITOR_PERIOD_MS, tick, { background: true });
  };
  ctx.clock.after(NODE_MONITOR_PERIOD_MS, tick, { background: true });

  return { zoneStates: () => new Map(zoneStates) };
}
