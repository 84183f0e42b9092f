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

  it('runUntilIdle stops when only background timers remain; they still fire in order before foreground work', () => {
    const c = new Clock();
    const log: string[] = [];
    const beat = () => {
      log.push(`beat@${c.now()}`);
      c.after(10_000, beat, { background: true });
    };
    c.after(10_000, beat, { background: true });
    expect(c.idle()).toBe(true);
    c.runUntilIdle();
    expect(c.now()).toBe(0);
    expect(log).toEqual([]);
    c.after(25_000, () => log.push('work@25000'));
    expect(c.idle()).toBe(false);
    c.runUntilIdle();
    expect(log).toEqual(['beat@10000', 'beat@20000', 'work@25000']);
    expect(c.now()).toBe(25_000);
    // nextTimerAt still reports background timers (a stepping host needs them).
    expect(c.nextTimerAt()).toBe(30_000);
    expect(c.idle()).toBe(true);
  });

  it('a timer scheduled by a background timer is foreground; cancelling keeps the count right', () => {
    const c = new Clock();
    let ran = false;
    c.after(5_000, () => c.after(1, () => (ran = true)), { background: true });
    const h = c.after(100, () => {});
    h.cancel();
    h.cancel();
    expect(c.idle()).toBe(true);
    c.runFor(5_000);
    expect(c.idle()).toBe(false);
    c.runUntilIdle();
    expect(ran).toBe(true);
    expect(c.idle()).toBe(true);
    const fired = c.after(1, () => {});
    c.runFor(1);
    fired.cancel(); // cancelling a timer that already fired changes nothing
    expect(c.idle()).toBe(true);
  });

  it('formats RFC 3339 without fraction from the 2026 epoch', () => {
    expect(rfc3339(EPOCH_MS + 5_999)).toBe('2026-01-01T00:00:05Z');
  });
});
