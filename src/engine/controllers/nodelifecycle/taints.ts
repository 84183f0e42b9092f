/**
 * The node-lifecycle-controller's taints and the writes that set them. Mirrors
 * pkg/controller/nodelifecycle/node_lifecycle_controller.go (UnreachableTaintTemplate,
 * NotReadyTaintTemplate, nodeConditionToTaintKeyStatusMap, doNoScheduleTaintingPass) and
 * pkg/controller/util/node/controller_utils.go (SwapNodeControllerTaint) with
 * k8s.io/kubernetes/pkg/util/taints (TaintExists, TaintSetDiff).
 */
import type { ComponentContext } from '../../component.ts';
import type { Taint } from '../../scheduler/types.ts';
import type { V1Node } from './health.ts';

export const TAINT_NODE_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_NODE_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_NODE_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

export const UnreachableTaintTemplate: Taint = { key: TAINT_NODE_UNREACHABLE, effect: 'NoExecute' };
export const NotReadyTaintTemplate: Taint = { key: TAINT_NODE_NOT_READY, effect: 'NoExecute' };

/** nodeConditionToTaintKeyStatusMap: which condition status means which NoSchedule taint. */
const CONDITION_TAINTS: Record<string, Record<string, string>> = {
  Ready: { False: TAINT_NODE_NOT_READY, Unknown: TAINT_NODE_UNREACHABLE },
  MemoryPressure: { True: 'node.kubernetes.io/memory-pressure' },
  DiskPressure: { True: 'node.kubernetes.io/disk-pressure' },
  NetworkUnavailable: { True: 'node.kubernetes.io/network-unavailable' },
  PIDPressure: { True: 'node.kubernetes.io/pid-pressure' },
};

/** taintKeyToNodeConditionMap's keys plus the unschedulable taint: the NoSchedule taints this controller owns. */
const OWNED_NO_SCHEDULE = new Set([...Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m)), TAINT_NODE_UNSCHEDULABLE]);

/** Taint.MatchTaint: same key and effect. */
export function matchTaint(a: Taint, b: Taint): boolean {
  return a.key === b.key && a.effect === b.effect;
}

export function taintExists(taints: readonly Taint[] | undefined, t: Taint): boolean {
  return (taints ?? []).some((x) => matchTaint(x, t));
}

/** `key:Effect`, as kubectl and the controller's logs print a taint without value. */
export function taintString(t: Taint): string {
  return `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;
}

/**
 * doNoScheduleTaintingPass's decision: the NoSchedule taints the node's conditions and
 * spec.unschedulable call for, against the ones it carries.
 */
export function noScheduleTaintDiff(node: V1Node): { add: Taint[]; remove: Taint[] } {
  const want: Taint[] = [];
  for (const c of node.status?.conditions ?? []) {
    const key = CONDITION_TAINTS[c.type]?.[c.status];
    if (key) want.push({ key, effect: 'NoSchedule' });
  }
  if (node.spec?.unschedulable) want.push({ key: TAINT_NODE_UNSCHEDULABLE, effect: 'NoSchedule' });
  const have = (node.spec?.taints ?? []).filter((t) => t.effect === 'NoSchedule' && OWNED_NO_SCHEDULE.has(t.key));
  return {
    add: want.filter((t) => !taintExists(have, t)),
    remove: have.filter((t) => !taintExists(want, t)),
  };
}

export interface TaintWriter {
  ctx: ComponentContext;
  userAgent: string;
}

/**
 * SwapNodeControllerTaint: the added taints get timeAdded = now (AddOrUpdateTaintOnNode replaces a
 * taint with the same key and effect, appends the others), the removed ones go. Reads the node
 * fresh and writes it back with its resourceVersion (one retry on a conflict). Each change is a
 * span (`nodeTaintAdd` / `nodeTaintRemove`) that causes the write. Returns false when it failed.
 */
export function swapNodeControllerTaint(w: TaintWriter, nodeName: string, add: Taint[], remove: Taint[], why: string, causeId?: number): boolean {
  const { ctx } = w;
  const path = `/api/v1/nodes/${nodeName}`;
  const timeAdded = ctx.clock.timestamp();
  let cause = causeId;
  if (add.length > 0) {
    const list = add.map(taintString).join(', ');
    cause = ctx.trace({
      from: 'controller-manager', to: 'controller-manager', verb: 'SwapNodeControllerTaint', kind: 'nodeTaintAdd', duration: 0, causeId: cause,
      object: `Node/${nodeName}`, args: { node: nodeName, taints: list },
      summary: `The node-lifecycle-controller taints node ${nodeName} with ${list}: ${why}.`,
    }).id || cause;
  }
  if (remove.length > 0) {
    const list = remove.map(taintString).join(', ');
    cause = ctx.trace({
      from: 'controller-manager', to: 'controller-manager', verb: 'SwapNodeControllerTaint', kind: 'nodeTaintRemove', duration: 0, causeId: cause,
      object: `Node/${nodeName}`, args: { node: nodeName, taints: list },
      summary: `The node-lifecycle-controller removes taint ${list} from node ${nodeName}: ${why}.`,
    }).id || cause;
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    const cur = ctx.request({ verb: 'GET', path, quiet: true });
    if (cur.code !== 200) return false;
    const node = cur.body as V1Node;
    let taints = (node.spec?.taints ?? []).filter((t) => !taintExists(remove, t));
    for (const t of add) {
      const fresh: Taint = { ...t, timeAdded };
      const i = taints.findIndex((x) => matchTaint(x, t));
      if (i >= 0) taints = taints.map((x, j) => (j === i ? fresh : x));
      else taints = [...taints, fresh];
    }
    const spec = { ...node.spec };
    if (taints.length > 0) spec.taints = taints;
    else delete spec.taints;
    const res = ctx.request({ verb: 'PUT', path, body: { ...node, spec }, causeId: cause, userAgent: w.userAgent });
    if (res.code < 300) return true;
    if (res.code !== 409) return false;
  }
  return false;
}

/** Why doNoScheduleTaintingPass changes the taints, in words (the span's summary). */
export function noScheduleWhy(node: V1Node, add: { key: string }[], remove: { key: string }[]): string {
  const cordon = (l: { key: string }[]) => l.some((t) => t.key === TAINT_NODE_UNSCHEDULABLE);
  if (cordon(add)) return 'the node is cordoned (spec.unschedulable=true)';
  if (cordon(remove) && add.length === 0) return 'the node is uncordoned';
  if (add.length > 0) return `its Ready condition is ${node.status?.conditions?.find((c) => c.type === 'Ready')?.status ?? 'missing'}`;
  return 'its conditions no longer call for it';
}
