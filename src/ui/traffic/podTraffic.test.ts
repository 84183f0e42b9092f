import { describe, expect, it } from 'vitest';
import type { TrafficStatus } from '../../protocol/types.ts';
import { hitsOf, PodTrafficTracker, RECENT_FAIL_MS, successRate } from './podTraffic.ts';
import { marksSignature, parseMarks } from './podMarks.ts';

const gen = (rows: [string, number, number][], id = 1): TrafficStatus => ({
  id, target: 'service/web', rps: 5, startedAt: 0, rows: rows.map(([backend, requests, failed]) => ({ backend, requests, failed })),
  noEndpoint: 0, total: { requests: rows.reduce((a, r) => a + r[1], 0), failed: rows.reduce((a, r) => a + r[2], 0) }, series: [],
});

describe('PodTrafficTracker', () => {
  it('sums requests over generators and marks a pod failing while its failed count recently grew', () => {
    const tr = new PodTrafficTracker();
    const a = tr.update([gen([['web-a', 3, 0], ['web-b', 2, 0]])], 1000);
    expect(a).toEqual({ 'web-a': { requests: 3, failed: 0, failing: false }, 'web-b': { requests: 2, failed: 0, failing: false } });
    const b = tr.update([gen([['web-a', 5, 0], ['web-b', 4, 1]]), gen([['web-a', 1, 0]], 2)], 2000);
    expect(b['web-a']).toEqual({ requests: 6, failed: 0, failing: false });
    expect(b['web-b']!.failing).toBe(true);
    const same = [gen([['web-a', 5, 0], ['web-b', 4, 1]]), gen([['web-a', 1, 0]], 2)];
    expect(tr.update(same, 2000 + RECENT_FAIL_MS - 1)['web-b']!.failing).toBe(true);
    expect(tr.update(same, 2000 + RECENT_FAIL_MS)['web-b']!.failing).toBe(false);
  });

  it('returns the same object while nothing changed', () => {
    const tr = new PodTrafficTracker();
    const first = tr.update([gen([['web-a', 3, 0]])], 1000);
    expect(tr.update([gen([['web-a', 3, 0]])], 1500)).toBe(first);
  });

  it('finds a pod by name or namespace/name; success rate in whole percent', () => {
    const hits = { 'web-a': { requests: 1, failed: 0, failing: false }, 'prod/db-0': { requests: 2, failed: 1, failing: true } };
    expect(hitsOf(hits, 'default', 'web-a')?.requests).toBe(1);
    expect(hitsOf(hits, 'prod', 'db-0')?.failed).toBe(1);
    expect(successRate(3, 1)).toBe(67);
    expect(successRate(0, 0)).toBeUndefined();
  });
});

describe('pod marks', () => {
  it('round-trips links and hits of a list through its signature', () => {
    const pods = [{ key: 'pods/default/web-a', name: 'web-a', namespace: 'default' }, { key: 'pods/default/web-b', name: 'web-b', namespace: 'default' }, { key: 'pods/default/x', name: 'x', namespace: 'default' }];
    const sig = marksSignature({ 'pods/default/web-a': 'endpoint', 'pods/default/web-b': 'endpoint-not-ready' }, { 'web-a': { requests: 4, failed: 0, failing: false }, 'web-b': { requests: 2, failed: 2, failing: true } }, pods);
    const m = parseMarks(sig);
    expect(m.get('pods/default/web-a')).toEqual({ link: 'endpoint', hits: 4 });
    expect(m.get('pods/default/web-b')).toEqual({ link: 'endpoint-not-ready', hits: 2, failing: true });
    expect(m.has('pods/default/x')).toBe(false);
    expect(marksSignature({}, {}, pods)).toBe('');
  });
});
