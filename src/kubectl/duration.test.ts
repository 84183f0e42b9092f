import { describe, expect, it } from 'vitest';
import { ageSince, humanDuration, parseGoDuration } from './duration.ts';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('humanDuration (apimachinery HumanDuration)', () => {
  it.each([
    [-2 * s, '<invalid>'],
    [-1 * s, '0s'],
    [-500, '0s'],
    [0, '0s'],
    [5 * s, '5s'],
    [119 * s + 999, '119s'],
    [120 * s, '2m'],
    [2 * m + 3 * s, '2m3s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m, '10m'],
    [179 * m + 59 * s, '179m'],
    [3 * h, '3h'],
    [3 * h + 5 * m, '3h5m'],
    [7 * h + 59 * m, '7h59m'],
    [8 * h, '8h'],
    [47 * h + 59 * m, '47h'],
    [48 * h, '2d'],
    [2 * d + 3 * h, '2d3h'],
    [7 * d + 23 * h, '7d23h'],
    [8 * d, '8d'],
    [400 * d, '400d'],
    [730 * d, '2y'],
    [731 * d, '2y1d'],
    [8 * 365 * d, '8y'],
  ])('%d ms → %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });

  it('prints <unknown> for a missing timestamp and truncates to whole seconds', () => {
    expect(ageSince(undefined, 0)).toBe('<unknown>');
    const t = Date.parse('2026-01-01T00:00:05Z');
    expect(ageSince('2026-01-01T00:00:05Z', t + 2900)).toBe('2s');
  });
});

describe('parseGoDuration (time.ParseDuration)', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['1.5s', 1500],
    ['0', 0],
    ['2h45m10s', 9_910_000],
  ])('%s = %d ms', (str, ms) => {
    expect(parseGoDuration(str)).toBe(ms);
  });

  it('rejects bad input with Go messages', () => {
    expect(() => parseGoDuration('60')).toThrow('time: missing unit in duration "60"');
    expect(() => parseGoDuration('abc')).toThrow('time: invalid duration "abc"');
    expect(() => parseGoDuration('5x')).toThrow('time: unknown unit "x" in duration "5x"');
  });
});
