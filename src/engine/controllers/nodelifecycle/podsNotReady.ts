/**
 * MarkPodsNotReady: a node stopped reporting, so its pods' Ready condition goes False (their
 * containers' own status is not touched) and each gets a Warning `NodeNotReady` event. Mirrors
 * pkg/controller/util/node/controller_utils.go (MarkPodsNotReady).
 */
import type { ComponentContext, EventRecorder } from '../../component.ts';
import type { V1Pod } from '../../scheduler/types.ts';
import { USER_AGENT } from './health.ts';

/** Sets Ready=False on each pod bound to `nodeName` that is not already, with its event and span. */
export function markPodsNotReady(ctx: ComponentContext, recorder: EventRecorder, pods: V1Pod[], nodeName: string, causeId?: number): void {
  for (const pod of pods) {
    if (pod.spec?.nodeName !== nodeName) continue;
    const conds = pod.status?.conditions ?? [];
    const ready = conds.find((c) => c.type === 'Ready');
    if (!ready || ready.status === 'False') continue;
    const ns = pod.metadata.namespace ?? 'default';
    const span = ctx.trace({
      from: 'controller-manager', to: 'controller-manager', verb: 'MarkPodsNotReady', kind: 'nodeMarkPodNotReady', duration: 0, causeId,
      object: `Pod/${ns}/${pod.metadata.name}`, args: { pod: pod.metadata.name, namespace: ns, node: nodeName },
      summary: `The node-lifecycle-controller marks pod ${ns}/${pod.metadata.name} Ready=False: its node ${nodeName} is not ready.`,
    });
    const ts = ctx.clock.timestamp();
    const path = `/api/v1/namespaces/${ns}/pods/${pod.metadata.name}`;
    const put = (p: V1Pod) => ctx.request({
      verb: 'PUT', path: `${path}/status`, causeId: span.id || undefined, userAgent: USER_AGENT,
      body: { ...p, status: { ...p.status, conditions: (p.status?.conditions ?? []).map((c) => (c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: ts } : c)) } },
    });
    let res = put(pod);
    if (res.code === 409) {
      // The cache was behind: read it again and retry once (upstream retries on the next pass).
      const fresh = ctx.request({ verb: 'GET', path, quiet: true });
      if (fresh.code === 200) res = put(fresh.body as V1Pod);
    }
    if (res.code < 300) recorder.event(pod, 'Warning', 'NodeNotReady', 'Node is not ready');
  }
}
