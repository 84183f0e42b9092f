/** Per-node store selectors: requested resources and heartbeat age, as primitives (no re-render unless they change). */
import { useStore, type StoreState } from '../../store/index.ts';
import { podRequests, podTerminated, type Usage } from './resources.ts';

const NO_KEYS: string[] = [];

/**
 * Requests of the node's non-terminated pods. The selector returns a string, so the card
 * re-renders only when a sum changes; each pod's requests are parsed once (podRequests caches
 * per pod object), so a store update costs one map lookup per pod on the node.
 */
export function useNodeRequested(name: string): Usage {
  const key = useStore((s: StoreState) => {
    // The same sum as requestedOn, without an array per node per store update.
    const pods = s.byResource.pods;
    let cpu = 0;
    let memory = 0;
    let n = 0;
    for (const k of s.podsByNode[name] ?? NO_KEYS) {
      const p = pods?.[k];
      if (!p || podTerminated(p)) continue;
      const r = podRequests(p);
      cpu += r.cpu;
      memory += r.memory;
      n++;
    }
    return `${cpu}/${memory}/${n}`;
  });
  const [cpu, memory, pods] = key.split('/').map(Number) as [number, number, number];
  return { cpu, memory, pods };
}

/** The Lease every kubelet renews in kube-node-lease. */
export const leaseKey = (node: string) => `leases.coordination.k8s.io/kube-node-lease/${node}`;

let lastTime: string | undefined;
let lastMs: number | undefined;

/** A MicroTime (`…T00:00:10.000000Z`) as Unix ms (the last answer is remembered: all nodes renew in step). */
export function parseMicroTime(t: string | undefined): number | undefined {
  if (!t) return undefined;
  if (t === lastTime) return lastMs;
  const ms = Date.parse(t.replace(/\.(\d{3})\d*Z$/, '.$1Z'));
  lastTime = t;
  lastMs = Number.isNaN(ms) ? undefined : ms;
  return lastMs;
}

/** Seconds since the node's Lease was last renewed, in virtual time (undefined: no Lease yet). */
export function heartbeatAge(s: Pick<StoreState, 'byResource' | 'playback'>, node: string): number | undefined {
  const lease = s.byResource['leases.coordination.k8s.io']?.[leaseKey(node)];
  const renew = parseMicroTime((lease?.spec as { renewTime?: string } | undefined)?.renewTime);
  if (renew === undefined) return undefined;
  return Math.max(0, Math.floor((s.playback.epochMs + s.playback.now - renew) / 1000));
}

/**
 * Past two missed renewals (the kubelet renews every 10 s) the heartbeat counts as stopped: the
 * first visible sign of a failed node, 30 s before node-lifecycle-controller's 50 s grace period.
 */
export const STALE_AFTER_S = 20;
