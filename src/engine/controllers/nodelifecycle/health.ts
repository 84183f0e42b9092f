/**
 * Node health bookkeeping of the node-lifecycle-controller: when did we last hear from a node
 * (its Ready condition's lastHeartbeatTime, or its Lease's renewTime), and zone disruption
 * states with their eviction rate limiters. Mirrors node_lifecycle_controller.go
 * (nodeHealthData, tryUpdateNodeHealth's probe bookkeeping, ComputeZoneState, setLimiterInZone,
 * ReducedQPSFunc/HealthyQPSFunc), pkg/controller/nodelifecycle/scheduler/rate_limited_queue.go
 * (RateLimitedTimedQueue) and client-go util/flowcontrol (token bucket, burst 1).
 */
import type { KubeObject } from '../../types.ts';
import type { Taint } from '../../scheduler/types.ts';

export const USER_AGENT = 'kube-controller-manager/v1.34.0';

export interface NodeCondition {
  type: string;
  status: string;
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export type V1Node = KubeObject & {
  spec?: { unschedulable?: boolean; taints?: Taint[]; [k: string]: unknown };
  status?: { conditions?: NodeCondition[]; [k: string]: unknown };
};

export interface V1Lease extends KubeObject {
  spec?: { renewTime?: string; holderIdentity?: string; leaseDurationSeconds?: number };
}

/** nodeHealthData: what the controller last saw, and when (virtual ms) it last heard from the node. */
export interface NodeHealth {
  /** The Ready condition as last observed (its heartbeat and transition times). */
  readyHeartbeat?: string;
  readyTransition?: string;
  hadReady: boolean;
  leaseRenewTime?: string;
  probeTimestamp: number;
  readyTransitionTimestamp: number;
}

export function getCondition(node: V1Node, type: string): NodeCondition | undefined {
  return node.status?.conditions?.find((c) => c.type === type);
}

export type ZoneState = 'Initial' | 'Normal' | 'PartialDisruption' | 'FullDisruption';

/** --node-eviction-rate, --secondary-node-eviction-rate, --large-cluster-size-threshold, --unhealthy-zone-threshold */
export const EVICTION_LIMITER_QPS = 0.1;
export const SECONDARY_EVICTION_LIMITER_QPS = 0.01;
export const LARGE_CLUSTER_THRESHOLD = 50;
export const UNHEALTHY_ZONE_THRESHOLD = 0.55;

/** nodetopology.GetZoneKey: region and zone labels ("" when the node has neither). */
export function zoneKey(node: V1Node): string {
  const l = node.metadata.labels ?? {};
  const region = l['topology.kubernetes.io/region'] ?? l['failure-domain.beta.kubernetes.io/region'] ?? '';
  const zone = l['topology.kubernetes.io/zone'] ?? l['failure-domain.beta.kubernetes.io/zone'] ?? '';
  return region === '' && zone === '' ? '' : `${region}:\u0000:${zone}`;
}

/** ComputeZoneState: full disruption when no node is Ready, partial when > 2 and ≥ 55 % are not. */
export function computeZoneState(readyStatuses: (string | undefined)[]): { notReady: number; state: ZoneState } {
  let ready = 0;
  let notReady = 0;
  for (const s of readyStatuses) {
    if (s === 'True') ready++;
    else notReady++;
  }
  if (ready === 0 && notReady > 0) return { notReady, state: 'FullDisruption' };
  if (notReady > 2 && notReady / (notReady + ready) >= UNHEALTHY_ZONE_THRESHOLD) return { notReady, state: 'PartialDisruption' };
  return { notReady, state: 'Normal' };
}

/** setLimiterInZone: the eviction (NoExecute tainting) rate a zone state allows. */
export function zoneQPS(state: ZoneState, zoneSize: number): number {
  if (state === 'PartialDisruption') return zoneSize > LARGE_CLUSTER_THRESHOLD ? SECONDARY_EVICTION_LIMITER_QPS : 0;
  return EVICTION_LIMITER_QPS; // Normal, Initial, and FullDisruption of one zone (HealthyQPSFunc)
}

/**
 * RateLimitedTimedQueue with a token-bucket limiter (burst 1): node names waiting for their
 * NoExecute taint, in the order they were added. A fresh limiter starts with its token.
 */
export class TaintQueue {
  private items: string[] = [];
  private tokens = 1;
  private last: number;
  qps = EVICTION_LIMITER_QPS;

  constructor(now: number) {
    this.last = now;
  }

  /** Add: false when the node is already queued. */
  add(node: string): boolean {
    if (this.items.includes(node)) return false;
    this.items.push(node);
    return true;
  }

  remove(node: string): boolean {
    const i = this.items.indexOf(node);
    if (i < 0) return false;
    this.items.splice(i, 1);
    return true;
  }

  get size(): number {
    return this.items.length;
  }

  /** SwapLimiter: a new limiter (with its token) when the rate changes. */
  swapLimiter(qps: number, now: number): void {
    if (qps === this.qps) return;
    this.qps = qps;
    this.tokens = 1;
    this.last = now;
  }

  private tryAccept(now: number): boolean {
    if (this.qps <= 0) return false;
    this.tokens = Math.min(1, this.tokens + ((now - this.last) / 1000) * this.qps);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Try: process heads while the limiter lets them through; `fn` false keeps the node queued (at the back). */
  try(now: number, fn: (node: string) => boolean): void {
    const n = this.items.length;
    for (let i = 0; i < n && this.items.length > 0; i++) {
      if (!this.tryAccept(now)) return;
      const node = this.items.shift()!;
      if (!fn(node)) this.items.push(node);
    }
  }

  /** Virtual ms until the limiter has a token again (Infinity when stopped). */
  waitMs(now: number): number {
    if (this.qps <= 0) return Infinity;
    const tokens = Math.min(1, this.tokens + ((now - this.last) / 1000) * this.qps);
    return tokens >= 1 ? 0 : Math.ceil(((1 - tokens) / this.qps) * 1000);
  }
}
