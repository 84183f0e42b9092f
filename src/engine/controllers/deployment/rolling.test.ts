import { describe, expect, it } from 'vitest';
import { deployment, Model } from './model.test-helper.ts';
import { maxSurge, maxUnavailable } from './deploymentUtil.ts';
import type { V1Deployment } from './types.ts';

/** A complete rollout of `d` at revision 1, then an image change rolled out step by step. */
function rollout(d: V1Deployment): { steps: string[]; model: Model; maxTotal: number; minAvailable: number } {
  const m = new Model(d);
  m.sync();
  m.settle();
  m.sync();
  m.events = [];
  const oldName = [...m.rss.keys()][0];
  m.setImage('nginx:1.26');
  const want = d.spec!.replicas!;
  let maxTotal = 0;
  let minAvailable = Infinity;
  for (let i = 0; i < 40; i++) {
    const before = m.events.length;
    m.sync();
    // Right after a sync: scale-downs took effect, new pods are not available yet.
    const rss = [...m.rss.values()];
    maxTotal = Math.max(maxTotal, rss.reduce((n, rs) => n + (rs.spec?.replicas ?? 0), 0));
    minAvailable = Math.min(minAvailable, rss.reduce((n, rs) => n + Math.min(rs.spec?.replicas ?? 0, rs.status?.availableReplicas ?? 0), 0));
    m.settle();
    if (m.events.length === before && i > 0) {
      m.sync();
      break;
    }
  }
  const newName = [...m.rss.keys()].find((n) => n !== oldName)!;
  const steps = m.scalingEvents().map((e) => e.replace(newName, 'new').replace(oldName, 'old'));
  expect(m.sizes()).toEqual({ [oldName]: 0, [newName]: want });
  return { steps, model: m, maxTotal, minAvailable };
}

describe('rolloutRolling step sequences (every new pod available at once)', () => {
  it('3 replicas, 25%/25% (surge 1, unavailable 0)', () => {
    const r = rollout(deployment(3));
    expect(r.steps).toEqual([
      'Scaled up replica set new from 0 to 1',
      'Scaled down replica set old from 3 to 2',
      'Scaled up replica set new from 1 to 2',
      'Scaled down replica set old from 2 to 1',
      'Scaled up replica set new from 2 to 3',
      'Scaled down replica set old from 1 to 0',
    ]);
    expect(r.maxTotal).toBe(4);
    expect(r.minAvailable).toBe(3);
  });

  it('4 replicas, 25%/25% (surge 1, unavailable 1)', () => {
    const r = rollout(deployment(4));
    expect(r.steps).toEqual([
      'Scaled up replica set new from 0 to 1',
      'Scaled down replica set old from 4 to 3',
      'Scaled up replica set new from 1 to 2',
      'Scaled down replica set old from 3 to 1',
      'Scaled up replica set new from 2 to 4',
      'Scaled down replica set old from 1 to 0',
    ]);
    expect(r.maxTotal).toBe(5);
    expect(r.minAvailable).toBe(3);
  });

  it('10 replicas, 25%/25% (surge 3, unavailable 2)', () => {
    const d = deployment(10);
    expect([maxSurge(d), maxUnavailable(d)]).toEqual([3, 2]);
    const r = rollout(d);
    expect(r.steps).toEqual([
      'Scaled up replica set new from 0 to 3',
      'Scaled down replica set old from 10 to 8',
      'Scaled up replica set new from 3 to 5',
      'Scaled down replica set old from 8 to 3',
      'Scaled up replica set new from 5 to 10',
      'Scaled down replica set old from 3 to 0',
    ]);
    expect(r.maxTotal).toBe(13);
    expect(r.minAvailable).toBe(8);
  });

  it('3 replicas, maxSurge=1 maxUnavailable=0', () => {
    const r = rollout(deployment(3, { maxSurge: 1, maxUnavailable: 0 }));
    expect(r.steps).toEqual([
      'Scaled up replica set new from 0 to 1',
      'Scaled down replica set old from 3 to 2',
      'Scaled up replica set new from 1 to 2',
      'Scaled down replica set old from 2 to 1',
      'Scaled up replica set new from 2 to 3',
      'Scaled down replica set old from 1 to 0',
    ]);
    expect(r.maxTotal).toBe(4);
    expect(r.minAvailable).toBe(3);
  });

  it('3 replicas, maxSurge=0 maxUnavailable=1: old goes down first, the new RS is created at 0 (no event)', () => {
    const r = rollout(deployment(3, { maxSurge: 0, maxUnavailable: 1 }));
    expect(r.steps).toEqual([
      'Scaled down replica set old from 3 to 2',
      'Scaled up replica set new from 0 to 1',
      'Scaled down replica set old from 2 to 1',
      'Scaled up replica set new from 1 to 2',
      'Scaled down replica set old from 1 to 0',
      'Scaled up replica set new from 2 to 3',
    ]);
    expect(r.maxTotal).toBe(3);
    expect(r.minAvailable).toBe(2);
  });

  it('new pods that never become available stop the rollout at the surge', () => {
    const m = new Model(deployment(3));
    m.sync();
    m.settle();
    m.sync();
    m.setImage('nginx:does-not-exist');
    for (let i = 0; i < 5; i++) {
      m.sync();
      const newRS = [...m.rss.values()].find((rs) => rs.spec?.template?.spec?.containers[0].image === 'nginx:does-not-exist')!;
      m.settle({ [newRS.metadata.name]: 0 });
    }
    expect(Object.values(m.sizes()).sort()).toEqual([1, 3]);
  });

  it('unhealthy old replicas are cleaned up first', () => {
    const m = new Model(deployment(4, { maxSurge: 0, maxUnavailable: 1 }));
    m.sync();
    m.settle();
    m.sync();
    const old = [...m.rss.keys()][0];
    m.settle({ [old]: 2 }); // two old pods are not available
    m.setImage('nginx:1.26');
    m.events = [];
    m.sync();
    // maxScaledDown = 4 − 3 − 0 = 1: one unhealthy replica goes, nothing else this sync.
    expect(m.scalingEvents()).toEqual([`Scaled down replica set ${old} from 4 to 3`]);
    expect(m.decisions.filter((x) => x.kind === 'deploymentScale').map((x) => x.args.reason)).toEqual(['cleanupUnhealthy']);
  });
});
