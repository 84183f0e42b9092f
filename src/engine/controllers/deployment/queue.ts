/**
 * The controller's work queue and client on the virtual clock: client-go util/workqueue (a
 * de-duplicating queue with AddAfter and AddRateLimited, per-item exponential back-off 5 ms →
 * 1000 s) and the typed apps/v1 client calls the sync functions make.
 */
import type { ComponentContext, EventRecorder, TimerHandle, VirtualClock } from '../../component.ts';
import type { ReplicaSetMutationCache } from './mutationCache.ts';
import { nsOf, SyncError, type DeploymentClient, type V1Deployment, type V1ReplicaSet } from './types.ts';

const BASE_DELAY_MS = 5;
const MAX_DELAY_MS = 1_000_000;
/** deployment_controller.go maxRetries. */
const MAX_RETRIES = 15;

function keyOf(d: V1Deployment): string {
  return `${nsOf(d)}/${d.metadata.name}`;
}

/**
 * Keys wait until the clock runs the drain (so a burst of watch events makes one sync). A key
 * remembers the latest watch span that queued it: the cause its sync's decisions name.
 */
export class DeploymentQueue {
  private readonly dirty = new Map<string, number | undefined>();
  private readonly waiting = new Map<string, { at: number; timer: TimerHandle }>();
  private readonly failures = new Map<string, number>();
  /** Keys that asked for a rate-limited retry during their own sync: not forgotten after it. */
  private readonly retrying = new Set<string>();
  private armed = false;

  constructor(
    private readonly clock: VirtualClock,
    private readonly handler: (key: string, cause: number | undefined) => void,
  ) {}

  add(key: string, cause?: number): void {
    if (cause !== undefined || !this.dirty.has(key)) this.dirty.set(key, cause ?? this.dirty.get(key));
    if (!this.armed) {
      this.armed = true;
      this.clock.after(0, () => this.drain());
    }
  }

  /** AddAfter: one timer per key, the earliest wins. */
  addAfter(key: string, ms: number, cause?: number): void {
    if (ms <= 0) return this.add(key, cause);
    const at = this.clock.now() + ms;
    const w = this.waiting.get(key);
    if (w && w.at <= at) return;
    w?.timer.cancel();
    this.waiting.set(key, {
      at,
      timer: this.clock.after(ms, () => {
        this.waiting.delete(key);
        this.add(key, cause);
      }),
    });
  }

  /** AddRateLimited: 5 ms, 10 ms, 20 ms … per consecutive retry of the key. */
  addRateLimited(key: string, cause?: number): void {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    this.retrying.add(key);
    this.addAfter(key, Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** n), cause);
  }

  private drain(): void {
    this.armed = false;
    for (const [key, cause] of [...this.dirty]) {
      this.dirty.delete(key);
      this.retrying.delete(key);
      try {
        this.handler(key, cause);
        // Forget: a clean sync resets the back-off, unless it asked to be retried.
        if (!this.retrying.has(key)) this.failures.delete(key);
      } catch {
        // handleErr: retry with back-off, then drop the key (maxRetries).
        // The retry keeps the cause, so its decisions still answer "why".
        if ((this.failures.get(key) ?? 0) < MAX_RETRIES) this.addRateLimited(key, cause);
        else this.failures.delete(key);
      }
    }
  }
}

/** The DeploymentClient the sync functions use, over the component's REST handler and caches. */
export function createDeploymentClient(
  ctx: ComponentContext, recorder: EventRecorder, rsCache: ReplicaSetMutationCache, queue: DeploymentQueue, userAgent: string,
  onDeploymentWritten: (d: V1Deployment) => void,
): DeploymentClient {
  const rsPath = (ns: string) => `/apis/apps/v1/namespaces/${ns}/replicasets`;
  const failure = (res: { code: number; body: unknown }) => (res.body as { message?: string } | undefined)?.message ?? `code ${res.code}`;
  const dc: DeploymentClient = {
    nowMs: () => ctx.clock.nowMs(),
    timestamp: () => ctx.clock.timestamp(),
    createReplicaSet(rs, causeId) {
      const res = ctx.request({ verb: 'POST', path: rsPath(nsOf(rs)), body: rs, causeId, userAgent });
      if (res.code !== 201) return { code: res.code, message: failure(res) };
      rsCache.mutated(res.body as V1ReplicaSet);
      return { rs: res.body as V1ReplicaSet, code: res.code };
    },
    updateReplicaSet(rs, causeId) {
      const res = ctx.request({ verb: 'PUT', path: `${rsPath(nsOf(rs))}/${rs.metadata.name}`, body: rs, causeId, userAgent });
      if (res.code !== 200) throw new SyncError(failure(res));
      rsCache.mutated(res.body as V1ReplicaSet);
      return res.body as V1ReplicaSet;
    },
    deleteReplicaSet(rs, causeId) {
      const res = ctx.request({ verb: 'DELETE', path: `${rsPath(nsOf(rs))}/${rs.metadata.name}`, causeId, userAgent });
      if (res.code >= 300 && res.code !== 404) throw new SyncError(failure(res));
      rsCache.deleted(rs);
    },
    updateDeploymentStatus(d, causeId) {
      const res = ctx.request({ verb: 'PUT', path: `/apis/apps/v1/namespaces/${nsOf(d)}/deployments/${d.metadata.name}/status`, body: d, causeId, userAgent });
      if (res.code !== 200) throw new SyncError(failure(res));
      onDeploymentWritten(res.body as V1Deployment);
      return res.body as V1Deployment;
    },
    getReplicaSet: (ns, name) => rsCache.get(ns, name),
    event: (d, type, reason, message) => recorder.event(d, type, reason, message),
    enqueueAfter: (d, ms) => queue.addAfter(keyOf(d), ms),
    enqueueRateLimited: (d) => queue.addRateLimited(keyOf(d)),
    decide(d, decision) {
      return ctx.trace({
        from: 'controller-manager', to: 'controller-manager', verb: 'syncDeployment', object: `Deployment/${nsOf(d)}/${d.metadata.name}`,
        duration: 0, causeId: dc.cause, ...decision,
      }).id;
    },
  };
  return dc;
}
