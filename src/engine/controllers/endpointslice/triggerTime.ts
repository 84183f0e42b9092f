/**
 * The `endpoints.kubernetes.io/last-change-trigger-time` bookkeeping. Mirrors staging
 * k8s.io/endpointslice util/trigger_time_tracker.go: per Service, the last seen trigger time of
 * each pod (its Ready condition's lastTransitionTime) and of the Service (its creationTimestamp);
 * a sync's trigger time is the earliest of those that moved since the previous sync.
 */
import type { V1Pod, V1Service } from './utils.ts';
import { podTriggerTime } from './utils.ts';

interface ServiceState {
  pods: Map<string, number>;
  service: number;
}

export class TriggerTimeTracker {
  private readonly states = new Map<string, ServiceState>();

  /** ComputeEndpointLastChangeTriggerTime: RFC 3339 of the earliest changed trigger, or undefined (zero time). */
  compute(namespace: string, svc: V1Service, pods: V1Pod[]): string | undefined {
    const key = `${namespace}/${svc.metadata.name}`;
    const state = this.states.get(key);
    const next: ServiceState = { pods: new Map(), service: 0 };
    let min: number | undefined;
    for (const pod of pods) {
      const t = podTriggerTime(pod);
      const ms = t ? Date.parse(t) : NaN;
      if (!Number.isFinite(ms)) continue;
      next.pods.set(pod.metadata.name, ms);
      if (ms > (state?.pods.get(pod.metadata.name) ?? -Infinity)) min = min === undefined ? ms : Math.min(min, ms);
    }
    const created = svc.metadata.creationTimestamp ? Date.parse(svc.metadata.creationTimestamp) : NaN;
    if (Number.isFinite(created)) {
      if (created > (state?.service ?? -Infinity)) min = min === undefined ? created : Math.min(min, created);
      next.service = created;
    }
    this.states.set(key, next);
    // time.RFC3339Nano drops trailing zeros of the fraction.
    return min === undefined ? undefined : new Date(min).toISOString().replace(/\.?0+Z$/, 'Z');
  }

  /** DeleteService: forget a deleted Service. */
  delete(namespace: string, name: string): void {
    this.states.delete(`${namespace}/${name}`);
  }
}
