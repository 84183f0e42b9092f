/**
 * A bounded log of scheduling attempts. Recent attempts keep their per-node detail; older ones
 * are compacted in place to the reason histogram and the top scores, so 10,000 pods do not keep
 * 10,000 tables. A pinned pod (selected in the UI) is never compacted.
 */
import type { SchedulingExplanation } from './scheduleOne.ts';

export class ExplanationLog {
  private readonly ring: (SchedulingExplanation | undefined)[];
  private next = 0;
  private readonly byPod = new Map<string, SchedulingExplanation>();
  private pinned: string | undefined;

  constructor(private readonly capacity = 256) {
    this.ring = new Array(capacity);
  }

  add(e: SchedulingExplanation): void {
    const old = this.ring[this.next];
    if (old && old.pod !== this.pinned) compact(old);
    this.ring[this.next] = e;
    this.next = (this.next + 1) % this.capacity;
    this.byPod.set(e.pod, e);
  }

  /** The latest attempt for `namespace/name`. */
  forPod(key: string): SchedulingExplanation | undefined {
    return this.byPod.get(key);
  }

  /** Keep `key`'s attempts in full (undefined: nobody). */
  pin(key: string | undefined): void {
    this.pinned = key;
  }

  /** Replace the latest explanation of `key` (a pinned pod's fresh dry run). */
  replace(key: string, e: SchedulingExplanation): void {
    this.byPod.set(key, e);
  }

  forget(key: string): void {
    this.byPod.delete(key);
  }

  /** Recent attempts, oldest first. */
  recent(): SchedulingExplanation[] {
    const out: SchedulingExplanation[] = [];
    for (let i = 0; i < this.capacity; i++) {
      const e = this.ring[(this.next + i) % this.capacity];
      if (e) out.push(e);
    }
    return out;
  }
}

/** Keep the histogram (`reasons`), the top 3 scores and 2 example rejections. */
export function compact(e: SchedulingExplanation): void {
  if (e.scored.length > 3) e.scored = e.scored.slice(0, 3);
  if (e.filtered.length > 2) e.filtered = e.filtered.slice(0, 2);
  e.full = false;
}
