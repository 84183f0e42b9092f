import { describe, expect, it } from 'vitest';
import { Clock, rfc3339, EPOCH_MS } from './clock.ts';

describe('Clock', () => {
  it('fires timers in (at, seq) order', () => {
    const c = new Clock();
    const log: string[] = [];
    c.after(10, () => log.push('a10'));
    c.after(5, () => log.push('b5'));
    c.after(10, () => log.push('c10'));
    c.after(5, () => c.after(0, () => log.push('d5-nested')));
    c.runFor(20);
    expect(log).toEqual(['b5', 'd5-nested', 'a10', 'c10']);
    expect(c.now()).toBe(20);
  });

  it('runUntil stops after the first timer that satisfies stopAfter', () => {
    const c = new Clock();
    let n = 0;
    c.after(3, () => n++);
    c.after(7, () => n++);
    expect(c.runUntil(100, () => n > 0)).toBe(true);
    expect(c.now()).toBe(3);
    expect(c.nextTimerAt()).toBe(7);
    expect(c.runUntil(100)).toBe(false);
    expect(c.now()).toBe(100);
  });

  it('cancelled timers never fire and runUntilIdle respects maxMs', () => {
    const c = new Clock();
    let fired = false;
    c.after(5, () => (fired = true)).cancel();
    const tick = () => c.after(1000, tick);
    tick();
    c.runUntilIdle(10_500);
    expect(fired).toBe(false);
    expect(c.now()).toBe(10_000);
    expect(c.fired).toBe(10);
  });

  it('formats RFC 3339 without fraction from the 2026 epoch', () => {
    expect(rfc3339(EPOCH_MS + 5_999)).toBe('2026-01-01T00:00:05Z');
  });
});
