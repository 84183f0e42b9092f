/**
 * pod-garbage-collector: deletes orphaned pods (bound to nodes that no longer exist) and
 * terminating pods that were never scheduled. Mirrors pkg/controller/podgc/gc_controller.go
 * (gc every gcCheckPeriod 20 s, gcOrphaned with the 40 s quarantine and discoverDeletedNodes,
 * gcUnscheduledTerminating, markFailedAndDeletePodWithCondition). gcTerminated (the
 * 12,500 terminated-pod threshold) and gcTerminating (out-of-service taint) are not modelled.
 */
import type { ComponentContext } from '../../component.ts';
import type { V1Pod } from '../../scheduler/types.ts';
import type { KubeObject } from '../../types.ts';

export const GC_CHECK_PERIOD_MS = 20_000;
export const QUARANTINE_TIME_MS = 40_000;
const USER_AGENT = 'kube-controller-manager/v1.34.0';

/** Starts the controller inside kube-controller-manager. */
export function startPodGCController(ctx: ComponentContext): void {
  const pods = ctx.informer<V1Pod>('/api/v1/pods');
  const nodes = ctx.informer<KubeObject>('/api/v1/nodes');
  /** nodeQueue: missing node names and when their quarantine ends (AddAfter keeps the earliest). */
  const quarantine = new Map<string, number>();

  /** markFailedAndDeletePodWithCondition: phase Failed (+ condition) unless terminal, then DELETE with grace 0. */
  function markFailedAndDelete(pod: V1Pod, condition: { type: string; status: string; reason: string; message: string } | undefined, causeId?: number): void {
    const ns = pod.metadata.namespace ?? 'default';
    const path = `/api/v1/namespaces/${ns}/pods/${pod.metadata.name}`;
    const phase = pod.status?.phase;
    if (phase !== 'Succeeded' && phase !== 'Failed') {
      const conds = pod.status?.conditions ?? [];
      const status: Record<string, unknown> = { phase: 'Failed' };
      if (condition) {
        const c = { ...condition, lastTransitionTime: ctx.clock.timestamp() };
        status.conditions = conds.some((x) => x.type === c.type) ? conds.map((x) => (x.type === c.type ? c : x)) : [...conds, c];
      }
      const res = ctx.request({ verb: 'PATCH', path: `${path}/status`, body: { status }, patchType: 'application/merge-patch+json', causeId, userAgent: USER_AGENT });
      if (res.code >= 300) return;
    }
    ctx.request({
      verb: 'DELETE', path, query: { gracePeriodSeconds: '0' }, body: { kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: 0 },
      causeId, userAgent: USER_AGENT,
    });
  }

  function gcOrphaned(all: V1Pod[]): void {
    const now = ctx.clock.now();
    for (const p of all) {
      const n = p.spec?.nodeName;
      if (n && !nodes.get(n) && !quarantine.has(n)) quarantine.set(n, now + QUARANTINE_TIME_MS);
    }
    // discoverDeletedNodes: after the quarantine, ask the API server (not the cache) once more.
    const deleted = new Set<string>();
    for (const [n, at] of quarantine) {
      if (at > now) continue;
      quarantine.delete(n);
      if (ctx.request({ verb: 'GET', path: `/api/v1/nodes/${n}`, quiet: true }).code === 404) deleted.add(n);
    }
    if (deleted.size === 0) return;
    for (const p of all) {
      const n = p.spec?.nodeName;
      if (!n || !deleted.has(n)) continue;
      const ns = p.metadata.namespace ?? 'default';
      const span = ctx.trace({
        from: 'controller-manager', to: 'controller-manager', verb: 'gcOrphaned', kind: 'podGCOrphaned', duration: 0,
        object: `Pod/${ns}/${p.metadata.name}`, args: { pod: p.metadata.name, namespace: ns, node: n },
        summary: `The pod-garbage-collector force-deletes pod ${ns}/${p.metadata.name}: its node ${n} no longer exists.`,
      });
      markFailedAndDelete(p, { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' }, span.id || undefined);
    }
  }

  /** gcUnscheduledTerminating: a pod being deleted that no node will ever confirm. */
  function gcUnscheduledTerminating(all: V1Pod[]): void {
    for (const p of all) {
      if (!p.metadata.deletionTimestamp || p.spec?.nodeName) continue;
      const ns = p.metadata.namespace ?? 'default';
      const span = ctx.trace({
        from: 'controller-manager', to: 'controller-manager', verb: 'gcUnscheduledTerminating', kind: 'podGCUnscheduledTerminating', duration: 0,
        object: `Pod/${ns}/${p.metadata.name}`, args: { pod: p.metadata.name, namespace: ns },
        summary: `The pod-garbage-collector force-deletes pod ${ns}/${p.metadata.name}: it is being deleted and was never scheduled, so no kubelet will confirm it.`,
      });
      markFailedAndDelete(p, undefined, span.id || undefined);
    }
  }

  const tick = () => {
    const all = pods.list();
    gcOrphaned(all);
    gcUnscheduledTerminating(all);
    ctx.clock.after(GC_CHECK_PERIOD_MS, tick, { background: true });
  };
  ctx.clock.after(GC_CHECK_PERIOD_MS, tick, { background: true });
}
