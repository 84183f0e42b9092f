import { describe, expect, it } from 'vitest';
import { getMatchingTolerations, getMinTolerationTime, getNoExecuteTaints } from './taintEvictionController.ts';

describe('taint-eviction-controller helpers', () => {
  const unreachable = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };
  it('getNoExecuteTaints keeps NoExecute only', () => {
    expect(getNoExecuteTaints([{ key: 'a', effect: 'NoSchedule' }, unreachable])).toEqual([unreachable]);
  });
  it('GetMatchingTolerations: every taint must be tolerated', () => {
    const tol = { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 };
    expect(getMatchingTolerations([unreachable], [tol])).toEqual({ all: true, used: [tol] });
    expect(getMatchingTolerations([unreachable, { key: 'x', effect: 'NoExecute' }], [tol]).all).toBe(false);
    expect(getMatchingTolerations([unreachable], [{ operator: 'Exists' }]).all).toBe(true);
  });
  it('getMinTolerationTime: the smallest tolerationSeconds, 0 for none or ≤ 0, -1 for forever', () => {
    expect(getMinTolerationTime([])).toBe(0);
    expect(getMinTolerationTime([{ tolerationSeconds: 300 }, { tolerationSeconds: 60 }])).toBe(60_000);
    expect(getMinTolerationTime([{ tolerationSeconds: -5 }])).toBe(0);
    expect(getMinTolerationTime([{ operator: 'Exists' }])).toBe(-1);
  });
});
