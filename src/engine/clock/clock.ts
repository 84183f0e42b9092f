/**
 * Virtual clock: a binary min-heap of timers in total order `(at, seq)`. Nothing in the engine
 * reads real time; components schedule work with `after`, hosts advance time with `runFor` /
 * `runUntil`. Mirrors the role of k8s.io/utils/clock/testing.FakeClock, but drives the whole sim.
 *
 * Background timers (`{ background: true }`) are housekeeping that never ends: kubelet Lease
 * renewals, controllers' periodic passes. They fire like any other timer, but they do not keep
 * the cluster busy: `runUntilIdle` stops when only background timers remain, and `idle()` says so.
 * A timer that a background timer schedules is foreground unless it asks otherwise, so real work a
 * periodic pass starts (a taint, an eviction) still counts.
 */
import type { TimerHandle } from '../component.ts';

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
  background: boolean;
  done: boolean;
}

/** Options of `Clock.after`. */
export interface TimerOptions {
  /** Housekeeping: does not keep `runUntilIdle` running (see the file comment). */
  background?: boolean;
}

function less(a: Timer, b: Timer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

export class Clock {
  private heap: Timer[] = [];
  private seq = 0;
  private t = 0;
  /** Number of timers that have fired since t=0; snapshots use it to replay inputs exactly. */
  fired = 0;
  /** Live (pending, not cancelled) foreground timers. */
  private foreground = 0;

  now(): number {
    return this.t;
  }

  /** Run `fn` after `delayMs` (clamped to ≥ 0). Equal times run in scheduling order. */
  after(delayMs: number, fn: () => void, opts?: TimerOptions): TimerHandle {
    const background = opts?.background === true;
    const timer: Timer = { at: this.t + Math.max(0, delayMs), seq: this.seq++, fn, cancelled: false, background, done: false };
    this.push(timer);
    if (!background) this.foreground++;
    return {
      cancel: () => {
        if (timer.cancelled || timer.done) return;
        timer.cancelled = true;
        if (!timer.background) this.foreground--;
      },
    };
  }

  /**
   * Virtual time of the next live timer, background ones included (a step-by-step host needs
   * them: a node-monitor pass is what turns a silent node Unknown).
   */
  nextTimerAt(): number | undefined {
    this.dropCancelled();
    return this.heap.length > 0 ? this.heap[0].at : undefined;
  }

  /** True when only background timers (or none) remain: nothing is happening but housekeeping. */
  idle(): boolean {
    return this.foreground === 0;
  }

  /** Fire the next timer if it is due at or before `limit`. Returns false when none is. */
  step(limit = Infinity): boolean {
    this.dropCancelled();
    const top = this.heap[0];
    if (!top || top.at > limit) return false;
    this.pop();
    this.t = top.at;
    this.fired++;
    top.done = true;
    if (!top.background) this.foreground--;
    top.fn();
    return true;
  }

  /**
   * Advance to `at`, firing every timer due. `stopAfter` is checked after each timer; when it
   * returns true the run stops there (now = that timer's time) and runUntil returns true.
   */
  runUntil(at: number, stopAfter?: () => boolean): boolean {
    while (this.step(at)) {
      if (stopAfter?.()) return true;
    }
    if (at > this.t) this.t = at;
    return false;
  }

  runFor(ms: number): void {
    this.runUntil(this.t + ms);
  }

  /**
   * Fire timers until only background timers remain or `maxMs` of virtual time has passed.
   * Background timers due before the last foreground one still fire, in order.
   */
  runUntilIdle(maxMs = 24 * 3600_000): void {
    const limit = this.t + maxMs;
    while (this.foreground > 0 && this.step(limit)) {
      /* keep going */
    }
  }

  /** Fire timers (in order, regardless of time) until `fired` reaches `count`. Used by restore. */
  runUntilFired(count: number): void {
    while (this.fired < count && this.step()) {
      /* keep going */
    }
  }

  /** Move time forward without firing anything (restore lands exactly where the snapshot was). */
  setNow(at: number): void {
    if (at > this.t) this.t = at;
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0].cancelled) this.pop();
  }

  private push(x: Timer): void {
    const h = this.heap;
    h.push(x);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private pop(): Timer | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && less(h[l], h[m])) m = l;
        if (r < h.length && less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}

/** The virtual wall clock starts at 2026-01-01T00:00:00Z. */
export const EPOCH_MS = Date.UTC(2026, 0, 1);

let lastSecond = NaN;
let lastText = '';

/** RFC 3339 without fraction, as Kubernetes serializes metav1.Time. (Memoized per second: hot path.) */
export function rfc3339(unixMs: number): string {
  const sec = Math.floor(unixMs / 1000);
  if (sec !== lastSecond) {
    lastSecond = sec;
    lastText = new Date(sec * 1000).toISOString().replace('.000Z', 'Z');
  }
  return lastText;
}
