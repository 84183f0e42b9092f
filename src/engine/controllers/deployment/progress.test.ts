import { describe, expect, it } from 'vitest';
import { deployment, Model } from './model.test-helper.ts';

describe('progressDeadlineSeconds on the virtual clock', () => {
  it('a rollout with no progress is requeued for its deadline and then marked ProgressDeadlineExceeded', () => {
    const m = new Model(deployment(3));
    m.sync();
    m.settle();
    m.sync();
    m.setImage('nginx:does-not-exist');
    m.nowMs += 10_000;
    m.sync(); // creates the new RS at 1
    const newRS = [...m.rss.values()].find((rs) => rs.spec?.template?.spec?.containers[0].image === 'nginx:does-not-exist')!;
    const name = newRS.metadata.name;
    m.settle({ [name]: 0 });
    m.nowMs += 3_000;
    m.sync(); // updatedReplicas 0 → 1: progress (ReplicaSetUpdated)
    const cond = () => m.d.status!.conditions!.find((c) => c.type === 'Progressing')!;
    expect(cond()).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${name}" is progressing.` });
    const lastUpdate = Date.parse(cond().lastUpdateTime!);
    m.requeues = [];
    m.nowMs += 5_000;
    m.sync(); // nothing new: requeue for the deadline (+1 s against skew)
    expect(m.requeues).toEqual([lastUpdate + 600_000 - m.nowMs + 1000]);
    m.nowMs = lastUpdate + 601_000;
    m.sync();
    expect(cond()).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${name}" has timed out progressing.` });
    expect(m.decisions.at(-1)).toMatchObject({ kind: 'deploymentCondition', args: { reason: 'ProgressDeadlineExceeded' } });
    // Timed out: no more requeues.
    m.requeues = [];
    m.sync();
    expect(m.requeues).toEqual([]);
  });

  it('paused → Progressing Unknown DeploymentPaused; resumed → DeploymentResumed', () => {
    const m = new Model(deployment(2));
    m.sync();
    m.settle();
    m.sync();
    m.setSpec((d) => (d.spec!.paused = true));
    m.setImage('nginx:1.26');
    m.sync();
    expect(m.rss.size).toBe(1); // paused: no rollout
    expect(m.d.status!.conditions!.find((c) => c.type === 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    m.setSpec((d) => (d.spec!.paused = false));
    m.sync();
    expect(m.rss.size).toBe(2);
    const reasons = m.d.status!.conditions!.find((c) => c.type === 'Progressing')!.reason;
    expect(['DeploymentResumed', 'NewReplicaSetCreated', 'ReplicaSetUpdated']).toContain(reasons);
  });

  it('ReplicaFailure on the new RS is copied to the Deployment', () => {
    const m = new Model(deployment(1));
    m.sync();
    const rs = [...m.rss.values()][0];
    rs.status = { replicas: 0, conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'pods "web-x" is forbidden: exceeded quota', lastTransitionTime: '2026-01-01T00:00:00Z' }] };
    m.sync();
    expect(m.d.status!.conditions!.find((c) => c.type === 'ReplicaFailure')).toMatchObject({ status: 'True', reason: 'FailedCreate', lastUpdateTime: '2026-01-01T00:00:00Z' });
  });
});
