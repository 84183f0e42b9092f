import { describe, expect, it } from 'vitest';
import type { TimerHandle, VirtualClock } from '../../component.ts';
import { DeploymentQueue } from './queue.ts';
import { SyncError } from './types.ts';

/** A tiny virtual clock: timers run in (at, seq) order by `advance`. */
class FakeClock implements VirtualClock {
  t = 0;
  private seq = 0;
  private timers: { at: number; seq: number; fn: () => void; cancelled: boolean }[] = [];
  now = () => this.t;
  nowMs = () => this.t;
  timestamp = () => new Date(this.t).toISOString();
  after(ms: number, fn: () => void): TimerHandle {
    const timer = { at: this.t + ms, seq: this.seq++, fn, cancelled: false };
    this.timers.push(timer);
    return { cancel: () => (timer.cancelled = true) };
  }
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const due = this.timers.filter((x) => !x.cancelled && x.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.timers.splice(this.timers.indexOf(due), 1);
      this.t = due.at;
      due.fn();
    }
    this.t = end;
  }
}

describe('DeploymentQueue', () => {
  it('de-duplicates keys and hands the latest cause to the sync', () => {
    const clock = new FakeClock();
    const seen: [string, number | undefined][] = [];
    const q = new DeploymentQueue(clock, (k, c) => seen.push([k, c]));
    q.add('default/web', 7);
    q.add('default/web');
    q.add('default/web', 9);
    q.add('default/api');
    clock.advance(0);
    expect(seen).toEqual([['default/web', 9], ['default/api', undefined]]);
  });

  it('AddAfter keeps one timer per key, the earliest', () => {
    const clock = new FakeClock();
    const at: number[] = [];
    const q = new DeploymentQueue(clock, () => at.push(clock.now()));
    q.addAfter('default/web', 5000);
    q.addAfter('default/web', 2000);
    q.addAfter('default/web', 9000);
    clock.advance(20_000);
    expect(at).toEqual([2000]);
  });

  it('a failing sync is retried with exponential back-off (5 ms, 10 ms, 20 ms …), then dropped after 15 retries', () => {
    const clock = new FakeClock();
    const at: number[] = [];
    const q = new DeploymentQueue(clock, () => {
      at.push(clock.now());
      throw new SyncError('conflict');
    });
    q.add('default/web');
    clock.advance(10_000_000);
    expect(at.slice(0, 5)).toEqual([0, 5, 15, 35, 75]);
    expect(at).toHaveLength(16);
  });
});
