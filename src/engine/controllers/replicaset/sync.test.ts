import { describe, expect, it } from 'vitest';
import type { V1Pod } from '../../scheduler/types.ts';
import { getPodsToDelete } from './sync.ts';

const now = Date.UTC(2026, 0, 1, 1, 0, 0);
const pod = (name: string, node: string, extra: Partial<V1Pod['metadata']> = {}): V1Pod => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name, namespace: 'default', uid: name, creationTimestamp: '2026-01-01T00:00:00Z', ...extra },
  spec: { nodeName: node, containers: [] },
  status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2026-01-01T00:00:10Z' }] },
});

describe('getPodsToDelete (getPodsRankedByRelatedPodsOnSameNode)', () => {
  it('ranks by related active pods on the same node, counting the sibling ReplicaSets', () => {
    const mine = [pod('a', 'n1'), pod('b', 'n2'), pod('c', 'n3')];
    // The old ReplicaSet of the same Deployment has two pods on n2 and one on n3 (one of them terminating: not counted).
    const related = [...mine, pod('old-1', 'n2'), pod('old-2', 'n2'), pod('old-3', 'n3'), pod('old-4', 'n1', { deletionTimestamp: '2026-01-01T00:30:00Z' })];
    expect(getPodsToDelete(mine, related, 2, now).map((p) => p.metadata.name)).toEqual(['b', 'c']);
  });

  it('takes the first pods unsorted when all of them go', () => {
    const mine = [pod('z', 'n1'), pod('y', ''), pod('x', 'n1')];
    expect(getPodsToDelete(mine, mine, 3, now).map((p) => p.metadata.name)).toEqual(['z', 'y', 'x']);
  });

  it('ready times in the same log2 bucket tie, broken by UID; identical pods keep their order', () => {
    const readyAt = (p: V1Pod, t: string): V1Pod => ({ ...p, status: { ...p.status, conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: t }] } });
    const mine = [readyAt(pod('m2', 'n1'), '2026-01-01T00:00:10Z'), readyAt(pod('m1', 'n2'), '2026-01-01T00:00:20Z'), readyAt(pod('m3', 'n3'), '2026-01-01T00:00:15Z')];
    expect(getPodsToDelete(mine, mine, 2, now).map((p) => p.metadata.name)).toEqual(['m1', 'm2']);
    // Ready 30 min vs 59 min ago: different buckets, the newer goes first whatever the UIDs.
    const two = [readyAt(pod('a', 'n1'), '2026-01-01T00:01:00Z'), readyAt(pod('b', 'n2'), '2026-01-01T00:30:00Z')];
    expect(getPodsToDelete(two, two, 1, now).map((p) => p.metadata.name)).toEqual(['b']);
    const same = [pod('q', 'n1'), pod('p', 'n2')];
    expect(getPodsToDelete(same, same, 1, now).map((p) => p.metadata.name)).toEqual(['q']);
  });
});
