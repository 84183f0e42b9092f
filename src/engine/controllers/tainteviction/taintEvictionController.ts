/**
 * taint-eviction-controller: deletes pods that do not tolerate a node's NoExecute taints, after
 * their tolerationSeconds. Mirrors pkg/controller/tainteviction/taint_eviction.go (NodeUpdated,
 * PodUpdated, handleNodeUpdate, handlePodUpdate, processPodOnNode, getMinTolerationTime,
 * deletePodHandler, addConditionAndDeletePod) and timed_workers.go (TimedWorkerQueue).
 */
import type { ComponentContext, TimerHandle } from '../../component.ts';
import { toleratesTaint } from '../../scheduler/framework.ts';
import { podKey, type Taint, type Toleration, type V1Pod } from '../../scheduler/types.ts';
import type { KubeObject } from '../../types.ts';

const USER_AGENT = 'kube-controller-manager/v1.34.0';
export const CONTROLLER_NAME = 'taint-eviction-controller';

type V1Node = KubeObject & { spec?: { taints?: Taint[] } };

/** The node's NoExecute taints (getNoExecuteTaints). */
export function getNoExecuteTaints(taints: readonly Taint[] | undefined): Taint[] {
  return (taints ?? []).filter((t) => t.effect === 'NoExecute');
}

/**
 * GetMatchingTolerations: whether every taint is tolerated, and the first toleration that
 * tolerates each one.
 */
export function getMatchingTolerations(taints: readonly Taint[], tolerations: readonly Toleration[]): { all: boolean; used: Toleration[] } {
  const used: Toleration[] = [];
  for (const t of taints) {
    const tol = tolerations.find((x) => toleratesTaint(x, t as { key: string; value?: string; effect: string }));
    if (!tol) return { all: false, used: [] };
    used.push(tol);
  }
  return { all: true, used };
}

/** getMinTolerationTime in ms: 0 with no tolerations, -1 (forever) when none sets tolerationSeconds. */
export function getMinTolerationTime(tolerations: readonly Toleration[]): number {
  if (tolerations.length === 0) return 0;
  let min = Infinity;
  for (const t of tolerations) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return min === Infinity ? -1 : min * 1000;
}

interface Work {
  createdAt: number;
  fireAt: number;
  timer: TimerHandle;
}

/** Starts the controller inside kube-controller-manager. */
export function startTaintEvictionController(ctx: ComponentContext): void {
  const recorder = ctx.recorder({ component: CONTROLLER_NAME });
  const taintedNodes = new Map<string, Taint[]>();
  const podsByNode = new Map<string, Map<string, V1Pod>>();
  const work = new Map<string, Work>();

  // The events name the pod without its uid (an ObjectReference built from namespace/name).
  const ref = (key: string): KubeObject => {
    const [namespace, name] = key.split('/') as [string, string];
    return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace } };
  };

  function cancelWorkWithEvent(key: string, node: string, causeId?: number): void {
    const w = work.get(key);
    if (!w) return;
    w.timer.cancel();
    work.delete(key);
    ctx.trace({
      from: 'controller-manager', to: 'controller-manager', verb: 'CancelWork', kind: 'taintEvictionCancelled', duration: 0, causeId,
      object: `Pod/${key}`, args: { pod: key.split('/')[1]!, namespace: key.split('/')[0]!, node },
      summary: `The taint-eviction-controller cancels the deletion of pod ${key}: node ${node} no longer has a NoExecute taint it would not tolerate.`,
    });
    recorder.event(ref(key), 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${key}`);
  }

  /** deletePodHandler: the event, the DisruptionTarget condition, then DELETE (default grace period). */
  function deletePod(key: string, node: string, taint: string, causeId?: number): void {
    work.delete(key);
    const [ns, name] = key.split('/') as [string, string];
    const span = ctx.trace({
      from: 'controller-manager', to: 'controller-manager', verb: 'deletePodHandler', kind: 'taintEvictionDelete', duration: 0, causeId,
      object: `Pod/${key}`, args: { pod: name, namespace: ns, node, taint },
      summary: `The taint-eviction-controller deletes pod ${key}: node ${node} has taint ${taint} and the pod does not tolerate it (any longer).`,
    });
    const cause = span.id || undefined;
    recorder.event(ref(key), 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${key}`);
    const path = `/api/v1/namespaces/${ns}/pods/${name}`;
    const cur = ctx.request({ verb: 'GET', path, quiet: true });
    if (cur.code !== 200) return;
    const pod = cur.body as V1Pod;
    const conds = pod.status?.conditions ?? [];
    const target = { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' };
    const old = conds.find((c) => c.type === 'DisruptionTarget');
    if (!old || old.status !== target.status || old.reason !== target.reason || old.message !== target.message) {
      const condition = { ...target, lastTransitionTime: old?.status === 'True' ? old.lastTransitionTime : ctx.clock.timestamp() };
      const conditions = old ? conds.map((c) => (c.type === 'DisruptionTarget' ? condition : c)) : [...conds, condition];
      ctx.request({
        verb: 'PATCH', path: `${path}/status`, body: { status: { conditions } },
        patchType: 'application/merge-patch+json', causeId: cause, userAgent: USER_AGENT,
      });
    }
    ctx.request({ verb: 'DELETE', path, causeId: cause, userAgent: USER_AGENT });
  }

  function processPodOnNode(pod: V1Pod, nodeName: string, taints: Taint[], now: number, causeId?: number): void {
    const key = podKey(pod);
    if (taints.length === 0) cancelWorkWithEvent(key, nodeName, causeId);
    const { all, used } = getMatchingTolerations(taints, pod.spec?.tolerations ?? []);
    const first = taints[0] ? `${taints[0].key}:${taints[0].effect}` : '';
    if (!all) {
      // Not tolerated: cancel whatever was scheduled and delete right away.
      cancelWorkWithEvent(key, nodeName, causeId);
      const untolerated = taints.find((t) => !(pod.spec?.tolerations ?? []).some((x) => toleratesTaint(x, t as { key: string; effect: string })));
      addWork(key, now, now, nodeName, untolerated ? `${untolerated.key}:${untolerated.effect}` : first, causeId);
      return;
    }
    const min = getMinTolerationTime(used);
    if (min < 0) {
      cancelWorkWithEvent(key, nodeName, causeId); // tolerated forever
      return;
    }
    let startTime = now;
    const trigger = now + min;
    const scheduled = work.get(key);
    if (scheduled) {
      startTime = scheduled.createdAt;
      if (startTime + min < trigger) return;
      cancelWorkWithEvent(key, nodeName, causeId);
    }
    if (min > 0) {
      const ns = pod.metadata.namespace ?? 'default';
      ctx.trace({
        from: 'controller-manager', to: 'controller-manager', verb: 'AddWork', kind: 'taintEvictionScheduled', duration: 0, causeId,
        object: `Pod/${key}`, args: { pod: pod.metadata.name, namespace: ns, node: nodeName, taint: first, seconds: min / 1000 },
        summary: `The taint-eviction-controller schedules pod ${key} for deletion in ${min / 1000}s: it tolerates ${first} on node ${nodeName} for that long (tolerationSeconds).`,
      });
    }
    addWork(key, startTime, startTime + min, nodeName, first, causeId);
  }

  /** TimedWorkerQueue.AddWork: a second add for the same pod is ignored. */
  function addWork(key: string, createdAt: number, fireAt: number, node: string, taint: string, causeId?: number): void {
    if (work.has(key)) return;
    const timer = ctx.clock.after(fireAt - ctx.clock.now(), () => deletePod(key, node, taint, causeId));
    work.set(key, { createdAt, fireAt, timer });
  }

  function handleNodeUpdate(node: V1Node, causeId?: number): void {
    const name = node.metadata.name;
    const taints = getNoExecuteTaints(node.spec?.taints);
    if (taints.length === 0) taintedNodes.delete(name);
    else taintedNodes.set(name, taints);
    const pods = [...(podsByNode.get(name)?.values() ?? [])];
    if (pods.length === 0) return;
    if (taints.length === 0) {
      for (const p of pods) cancelWorkWithEvent(podKey(p), name, causeId);
      return;
    }
    const now = ctx.clock.now();
    for (const p of pods) processPodOnNode(p, name, taints, now, causeId);
  }

  function handlePodUpdate(pod: V1Pod, causeId?: number): void {
    const node = pod.spec?.nodeName;
    if (!node) return;
    const taints = taintedNodes.get(node);
    if (!taints) return;
    processPodOnNode(pod, node, taints, ctx.clock.now(), causeId);
  }

  // Called for every pod status write (10,000 pods): reference first, then field by field.
  const sameTolerations = (a: Toleration[] | undefined, b: Toleration[] | undefined): boolean => {
    if (a === b) return true;
    if ((a?.length ?? 0) !== (b?.length ?? 0)) return false;
    return a!.every((t, i) => {
      const u = b![i]!;
      return t.key === u.key && t.operator === u.operator && t.value === u.value && t.effect === u.effect && t.tolerationSeconds === u.tolerationSeconds;
    });
  };
  const sameTaints = (a: Taint[], b: Taint[]) =>
    a.length === b.length && a.every((t, i) => t.key === b[i]!.key && t.value === b[i]!.value && t.effect === b[i]!.effect);
  const nodes = ctx.informer<V1Node>('/api/v1/nodes');
  nodes.addEventHandler({
    add: (n, ev) => handleNodeUpdate(n, ev.spanId),
    update(old, n, ev) {
      if (sameTaints(getNoExecuteTaints(old.spec?.taints), getNoExecuteTaints(n.spec?.taints))) return;
      handleNodeUpdate(n, ev.spanId);
    },
    delete(n) {
      taintedNodes.delete(n.metadata.name);
    },
  });

  const pods = ctx.informer<V1Pod>('/api/v1/pods');
  const index = (pod: V1Pod, on: boolean) => {
    const node = pod.spec?.nodeName;
    if (!node) return;
    let m = podsByNode.get(node);
    if (!on) return void m?.delete(podKey(pod));
    if (!m) podsByNode.set(node, (m = new Map()));
    m.set(podKey(pod), pod);
  };
  pods.addEventHandler({
    add(p, ev) {
      index(p, true);
      handlePodUpdate(p, ev.spanId);
    },
    update(old, p, ev) {
      index(p, true);
      if (old.spec?.nodeName === p.spec?.nodeName && sameTolerations(old.spec?.tolerations, p.spec?.tolerations)) return;
      handlePodUpdate(p, ev.spanId);
    },
    delete(p) {
      index(p, false);
      const w = work.get(podKey(p));
      if (w && p.metadata.uid) {
        w.timer.cancel();
        work.delete(podKey(p));
      }
    },
  });
}
