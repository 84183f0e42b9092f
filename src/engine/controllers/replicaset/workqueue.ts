/**
 * A controller work queue on the virtual clock. Mirrors client-go util/workqueue: a key is queued
 * at most once (dirty set), `addAfter` keeps the earliest pending delay per key, and
 * `addRateLimited` uses DefaultControllerRateLimiter's per-item exponential back-off (5 ms
 * doubling to 1000 s). Simplified: processing is single-threaded and synchronous, and the
 * 10 qps / burst 100 bucket of the default rate limiter is not modelled.
 */
import type { TimerHandle, VirtualClock } from '../../component.ts';

const BASE_DELAY_MS = 5;
const MAX_DELAY_MS = 1000 * 1000;

export class WorkQueue {
  private readonly dirty = new Set<string>();
  private readonly waiting = new Map<string, { at: number; timer: TimerHandle }>();
  private readonly failures = new Map<string, number>();

  /**
   * @param processDelayMs how long after `add` the key is processed: the controller's reaction
   *   time, so the diagram shows watch → decision → request as distinct moments and bursts of
   *   events for one key coalesce into one sync.
   */
  constructor(
    private readonly clock: VirtualClock,
    private readonly process: (key: string) => void,
    private readonly processDelayMs = 5,
  ) {}

  add(key: string): void {
    if (this.dirty.has(key)) return;
    this.dirty.add(key);
    this.clock.after(this.processDelayMs, () => {
      this.dirty.delete(key);
      this.process(key);
    });
  }

  /** AddAfter: queue `key` once `delayMs` passed (an earlier pending delay wins). */
  addAfter(key: string, delayMs: number): void {
    if (delayMs <= 0) return this.add(key);
    const at = this.clock.now() + delayMs;
    const cur = this.waiting.get(key);
    if (cur && cur.at <= at) return;
    cur?.timer.cancel();
    const timer = this.clock.after(delayMs, () => {
      this.waiting.delete(key);
      this.add(key);
    });
    this.waiting.set(key, { at, timer });
  }

  /** AddRateLimited: retry with per-item exponential back-off. */
  addRateLimited(key: string): void {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    this.addAfter(key, Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** n));
  }

  /** Forget: the key synced cleanly, reset its back-off. */
  forget(key: string): void {
    this.failures.delete(key);
  }

  /** Keys queued or waiting (for tests). */
  size(): number {
    return new Set([...this.dirty, ...this.waiting.keys()]).size;
  }
}
