/**
 * Node heartbeats: the kubelet's Lease in kube-node-lease (renewed every 10 s, duration 40 s)
 * and the periodic node status (computed every 10 s, posted when it changed or every 5 min).
 * Mirrors k8s.io/component-helpers/apimachinery/lease/controller.go,
 * pkg/kubelet/kubelet_node_status.go (syncNodeStatus, nodeStatusReportFrequency) and
 * pkg/kubelet/nodestatus/setters.go (ReadyCondition, MemoryPressureCondition… and the events
 * they record when a condition changes).
 *
 * Both loops run on background timers: they never end, so they must not keep the cluster from
 * being idle. Renewals are quiet (no span): at 5,000 nodes they are 500 writes per virtual second.
 */
import type { ComponentContext, TimerHandle } from '../component.ts';

export const NODE_LEASE_DURATION_SECONDS = 40;
export const LEASE_RENEW_INTERVAL_MS = 10_000;
export const NODE_STATUS_UPDATE_FREQUENCY_MS = 10_000;
export const NODE_STATUS_REPORT_FREQUENCY_MS = 5 * 60_000;

let lastMicroMs = NaN;
let lastMicroText = '';

/** metav1.MicroTime: RFC 3339 with microseconds. (Memoized: every kubelet renews at the same instant.) */
export function microTime(unixMs: number): string {
  if (unixMs !== lastMicroMs) {
    lastMicroMs = unixMs;
    lastMicroText = new Date(unixMs).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
  }
  return lastMicroText;
}

interface NodeCondition {
  type: string;
  status: string;
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/**
 * What the kubelet reports for each condition it owns (the simulation has no resource
 * pressure), and the event reason setters.go records when the condition changes to it.
 */
const KUBELET_CONDITIONS: { type: string; status: string; reason: string; message: string; event: string }[] = [
  { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available', event: 'NodeHasSufficientMemory' },
  { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure', event: 'NodeHasNoDiskPressure' },
  { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available', event: 'NodeHasSufficientPID' },
  { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', event: 'NodeReady' },
];

/** Records a kubelet event about its own Node (`Node %s status is now: %s`). */
export type NodeEventFn = (reason: string, message: string) => void;

interface Lease {
  metadata: Record<string, unknown>;
  spec?: Record<string, unknown>;
}

export class Heartbeat {
  private timer?: TimerHandle;
  /** The Lease as last written (the lease controller's latestLease). */
  private lease?: Lease;
  private lastReport = 0;
  private running = false;

  constructor(
    private readonly ctx: ComponentContext,
    private readonly node: string,
    private readonly userAgent: string,
    /** The node's uid, for the Lease's ownerReference. */
    private readonly nodeUID: string | undefined,
    private readonly nodeEvent: NodeEventFn = () => {},
  ) {}

  /** Creates the Lease (or takes it over) and, when `periodic`, keeps renewing it. */
  start(periodic: boolean): void {
    this.renewLease();
    this.lastReport = this.ctx.clock.now();
    if (periodic && !this.running) {
      this.running = true;
      this.schedule();
    }
  }

  stop(): void {
    this.running = false;
    this.timer?.cancel();
    this.timer = undefined;
  }

  private schedule(): void {
    this.timer = this.ctx.clock.after(
      LEASE_RENEW_INTERVAL_MS,
      () => {
        if (!this.running) return;
        this.renewLease();
        // The kubelet's own conditions never change while the machine runs (no pressure is
        // simulated), so the status is only re-posted at the report frequency.
        if (this.ctx.clock.now() - this.lastReport >= NODE_STATUS_REPORT_FREQUENCY_MS) this.reportStatus();
        this.schedule();
      },
      { background: true },
    );
  }

  private leaseBody() {
    return {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: {
        name: this.node,
        namespace: 'kube-node-lease',
        ...(this.nodeUID ? { ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: this.node, uid: this.nodeUID }] } : {}),
      },
      spec: { holderIdentity: this.node, leaseDurationSeconds: NODE_LEASE_DURATION_SECONDS, renewTime: microTime(this.ctx.clock.nowMs()) },
    };
  }

  /**
   * The lease controller's sync: Update (PUT) the Lease it last wrote with a new renewTime; on a
   * conflict or when it is gone, read it again, or create it (ensureLease).
   */
  renewLease(): void {
    const path = `/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${this.node}`;
    const renewTime = microTime(this.ctx.clock.nowMs());
    if (this.lease) {
      const res = this.ctx.request({
        verb: 'PUT', path, body: { ...this.lease, spec: { ...this.lease.spec, holderIdentity: this.node, renewTime } }, userAgent: this.userAgent, quiet: true,
      });
      this.lease = res.code < 300 ? (res.body as Lease) : undefined;
      if (this.lease) return;
    }
    const cur = this.ctx.request({ verb: 'GET', path, quiet: true });
    const res =
      cur.code === 200
        ? this.ctx.request({
            verb: 'PUT', path, body: { ...(cur.body as Lease), spec: { ...(cur.body as Lease).spec, holderIdentity: this.node, renewTime } }, userAgent: this.userAgent, quiet: true,
          })
        : this.ctx.request({
            verb: 'POST', path: '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases', body: this.leaseBody(), userAgent: this.userAgent, quiet: true,
          });
    this.lease = res.code < 300 ? (res.body as Lease) : undefined;
  }

  /**
   * syncNodeStatus: re-posts the kubelet's conditions with a fresh lastHeartbeatTime. A condition
   * whose status changes (the node-lifecycle-controller set it Unknown while the machine was
   * down) gets a new lastTransitionTime and its event (`NodeReady`, `NodeHasSufficientMemory`…).
   * Returns the condition types that changed; a change is a traced write, a plain refresh is quiet.
   */
  reportStatus(causeId?: number): string[] {
    this.lastReport = this.ctx.clock.now();
    const path = `/api/v1/nodes/${this.node}`;
    const cur = this.ctx.request({ verb: 'GET', path, quiet: true });
    if (cur.code !== 200) return [];
    const node = cur.body as { status?: { conditions?: NodeCondition[] } };
    const now = this.ctx.clock.timestamp();
    const existing = node.status?.conditions ?? [];
    const changed: string[] = [];
    const desired = (c: NodeCondition): NodeCondition => {
      const want = KUBELET_CONDITIONS.find((k) => k.type === c.type);
      if (!want) return { ...c, lastHeartbeatTime: now };
      if (c.status !== want.status) changed.push(c.type);
      return {
        type: c.type, status: want.status, lastHeartbeatTime: now,
        lastTransitionTime: c.status === want.status ? c.lastTransitionTime : now,
        reason: want.reason, message: want.message,
      };
    };
    const conditions = existing.map(desired);
    for (const k of KUBELET_CONDITIONS) {
      if (!existing.some((c) => c.type === k.type)) {
        changed.push(k.type);
        conditions.push({ type: k.type, status: k.status, lastHeartbeatTime: now, lastTransitionTime: now, reason: k.reason, message: k.message });
      }
    }
    let spanId = causeId;
    if (changed.includes('Ready')) {
      spanId = this.ctx.trace({
        from: 'kubelet', to: 'kubelet', node: this.node, verb: 'syncNodeStatus', kind: 'kubeletNodeReady', duration: 0, causeId,
        object: `Node/${this.node}`, args: { node: this.node, reason: 'KubeletReady' },
        summary: `The kubelet on ${this.node} posts its node status again: Ready=True (KubeletReady, kubelet is posting ready status).`,
      }).id || causeId;
    }
    this.ctx.request({
      verb: 'PATCH', path: `${path}/status`, body: { status: { conditions } },
      patchType: 'application/merge-patch+json', userAgent: this.userAgent, quiet: changed.length === 0, causeId: spanId,
    });
    // setters.go records each transition after computing the status (recordNodeStatusEvent).
    for (const k of KUBELET_CONDITIONS) {
      if (changed.includes(k.type)) this.nodeEvent(k.event, `Node ${this.node} status is now: ${k.event}`);
    }
    return changed;
  }
}
