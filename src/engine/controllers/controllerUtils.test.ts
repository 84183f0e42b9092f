import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../types.ts';
import {
  ActivePodsWithRanks,
  adoptPatch,
  claimDecision,
  comparePodsForDeletion,
  ControllerExpectations,
  ExpectationsTimeout,
  getPodsPrefix,
  podTemplateToPod,
  releasePatch,
  slowStartBatch,
} from './controllerUtils.ts';

describe('slowStartBatch', () => {
  it('creates 10 in batches 1, 2, 4, 3', () => {
    const batches: number[] = [];
    let calls = 0;
    const r = slowStartBatch(10, 1, () => void calls++, (b) => batches.push(b));
    expect(batches).toEqual([1, 2, 4, 3]);
    expect(calls).toBe(10);
    expect(r).toEqual({ successes: 10 });
  });

  it('finishes the failing batch, then stops; the rest are skipped', () => {
    const batches: number[] = [];
    let calls = 0;
    // Call 5 fails: it is in the third batch (calls 4–7), which still runs to the end.
    const r = slowStartBatch(10, 1, () => (++calls === 5 ? 'boom' : undefined), (b) => batches.push(b));
    expect(batches).toEqual([1, 2, 4]);
    expect(calls).toBe(7);
    expect(r).toEqual({ successes: 6, error: 'boom' });
  });

  it('does nothing for 0, and honours a larger initial batch', () => {
    expect(slowStartBatch(0, 1, () => 'x')).toEqual({ successes: 0 });
    const batches: number[] = [];
    slowStartBatch(20, 3, () => undefined, (b) => batches.push(b));
    expect(batches).toEqual([3, 6, 11]);
  });
});

// Upstream controller_utils_test.go TestSortingActivePodsWithRanks, case for case.
describe('ActivePodsWithRanks.Less (upstream table)', () => {
  const now = Date.UTC(2026, 5, 1, 12, 0, 0);
  const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString().replace('.000Z', 'Z'));
  const then1Month = Date.UTC(2026, 4, 1, 12, 0, 0);
  const then2Hours = now - 2 * 3600_000;
  const then5Hours = now - 5 * 3600_000;
  const then8Hours = now - 8 * 3600_000;
  const zero = undefined;
  const pod = (name: string, node: string, phase: string, ready: boolean, restarts: number, readySince: number | undefined, created: number | undefined, annotations?: Record<string, string>): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, creationTimestamp: iso(created), annotations },
    spec: { nodeName: node || undefined },
    status: {
      phase,
      conditions: ready ? [{ type: 'Ready', status: 'True', lastTransitionTime: iso(readySince) }] : undefined,
      containerStatuses: ready ? [{ restartCount: restarts }] : undefined,
    },
  });
  const unscheduledPod = pod('unscheduled', '', 'Pending', false, 0, zero, zero);
  const scheduledPendingPod = pod('pending', 'node', 'Pending', false, 0, zero, zero);
  const unknownPhasePod = pod('unknown-phase', 'node', 'Unknown', false, 0, zero, zero);
  const runningNotReadyPod = pod('not-ready', 'node', 'Running', false, 0, zero, zero);
  const runningReadyNoLastTransitionTimePod = pod('ready-no-last-transition-time', 'node', 'Running', true, 0, zero, zero);
  const runningReadyNow = pod('ready-now', 'node', 'Running', true, 0, now, now);
  const runningReadyThen = pod('ready-then', 'node', 'Running', true, 0, then1Month, then1Month);
  const runningReadyNowHighRestarts = pod('ready-high-restarts', 'node', 'Running', true, 9001, now, now);
  const runningReadyNowCreatedThen = pod('ready-now-created-then', 'node', 'Running', true, 0, now, then1Month);
  const lowPodDeletionCost = pod('low-deletion-cost', 'node', 'Running', true, 0, now, then1Month, { 'controller.kubernetes.io/pod-deletion-cost': '10' });
  const highPodDeletionCost = pod('high-deletion-cost', 'node', 'Running', true, 0, now, then1Month, { 'controller.kubernetes.io/pod-deletion-cost': '100' });
  const unscheduled5Hours = pod('unscheduled-5-hours', '', 'Pending', false, 0, then5Hours, then5Hours);
  const unscheduled8Hours = pod('unscheduled-10-hours', '', 'Pending', false, 0, then8Hours, then8Hours);
  const ready2Hours = pod('ready-2-hours', '', 'Running', true, 0, then2Hours, then1Month);
  const ready5Hours = pod('ready-5-hours', '', 'Running', true, 0, then5Hours, then1Month);
  const ready10Hours = pod('ready-10-hours', '', 'Running', true, 0, then8Hours, then1Month);

  const equality: [KubeObject, KubeObject?][] = [
    [unscheduledPod], [scheduledPendingPod], [unknownPhasePod], [runningNotReadyPod], [runningReadyNowCreatedThen],
    [runningReadyNow], [runningReadyThen], [runningReadyNowHighRestarts], [runningReadyNowCreatedThen],
    [unscheduled5Hours, unscheduled8Hours], [ready5Hours, ready10Hours],
  ];
  it.each(equality.map(([a, b]) => [a.metadata.name, (b ?? a).metadata.name, a, b ?? a]))('%s ~ %s', (_n1, _n2, a, b) => {
    const s = new ActivePodsWithRanks([a as KubeObject, b as KubeObject], [1, 1], now);
    expect(s.less(0, 1)).toBe(false);
    expect(s.less(1, 0)).toBe(false);
  });

  const inequality: [KubeObject, number, KubeObject, number][] = [
    [unscheduledPod, 1, scheduledPendingPod, 2],
    [unscheduledPod, 2, scheduledPendingPod, 1],
    [scheduledPendingPod, 1, unknownPhasePod, 2],
    [unknownPhasePod, 1, runningNotReadyPod, 2],
    [runningNotReadyPod, 1, runningReadyNoLastTransitionTimePod, 1],
    [runningReadyNoLastTransitionTimePod, 1, runningReadyNow, 1],
    [runningReadyNow, 2, runningReadyNoLastTransitionTimePod, 1],
    [runningReadyNow, 1, runningReadyThen, 1],
    [runningReadyNow, 2, runningReadyThen, 1],
    [runningReadyNowHighRestarts, 1, runningReadyNow, 1],
    [runningReadyNow, 2, runningReadyNowHighRestarts, 1],
    [runningReadyNow, 1, runningReadyNowCreatedThen, 1],
    [runningReadyNowCreatedThen, 2, runningReadyNow, 1],
    [lowPodDeletionCost, 2, highPodDeletionCost, 1],
    [ready2Hours, 1, ready5Hours, 1],
  ];
  it.each(inequality.map(([a, ra, b, rb]) => [a.metadata.name, ra, b.metadata.name, rb, a, b]))('%s (rank %i) < %s (rank %i)', (_n1, ra, _n2, rb, a, b) => {
    const s = new ActivePodsWithRanks([a as KubeObject, b as KubeObject], [ra as number, rb as number], now);
    expect(s.less(0, 1)).toBe(true);
    expect(s.less(1, 0)).toBe(false);
    expect(comparePodsForDeletion(a as KubeObject, b as KubeObject, [ra as number, rb as number], now)).toBe(-1);
    expect(comparePodsForDeletion(b as KubeObject, a as KubeObject, [rb as number, ra as number], now)).toBe(1);
  });

  it('sorts a mixed set into the victim order', () => {
    const pods = [runningReadyThen, runningReadyNow, unknownPhasePod, scheduledPendingPod, runningNotReadyPod, unscheduledPod, runningReadyNowHighRestarts];
    const sorted = new ActivePodsWithRanks(pods, pods.map(() => 1), now).sorted().map((p) => p.metadata.name);
    expect(sorted).toEqual(['unscheduled', 'pending', 'unknown-phase', 'not-ready', 'ready-high-restarts', 'ready-now', 'ready-then']);
  });
});

describe('ControllerExpectations', () => {
  it('waits for every create, and tracks deletions by pod key once each', () => {
    let t = 0;
    const e = new ControllerExpectations(() => t);
    expect(e.satisfiedExpectations('ns/rs')).toBe(true);
    e.expectCreations('ns/rs', 2);
    expect(e.satisfiedExpectations('ns/rs')).toBe(false);
    e.creationObserved('ns/rs');
    expect(e.satisfiedExpectations('ns/rs')).toBe(false);
    e.creationObserved('ns/rs');
    expect(e.satisfiedExpectations('ns/rs')).toBe(true);
    e.expectDeletions('ns/rs', ['ns/a', 'ns/b']);
    e.deletionObserved('ns/rs', 'ns/a');
    e.deletionObserved('ns/rs', 'ns/a');
    e.deletionObserved('ns/rs', 'ns/other');
    expect(e.get('ns/rs')).toEqual({ add: 0, del: 1 });
    expect(e.satisfiedExpectations('ns/rs')).toBe(false);
    t += ExpectationsTimeout;
    expect(e.satisfiedExpectations('ns/rs')).toBe(false);
    t += 1;
    expect(e.satisfiedExpectations('ns/rs')).toBe(true);
    e.deleteExpectations('ns/rs');
    expect(e.get('ns/rs')).toBeUndefined();
  });
});

describe('pods from templates', () => {
  const rs: KubeObject = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-7d4b9', namespace: 'prod', uid: 'u1' } };

  it('getPodsPrefix appends a dash unless that is no valid prefix', () => {
    expect(getPodsPrefix('web-7d4b9')).toBe('web-7d4b9-');
    // maskTrailingDash drops the character before the dash too (upstream, verbatim): 253 + '-' still passes.
    expect(getPodsPrefix('a'.repeat(253))).toBe('a'.repeat(253) + '-');
    expect(getPodsPrefix('a'.repeat(254))).toBe('a'.repeat(254));
  });

  it('podTemplateToPod copies labels, annotations and spec, with generateName and the controller ref', () => {
    const ref = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7d4b9', uid: 'u1', controller: true, blockOwnerDeletion: true };
    const template = { metadata: { labels: { app: 'web' }, annotations: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
    const pod = podTemplateToPod(template, rs, ref);
    expect(pod).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { generateName: 'web-7d4b9-', namespace: 'prod', labels: { app: 'web' }, annotations: { a: 'b' }, ownerReferences: [ref] },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    });
    expect(pod.spec).not.toBe(template.spec);
  });
});

describe('claimDecision (ClaimObject)', () => {
  const owner: KubeObject = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web', namespace: 'default', uid: 'me' } };
  const deleting: KubeObject = { ...owner, metadata: { ...owner.metadata, deletionTimestamp: '2026-01-01T00:00:00Z' } };
  const ref = (uid: string) => [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'x', uid, controller: true }];
  const pod = (meta: Partial<KubeObject['metadata']>): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', uid: 'p1', ...meta } });
  it.each([
    ['owned by another controller', pod({ ownerReferences: ref('other') }), owner, true, 'ignore'],
    ['owned and matching', pod({ ownerReferences: ref('me') }), owner, true, 'own'],
    ['owned, no longer matching', pod({ ownerReferences: ref('me') }), owner, false, 'release'],
    ['owned, not matching, owner being deleted', pod({ ownerReferences: ref('me') }), deleting, false, 'ignore'],
    ['orphan matching', pod({}), owner, true, 'adopt'],
    ['orphan not matching', pod({}), owner, false, 'ignore'],
    ['orphan matching, owner being deleted', pod({}), deleting, true, 'ignore'],
    ['orphan matching, being deleted', pod({ deletionTimestamp: '2026-01-01T00:00:00Z' }), owner, true, 'ignore'],
    ['orphan matching, other namespace', pod({ namespace: 'other' }), owner, true, 'ignore'],
    ['non-controller ref only: an orphan', pod({ ownerReferences: [{ apiVersion: 'v1', kind: 'X', name: 'x', uid: 'u' }] }), owner, true, 'adopt'],
  ])('%s → %s', (_name, p, o, matches, want) => {
    expect(claimDecision(p as KubeObject, o as KubeObject, matches as boolean)).toBe(want);
  });

  it('adopt and release patches are strategic merge patches on ownerReferences (merge key uid)', () => {
    const p = pod({});
    const r = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'me', controller: true, blockOwnerDeletion: true };
    expect(adoptPatch(p, r)).toEqual({ metadata: { ownerReferences: [r], uid: 'p1' } });
    expect(releasePatch(p, 'me')).toEqual({ metadata: { ownerReferences: [{ $patch: 'delete', uid: 'me' }], uid: 'p1' } });
  });
});
