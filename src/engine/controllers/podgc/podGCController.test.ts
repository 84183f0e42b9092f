import { describe, expect, it } from 'vitest';
import { TestCluster } from '../../testing/testCluster.ts';
import type { KubeObject } from '../../types.ts';

type Pod = KubeObject & { status?: { phase?: string; conditions?: { type: string; status: string; reason?: string; message?: string }[] } };

describe('pod-garbage-collector', () => {
  it('force-deletes a pod bound to a node that does not exist, after the 40 s quarantine, Failed with DisruptionTarget DeletionByPodGC', () => {
    const c = new TestCluster();
    const phases: string[] = [];
    let deletedAt: number | undefined;
    c.cluster.onChange((ch: { type: string; resource: string; object: unknown }) => {
      if (ch.resource !== 'pods') return;
      const p = ch.object as Pod;
      if (ch.type === 'DELETED') deletedAt = c.cluster.now();
      else if (p.status?.phase) phases.push(p.status.phase);
      if (p.status?.conditions?.some((x) => x.type === 'DisruptionTarget')) {
        expect(p.status.conditions.find((x) => x.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' });
      }
    });
    const res = c.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'lost' }, spec: { nodeName: 'ghost', containers: [{ name: 'c', image: 'nginx' }] } });
    expect(res[0]!.code).toBe(201);
    c.runFor('40s');
    expect(deletedAt).toBeUndefined();
    c.runFor('30s');
    // First gc pass at 20 s sees the orphan; it is deleted on the first pass after 60 s.
    expect(deletedAt).toBe(60_000);
    expect(phases.at(-1)).toBe('Failed');
    expect(c.get('/api/v1/namespaces/default/pods/lost').code).toBe(404);
    expect(c.spans.some((s) => s.kind === 'podGCOrphaned' && s.args.node === 'ghost')).toBe(true);
  });

  it('leaves pods on existing nodes alone', () => {
    const c = new TestCluster();
    c.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'fine' }, spec: { nodeName: 'worker-1', containers: [{ name: 'c', image: 'nginx' }] } });
    c.runFor('2m');
    expect((c.get('/api/v1/namespaces/default/pods/fine').body as Pod).status?.phase).toBe('Running');
  });
});
