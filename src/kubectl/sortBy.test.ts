import { describe, expect, it } from 'vitest';
import { naturalLess, parseSortPath, sortObjects } from './sortBy.ts';
import { harness } from './testing.ts';

describe('kubectl get --sort-by', () => {
  it('parses the JSONPath forms people use', () => {
    expect(parseSortPath('.metadata.name')).toEqual(['metadata', 'name']);
    expect(parseSortPath('{.status.containerStatuses[0].restartCount}')).toEqual(['status', 'containerStatuses', 0, 'restartCount']);
    expect(parseSortPath('metadata.creationTimestamp')).toEqual(['metadata', 'creationTimestamp']);
    expect(parseSortPath('{.items[*].metadata.name}')).toBeUndefined();
  });

  it('orders strings naturally, numbers numerically, timestamps by time, missing values first, stably', () => {
    expect(naturalLess('pod-2', 'pod-10')).toBe(true);
    expect(naturalLess('pod-10', 'pod-2')).toBe(false);
    expect(naturalLess('a', 'ab')).toBe(true);
    const objs = [{ n: 'b', v: 10 }, { n: 'a', v: 2 }, { n: 'c' }, { n: 'd', v: 2 }];
    expect(sortObjects(objs, ['v']).map((o) => o.n)).toEqual(['c', 'a', 'd', 'b']);
    const times = [{ t: '2026-01-01T00:00:10Z' }, { t: '2026-01-01T00:00:09.5Z' }];
    expect(sortObjects(times, ['t'])).toEqual([times[1], times[0]]);
  });

  it('sorts a table and answers an unsupported path with an error', async () => {
    const h = harness();
    for (const name of ['web-10', 'web-2', 'web-1']) {
      h.cluster.handle({ verb: 'POST', path: '/api/v1/namespaces/default/pods', body: { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } });
    }
    const r = await h.k('get pods --sort-by=.metadata.name -o name');
    expect(r.stdout).toBe('pod/web-1\npod/web-2\npod/web-10\n');
    const bad = await h.k('get pods --sort-by={.items[*].x}');
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain(`couldn't parse JSONPath "{.items[*].x}"`);
  });
});
