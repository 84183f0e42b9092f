/** Per-node store selectors: requested resources and heartbeat age, as primitives (no re-render unless they change). */
import { useStore, type StoreState } from '../../store/index.ts';
import { requestedOn, type Usage } from './resources.ts';

const NO_KEYS: string[] = [];

/**
 * Requests of the node's non-terminated pods. The selector returns a string, so the card
 * re-renders only when a sum changes; each pod's requests are parsed once (podRequests caches
 * per pod object), so a store update costs one map lookup per pod on the node.
 */
export function useNodeRequested(name: string): Usage {
  const key = useStore((s: StoreState) => {
    const pods = s.byResource.pods;
    const keys = s.podsByNode[name] ?? NO_KEYS;
    const u = requestedOn(keys.map((k) => pods?.[k]));
    return `${u.cpu}/${u.memory}/${u.pods}`;
  });
  const [cpu, memory, pods] = key.split('/').map(Number) as [number, number, number];
  return { cpu, memory, pods };
}

/** The Lease every kubelet renews in kube-node-lease. */
export const leaseKey = (node: string) => `leases.coordination.k8s.io/kube-node-lease/${node}`;

/** A MicroTime (`…T00:00:10.000000Z`) as Unix ms. */
export function parseMicroTime(t: string | undefined): number | undefined {
  if (!t) return undefined;
  const ms = Date.parse(t.replace(/\.(\d{3})\d*Z$/, '.$1Z'));
  return Number.isNaN(ms) ? undefined : ms;
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
