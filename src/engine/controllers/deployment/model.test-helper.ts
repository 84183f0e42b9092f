/**
 * A small in-memory model for the sync functions' unit tests: ReplicaSets and one Deployment in
 * maps, a settable clock, and `settle()` — "every pod becomes available at once" — so a rollout
 * can be stepped sync by sync on plain numbers.
 */
import { clone } from '../../api/equal.ts';
import type { KubeObject } from '../../types.ts';
import type { PodMap } from './recreate.ts';
import { reconcileDeployment } from './syncDeployment.ts';
import { SyncError, type DeploymentClient, type V1Deployment, type V1ReplicaSet } from './types.ts';

export const EPOCH = Date.parse('2026-01-01T00:00:00Z');

export function deployment(replicas: number, opts: { maxSurge?: number | string; maxUnavailable?: number | string; image?: string; type?: 'RollingUpdate' | 'Recreate'; revisionHistoryLimit?: number } = {}): V1Deployment {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', uid: 'd-uid', generation: 1, resourceVersion: '1', creationTimestamp: new Date(EPOCH).toISOString() },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: opts.image ?? 'nginx:1.25' }] } },
      strategy: opts.type === 'Recreate'
        ? { type: 'Recreate' }
        : { type: 'RollingUpdate', rollingUpdate: { maxSurge: opts.maxSurge ?? '25%', maxUnavailable: opts.maxUnavailable ?? '25%' } },
      revisionHistoryLimit: opts.revisionHistoryLimit ?? 10,
      progressDeadlineSeconds: 600,
    },
    status: {},
  };
}

export class Model {
  d: V1Deployment;
  rss = new Map<string, V1ReplicaSet>();
  events: string[] = [];
  decisions: { kind: string; args: Record<string, string | number> }[] = [];
  requeues: number[] = [];
  /** Extra pods per RS UID (beyond status.replicas Running ones) for Recreate tests. */
  extraPods = new Map<string, KubeObject[]>();
  nowMs = EPOCH;
  /** When set, POST of a ReplicaSet fails with this code and message. */
  createFails?: { code: number; message: string };
  rv = 1;
  uid = 0;

  constructor(d: V1Deployment) {
    this.d = d;
  }

  client(): DeploymentClient {
    return clientFor(this);
  }

  /** One syncDeployment against the current state. */
  sync(): void {
    const podMap = (): PodMap => {
      const pm: PodMap = new Map();
      for (const rs of this.rss.values()) {
        const running = Array.from({ length: rs.status?.replicas ?? 0 }, (_, i) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `${rs.metadata.name}-${i}` }, status: { phase: 'Running' } }));
        pm.set(rs.metadata.uid!, [...running, ...(this.extraPods.get(rs.metadata.uid!) ?? [])]);
      }
      return pm;
    };
    reconcileDeployment(this.client(), clone(this.d), [...this.rss.values()].map((rs) => clone(rs)), podMap);
  }

  /** Every RS's pods exist and are available (RS controller + kubelets done), `available` overrides per RS. */
  settle(available: Record<string, number> = {}): void {
    for (const rs of this.rss.values()) {
      const n = rs.spec?.replicas ?? 1;
      const a = available[rs.metadata.name] ?? n;
      rs.status = { replicas: n, readyReplicas: a, availableReplicas: a, observedGeneration: rs.metadata.generation };
      rs.metadata.resourceVersion = String(++this.rv);
    }
  }

  /** Change the pod template (a new rollout); bumps generation as the API server does. */
  setImage(image: string): void {
    const d = clone(this.d);
    d.spec!.template!.spec!.containers[0].image = image;
    d.metadata.generation = (d.metadata.generation ?? 1) + 1;
    d.metadata.resourceVersion = String(++this.rv);
    this.d = d;
  }

  setSpec(mut: (d: V1Deployment) => void): void {
    const d = clone(this.d);
    mut(d);
    d.metadata.generation = (d.metadata.generation ?? 1) + 1;
    d.metadata.resourceVersion = String(++this.rv);
    this.d = d;
  }

  sizes(): Record<string, number> {
    return Object.fromEntries([...this.rss.values()].map((rs) => [rs.metadata.name, rs.spec?.replicas ?? 1]));
  }

  scalingEvents(): string[] {
    return this.events.filter((e) => e.includes('ScalingReplicaSet')).map((e) => e.replace('Normal ScalingReplicaSet ', ''));
  }
}

function clientFor(m: Model): DeploymentClient {
  const iso = () => new Date(Math.floor(m.nowMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  return {
    nowMs: () => m.nowMs,
    timestamp: iso,
    createReplicaSet(rs) {
      if (m.createFails) return { ...m.createFails };
      if (m.rss.has(rs.metadata.name)) return { code: 409, message: 'already exists' };
      const stored = clone(rs);
      stored.metadata.uid = `rs-${++m.uid}`;
      stored.metadata.generation = 1;
      stored.metadata.resourceVersion = String(++m.rv);
      // One second apart, so creation order is the age order.
      stored.metadata.creationTimestamp = new Date(EPOCH + m.uid * 1000).toISOString();
      stored.status = { replicas: 0 };
      m.rss.set(rs.metadata.name, stored);
      return { rs: clone(stored), code: 201 };
    },
    updateReplicaSet(rs) {
      const cur = m.rss.get(rs.metadata.name);
      if (!cur || cur.metadata.resourceVersion !== rs.metadata.resourceVersion) throw new SyncError('conflict');
      const next = clone(rs);
      next.status = cur.status;
      next.metadata.resourceVersion = String(++m.rv);
      if (JSON.stringify(next.spec) !== JSON.stringify(cur.spec)) next.metadata.generation = (cur.metadata.generation ?? 1) + 1;
      m.rss.set(rs.metadata.name, next);
      return clone(next);
    },
    deleteReplicaSet(rs) {
      m.rss.delete(rs.metadata.name);
      m.events.push(`deleted ${rs.metadata.name}`);
    },
    updateDeploymentStatus(d) {
      if (d.metadata.resourceVersion !== m.d.metadata.resourceVersion) throw new SyncError('conflict');
      m.d = { ...clone(m.d), metadata: { ...clone(d.metadata), resourceVersion: String(++m.rv) }, status: clone(d.status) };
      return clone(m.d);
    },
    getReplicaSet: (_ns, name) => m.rss.get(name),
    event: (_d, type, reason, message) => m.events.push(`${type} ${reason} ${message}`),
    enqueueAfter: (_d, ms) => m.requeues.push(ms),
    enqueueRateLimited: () => m.requeues.push(0),
    decide(_d, dec) {
      m.decisions.push({ kind: dec.kind, args: dec.args });
      return m.decisions.length;
    },
  };
}
