/**
 * Node heartbeats: the kubelet's Lease in kube-node-lease (renewed every 10 s, duration 40 s)
 * and the periodic node status (every 10 s, posted when it changed or every 5 min).
 * Mirrors k8s.io/component-helpers/apimachinery/lease/controller.go and
 * pkg/kubelet/kubelet_node_status.go (syncNodeStatus, nodeStatusReportFrequency).
 */
import type { ComponentContext, TimerHandle } from '../component.ts';

export const NODE_LEASE_DURATION_SECONDS = 40;
export const LEASE_RENEW_INTERVAL_MS = 10_000;
export const NODE_STATUS_UPDATE_FREQUENCY_MS = 10_000;
export const NODE_STATUS_REPORT_FREQUENCY_MS = 5 * 60_000;

/** metav1.MicroTime: RFC 3339 with microseconds. */
export function microTime(unixMs: number): string {
  return new Date(unixMs).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export class Heartbeat {
  private timer?: TimerHandle;
  private lastReport = 0;
  private running = false;

  constructor(
    private readonly ctx: ComponentContext,
    private readonly node: string,
    private readonly userAgent: string,
    /** The node's uid, for the Lease's ownerReference. */
    private readonly nodeUID: string | undefined,
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
    this.timer = this.ctx.clock.after(LEASE_RENEW_INTERVAL_MS, () => {
      if (!this.running) return;
      this.renewLease();
      // Conditions never change in the simulation while the machine runs, so the status is
      // only re-posted at the report frequency (with fresh lastHeartbeatTime).
      if (this.ctx.clock.now() - this.lastReport >= NODE_STATUS_REPORT_FREQUENCY_MS) this.reportStatus();
      this.schedule();
    });
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

  renewLease(): void {
    const path = `/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${this.node}`;
    const res = this.ctx.request({
      verb: 'PATCH', path, body: { spec: { holderIdentity: this.node, renewTime: microTime(this.ctx.clock.nowMs()) } },
      patchType: 'application/merge-patch+json', userAgent: this.userAgent, quiet: true,
    });
    if (res.code === 404) {
      this.ctx.request({
        verb: 'POST', path: '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases', body: this.leaseBody(),
        userAgent: this.userAgent, quiet: true,
      });
    }
  }

  /** Re-posts the node conditions with a fresh lastHeartbeatTime (Ready, kubelet posting). */
  reportStatus(ready = true): void {
    this.lastReport = this.ctx.clock.now();
    const path = `/api/v1/nodes/${this.node}`;
    const cur = this.ctx.request({ verb: 'GET', path, quiet: true });
    if (cur.code !== 200) return;
    const node = cur.body as { status?: { conditions?: Record<string, unknown>[] } };
    const now = this.ctx.clock.timestamp();
    const conditions = (node.status?.conditions ?? []).map((c) => {
      if (c.type !== 'Ready') return { ...c, lastHeartbeatTime: now };
      const status = ready ? 'True' : 'False';
      return {
        ...c, lastHeartbeatTime: now, status,
        lastTransitionTime: c.status === status ? c.lastTransitionTime : now,
        reason: ready ? 'KubeletReady' : 'KubeletNotReady',
        message: ready ? 'kubelet is posting ready status' : 'container runtime is down',
      };
    });
    this.ctx.request({
      verb: 'PATCH', path: `${path}/status`, body: { status: { conditions } },
      patchType: 'application/merge-patch+json', userAgent: this.userAgent, quiet: true,
    });
  }
}
