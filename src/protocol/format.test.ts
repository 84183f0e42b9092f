import { describe, expect, it } from 'vitest';
import { clockText, humanDuration } from './format.ts';

describe('format', () => {
  it('humanDuration matches HumanDuration', () => {
    expect(humanDuration(5_000)).toBe('5s');
    expect(humanDuration(119_000)).toBe('119s');
    expect(humanDuration(123_000)).toBe('2m3s');
    expect(humanDuration(300_000)).toBe('5m');
    expect(humanDuration(179 * 60_000)).toBe('179m');
    expect(humanDuration((3 * 60 + 5) * 60_000)).toBe('3h5m');
    expect(humanDuration(47 * 3_600_000)).toBe('47h');
    expect(humanDuration(51 * 3_600_000)).toBe('2d3h');
    expect(humanDuration(-500)).toBe('0s');
    expect(humanDuration(-5000)).toBe('<invalid>');
  });
  it('clockText', () => {
    expect(clockText(42_000)).toBe('00:42');
    expect(clockText(3_723_000)).toBe('1:02:03');
  });
});
