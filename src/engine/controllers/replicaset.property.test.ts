/**
 * Property test (fast-check) for the ReplicaSet controller on the real engine: whatever sequence
 * of scaling, pod deletions and relabelling happens to two ReplicaSets, the cluster converges to
 * each one's spec.replicas, every active pod has exactly one controller whose selector it
 * matches, no matching pod is left orphaned, and status.replicas tells the truth.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster.ts';
import type { KubeObject } from '../types.ts';
import type { OwnerReference } from './podutil.ts';

const NAMES = ['web', 'api'] as const;
type Op =
  | { op: 'scale'; rs: number; replicas: number; wait: number }
  | { op: 'delete'; pod: number; wait: number }
  | { op: 'relabel'; pod: number; to: 'web' | 'api' | 'none'; wait: number };

const wait = fc.integer({ min: 0, max: 3000 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('scale' as const), rs: fc.integer({ min: 0, max: 1 }), replicas: fc.integer({ min: 0, max: 6 }), wait }),
  fc.record({ op: fc.constant('delete' as const), pod: fc.nat(), wait }),
  fc.record({ op: fc.constant('relabel' as const), pod: fc.nat(), to: fc.constantFrom('web' as const, 'api' as const, 'none' as const), wait }),
);

function rsManifest(name: string, replicas: number): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name },
    spec: {
      replicas, selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } },
    },
  };
}

const RS = '/apis/apps/v1/namespaces/default/replicasets';

describe('ReplicaSet controller properties', () => {
  it('converges to spec.replicas with every active pod owned by exactly one matching controller', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })), fc.array(opArb, { maxLength: 8 }), (seed, initial, ops) => {
        const c = new TestCluster({ seed, workers: 2 });
        NAMES.forEach((n, i) => expect(c.apply(rsManifest(n, initial[i]))[0].code).toBe(201));
        c.runFor('2s');
        const h = c.cluster;
        for (const o of ops) {
          const live = c.pods().filter((p) => !p.metadata.deletionTimestamp).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
          if (o.op === 'scale') {
            const res = h.handle({ verb: 'PATCH', path: `${RS}/${NAMES[o.rs]}/scale`, body: { spec: { replicas: o.replicas } }, patchType: 'application/merge-patch+json' });
            expect(res.code).toBe(200);
          } else if (live.length) {
            const pod = live[o.pod % live.length];
            const path = `/api/v1/namespaces/default/pods/${pod.metadata.name}`;
            if (o.op === 'delete') h.handle({ verb: 'DELETE', path });
            else h.handle({ verb: 'PATCH', path, body: { metadata: { labels: { app: o.to } } }, patchType: 'application/merge-patch+json' });
          }
          c.runFor(o.wait);
        }
        c.runFor('3m');

        const sets = NAMES.map((n) => c.get(`${RS}/${n}`).body as KubeObject & { spec: { replicas: number }; status: { replicas?: number } });
        const uidToSet = new Map(sets.map((s) => [s.metadata.uid!, s]));
        const active = c.pods().filter((p) => !p.metadata.deletionTimestamp && !['Succeeded', 'Failed'].includes((p.status as { phase?: string }).phase ?? ''));
        const owned = new Map<string, number>();
        for (const p of active) {
          const refs = ((p.metadata.ownerReferences ?? []) as OwnerReference[]).filter((r) => r.controller);
          const app = p.metadata.labels?.app;
          if (app === 'web' || app === 'api') {
            // Matches a selector: it must have been claimed, by the ReplicaSet whose selector it matches.
            expect(refs).toHaveLength(1);
            expect(uidToSet.get(refs[0].uid)?.metadata.name).toBe(app);
            owned.set(app, (owned.get(app) ?? 0) + 1);
          } else expect(refs).toHaveLength(0);
        }
        for (const s of sets) {
          expect(owned.get(s.metadata.name) ?? 0).toBe(s.spec.replicas);
          expect(s.status.replicas ?? 0).toBe(s.spec.replicas);
        }
      }),
      { numRuns: Number(process.env.RS_PROPERTY_RUNS ?? 25) },
    );
  }, 120_000);
});
