/**
 * Property tests (fast-check) for the Deployment controller on the real engine (API server,
 * Deployment + ReplicaSet controllers, GC, scheduler, kubelets). What upstream guarantees, and so
 * what is asserted:
 *
 * 1. Convergence: after any sequence of scale (PATCH …/scale as `kubectl scale`, or a merge patch
 *    of spec.replicas), graceful pod deletions, `kubectl set image` (strategic merge patch),
 *    container kills (`sim container kill`) and waits, with no more input the Deployment reaches
 *    exactly spec.replicas active pods, all controlled by the newest ReplicaSet (highest revision,
 *    template = the Deployment's template minus pod-template-hash), each pod by exactly one
 *    ReplicaSet, every ReplicaSet by the Deployment, old ReplicaSets at 0, and a status that tells
 *    the truth (replicas/updated/ready/available = spec.replicas, observedGeneration = generation,
 *    Available=True, Progressing=True NewReplicaSetAvailable) — and stays there.
 * 2. Surge bound (rolling.go reconcileNewReplicaSet/NewRSNewReplicas, sync.go scale): the sum of
 *    the Deployment's ReplicaSets' spec.replicas (what the controller decided) never exceeds
 *    spec.replicas + maxSurge *of the current spec*. Upstream only promises that once it has acted
 *    on the current spec: right after a scale-down the old sizes are still there until the next
 *    sync scales them proportionally. So the bound is checked after every write in which
 *    status.observedGeneration == metadata.generation (the controller writes the ReplicaSets
 *    before the status of the sync that observes a generation). Recreate: the same with maxSurge 0.
 * 3. Availability (rolling.go reconcileOldReplicaSets: minAvailable = replicas − maxUnavailable):
 *    a `set image` (any catalog image, including a previous one: a rollback) on a complete
 *    Deployment, with nothing deleted or killed, never leaves fewer than replicas − maxUnavailable
 *    available (Ready, not terminating) pods until the rollout completes; then the next one.
 *    Not asserted for a rollover (a new template while a rollout is in flight, three or more
 *    ReplicaSets): there upstream itself can dip below the bound. The ReplicaSet controller writes
 *    status from the pods it listed before deleting (replica_set.go syncReplicaSet →
 *    calculateStatus(rs, activePods…)), so for a moment an old ReplicaSet reports a pod it just
 *    deleted as available; cleanupUnhealthyReplicas spends maxScaledDown on another old
 *    ReplicaSet and scaleDownOldReplicaSetsForRollingUpdate, trusting that stale count, scales
 *    down once more. The engine reproduces this faithfully (see the H7 report).
 * 4. Recreate (recreate.go oldPodsRunning): pods of two ReplicaSets are never non-terminal at the
 *    same time.
 *
 * Seeds: fast-check's seed drives the operation sequence and each run's cluster seed, so a failure
 * prints a reproducible (seed, path). Runs: DEPLOY_PROPERTY_RUNS (default 20);
 * DEPLOY_PROPERTY_SEED replays a seed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster.ts';
import type { KubeObject } from '../types.ts';
import { isPodActive, isPodAvailable, isPodReady, isPodTerminal } from './podutil.ts';
import {
  controllerRef, controllerRefs, fenceposts, StoreMirror, templateIgnoringHash, type IntOrPercent, type StrategySpec,
} from './propertyHelpers.test-helper.ts';

const NS = 'default';
const D = `/apis/apps/v1/namespaces/${NS}/deployments`;
const IMAGES = ['nginx:1.27', 'nginx:1.29', 'nginx:1.25', 'httpd:2.4'] as const;
const RUNS = Number(process.env.DEPLOY_PROPERTY_RUNS ?? 20);
const SEED = process.env.DEPLOY_PROPERTY_SEED ? { seed: Number(process.env.DEPLOY_PROPERTY_SEED) } : {};
const REV = 'deployment.kubernetes.io/revision';

export type Op =
  | { op: 'scale'; replicas: number; via: 'scale' | 'patch'; wait: number }
  | { op: 'delete'; pod: number; wait: number }
  | { op: 'image'; image: string; wait: number }
  | { op: 'kill'; pod: number; wait: number };

// Biased to short waits so scaling and new templates often land in the middle of a rollout.
const waitArb = fc.oneof(fc.integer({ min: 0, max: 3_000 }), fc.integer({ min: 0, max: 30_000 }));
const intOrPercent: fc.Arbitrary<IntOrPercent> = fc.oneof(
  fc.integer({ min: 0, max: 3 }),
  fc.constantFrom('0%', '10%', '25%', '34%', '50%', '100%'),
);
const isZero = (v: IntOrPercent) => v === 0 || v === '0%';
const rollingArb: fc.Arbitrary<StrategySpec> = fc
  .record({ maxSurge: intOrPercent, maxUnavailable: intOrPercent })
  .filter((r) => !(isZero(r.maxSurge) && isZero(r.maxUnavailable)))
  .map((rollingUpdate) => ({ type: 'RollingUpdate' as const, rollingUpdate }));
const strategyArb: fc.Arbitrary<StrategySpec> = fc.oneof({ weight: 3, arbitrary: rollingArb }, { weight: 1, arbitrary: fc.constant({ type: 'Recreate' as const }) });
const imageOp = fc.record({ op: fc.constant('image' as const), image: fc.constantFrom(...IMAGES), wait: waitArb });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('scale' as const), replicas: fc.integer({ min: 0, max: 8 }), via: fc.constantFrom('scale' as const, 'patch' as const), wait: waitArb }),
  fc.record({ op: fc.constant('delete' as const), pod: fc.nat(), wait: waitArb }),
  imageOp,
  fc.record({ op: fc.constant('kill' as const), pod: fc.nat(), wait: waitArb }),
);

function manifest(replicas: number, strategy: StrategySpec): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: NS },
    spec: {
      replicas, strategy, selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: IMAGES[0] }] } },
    },
  };
}

type Dep = KubeObject & {
  spec: { replicas: number; strategy: StrategySpec; template: unknown };
  status?: { observedGeneration?: number; replicas?: number; updatedReplicas?: number; readyReplicas?: number; availableReplicas?: number; unavailableReplicas?: number; conditions?: { type: string; status: string; reason?: string }[] };
};
type RS = KubeObject & { spec: { replicas?: number; template: unknown }; status?: { replicas?: number } };

/** One run's cluster, its change-feed mirror and the invariants checked after every write. */
class Harness {
  readonly c: TestCluster;
  readonly mirror: StoreMirror;
  readonly violations: string[] = [];
  /** Set once the Deployment is complete and only `set image` follows (property 3). */
  checkAvailability = false;

  constructor(seed: number, replicas: number, strategy: StrategySpec) {
    this.c = new TestCluster({ seed, workers: 2 });
    this.mirror = new StoreMirror(this.c.cluster, () => this.check());
    expect(this.c.apply(manifest(replicas, strategy))[0].code).toBe(201);
  }

  private violate(what: string): void {
    // The first few are enough to explain a failure; keep the check cheap afterwards.
    if (this.violations.length < 5) this.violations.push(`t=${this.c.cluster.now()}ms ${what}`);
  }

  private check(): void {
    const d = this.mirror.deployment('web') as Dep | undefined;
    if (!d) return;
    const rss = this.mirror.ownedReplicaSets(d.metadata.uid!) as RS[];
    const want = d.spec.replicas;
    const [surge, unavailable] = fenceposts(d.spec.strategy, want);
    if (d.status?.observedGeneration === d.metadata.generation) {
      const total = rss.reduce((n, rs) => n + (rs.spec.replicas ?? 0), 0);
      if (total > want + surge) {
        this.violate(`surge: ReplicaSets sum to ${total} > ${want} + maxSurge ${surge} (${rss.map((r) => `${r.metadata.name}=${r.spec.replicas}`).join(' ')}, generation ${d.metadata.generation} observed)`);
      }
    }
    const pods = this.mirror.podsOf(rss);
    for (const p of this.mirror.pods.values()) {
      const refs = controllerRefs(p);
      if (refs.length > 1 || (isPodActive(p) && p.metadata.labels?.app === 'web' && !rss.some((r) => r.metadata.uid === refs[0]?.uid))) {
        this.violate(`ownership: active pod ${p.metadata.name} controlled by [${refs.map((r) => r.name).join(',')}], not by one of the Deployment's ReplicaSets`);
      }
    }
    if (d.spec.strategy.type === 'Recreate') {
      const running = new Set(pods.filter((p) => !isPodTerminal(p)).map((p) => controllerRef(p)!.name));
      if (running.size > 1) this.violate(`recreate: pods of ${[...running].sort().join(' and ')} are not terminal at the same time`);
    }
    if (this.checkAvailability) {
      const nowMs = this.c.cluster.epochMs + this.c.cluster.now();
      const available = pods.filter((p) => isPodActive(p) && isPodAvailable(p, 0, nowMs)).length;
      if (available < want - unavailable) this.violate(`availability: ${available} available < ${want} - maxUnavailable ${unavailable}`);
    }
  }

  livePods(): KubeObject[] {
    return this.c.pods('app=web').filter((p) => !p.metadata.deletionTimestamp).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  }

  apply(o: Op): void {
    const h = this.c.cluster;
    if (o.op === 'scale') {
      const res = o.via === 'scale'
        ? this.c.scale('deployments', 'web', o.replicas)
        : h.handle({ verb: 'PATCH', path: `${D}/web`, body: { spec: { replicas: o.replicas } }, patchType: 'application/merge-patch+json' });
      expect(res.code).toBe(200);
    } else if (o.op === 'image') {
      // kubectl set image deployment/web web=IMAGE
      const body = { spec: { template: { spec: { containers: [{ name: 'web', image: o.image }] } } } };
      expect(h.handle({ verb: 'PATCH', path: `${D}/web`, body, patchType: 'application/strategic-merge-patch+json' }).code).toBe(200);
    } else {
      const live = this.livePods();
      if (live.length) {
        const pod = live[o.pod % live.length].metadata.name;
        if (o.op === 'delete') expect(h.handle({ verb: 'DELETE', path: `/api/v1/namespaces/${NS}/pods/${pod}` }).code).toBe(200);
        else h.sim.containerKill(pod); // a pod not started yet has nothing to kill: fine
      }
    }
    this.c.runFor(o.wait);
  }

  /** Every way the end state can differ from what upstream converges to (empty when converged). */
  endStateProblems(): string[] {
    const out: string[] = [];
    const d = this.c.get(`${D}/web`).body as Dep;
    const want = d.spec.replicas;
    const rss = (this.c.replicasets().filter((r) => r.metadata.namespace === NS) as RS[]);
    for (const rs of rss) if (controllerRef(rs)?.uid !== d.metadata.uid) out.push(`ReplicaSet ${rs.metadata.name} is not controlled by the Deployment`);
    const rev = (r: RS) => Number(r.metadata.annotations?.[REV] ?? 0);
    const newest = [...rss].sort((a, b) => rev(b) - rev(a))[0];
    if (!newest) return [...out, 'no ReplicaSet'];
    if (templateIgnoringHash(newest.spec.template) !== templateIgnoringHash(d.spec.template)) out.push(`newest ReplicaSet ${newest.metadata.name} has not the Deployment's template`);
    if (d.metadata.annotations?.[REV] !== String(rev(newest))) out.push(`Deployment revision ${d.metadata.annotations?.[REV]} ≠ newest ReplicaSet's ${rev(newest)}`);
    if ((newest.spec.replicas ?? 0) !== want || (newest.status?.replicas ?? 0) !== want) out.push(`newest ReplicaSet ${newest.metadata.name} spec/status ${newest.spec.replicas}/${newest.status?.replicas} ≠ ${want}`);
    for (const rs of rss) {
      if (rs !== newest && ((rs.spec.replicas ?? 0) !== 0 || (rs.status?.replicas ?? 0) !== 0)) out.push(`old ReplicaSet ${rs.metadata.name} spec/status ${rs.spec.replicas}/${rs.status?.replicas}, not 0`);
    }
    const active = this.c.pods().filter((p) => p.metadata.namespace === NS && isPodActive(p));
    if (active.length !== want) out.push(`${active.length} active pods, want ${want}`);
    for (const p of active) {
      const refs = controllerRefs(p);
      if (refs.length !== 1 || refs[0].uid !== newest.metadata.uid) out.push(`pod ${p.metadata.name} controlled by [${refs.map((r) => r.name).join(',')}], not ${newest.metadata.name}`);
      if (!isPodReady(p)) out.push(`pod ${p.metadata.name} not Ready`);
    }
    const s = d.status ?? {};
    const got = [s.observedGeneration, s.replicas ?? 0, s.updatedReplicas ?? 0, s.readyReplicas ?? 0, s.availableReplicas ?? 0, s.unavailableReplicas ?? 0];
    const exp = [d.metadata.generation, want, want, want, want, 0];
    if (got.join() !== exp.join()) out.push(`status [observedGeneration, replicas, updated, ready, available, unavailable] = [${got}], want [${exp}]`);
    const cond = (t: string) => s.conditions?.find((x) => x.type === t);
    if (cond('Available')?.status !== 'True') out.push(`Available condition ${JSON.stringify(cond('Available'))}`);
    if (cond('Progressing')?.reason !== 'NewReplicaSetAvailable') out.push(`Progressing condition ${JSON.stringify(cond('Progressing'))}`);
    return out;
  }

  /** Cheap test from the mirror: the controller reports completion of the current generation. */
  private looksComplete(): boolean {
    const d = this.mirror.deployment('web') as Dep | undefined;
    const s = d?.status;
    if (!d || !s || s.observedGeneration !== d.metadata.generation) return false;
    const n = d.spec.replicas;
    return s.replicas === n && s.updatedReplicas === n && s.availableReplicas === n && (s.readyReplicas ?? 0) === n;
  }

  /** Run (1 s steps) until the end state holds or `maxMs` passes; returns the remaining problems. */
  settle(maxMs: number): string[] {
    const end = this.c.cluster.now() + maxMs;
    while (this.c.cluster.now() < end) {
      this.c.runFor(1000);
      if (this.looksComplete() && this.endStateProblems().length === 0) return [];
    }
    return this.endStateProblems();
  }
}

function report(h: Harness, ops: Op[], extra: string[]): string {
  return JSON.stringify({ clusterSeed: h.c.cluster.options.seed, ops, violations: h.violations, endState: extra }, null, 1);
}

describe('Deployment controller properties', () => {
  it('random scale / delete pod / set image / container kill: converges with correct ownership; surge bound and Recreate exclusivity hold at every write', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 8 }), strategyArb, fc.array(opArb, { maxLength: 10 }), (seed, replicas, strategy, ops) => {
        const h = new Harness(seed, replicas, strategy);
        try {
          for (const o of ops) h.apply(o);
          const problems = h.settle(10 * 60_000);
          expect(h.violations, report(h, ops, problems)).toEqual([]);
          expect(problems, report(h, ops, problems)).toEqual([]);
          // Converged means stable: nothing moves afterwards.
          h.c.runFor('30s');
          expect(h.endStateProblems(), report(h, ops, [])).toEqual([]);
          expect(h.violations, report(h, ops, [])).toEqual([]);
        } finally {
          h.mirror.close();
        }
      }),
      { numRuns: RUNS, ...SEED },
    );
  }, 300_000);

  it('RollingUpdate, set image on a complete Deployment (repeatedly): never fewer than replicas − maxUnavailable available pods', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 8 }), rollingArb, fc.array(imageOp, { minLength: 1, maxLength: 4 }), (seed, replicas, strategy, ops) => {
        const h = new Harness(seed, replicas, strategy);
        try {
          expect(h.settle(5 * 60_000), 'initial rollout').toEqual([]);
          h.checkAvailability = true;
          for (const o of ops) {
            h.apply(o);
            const problems = h.settle(10 * 60_000);
            expect(h.violations, report(h, ops, problems)).toEqual([]);
            expect(problems, report(h, ops, problems)).toEqual([]);
          }
        } finally {
          h.mirror.close();
        }
      }),
      { numRuns: RUNS, ...SEED },
    );
  }, 300_000);
});
