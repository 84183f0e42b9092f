/**
 * A bounded log of scheduling attempts. Recent attempts keep their per-node detail; older ones
 * are trimmed in place to the pick and the runner-up, so 10,000 pods do not keep 10,000 tables.
 */
import type { SchedulingExplanation } from './scheduleOne.ts';

export class ExplanationLog {
  private readonly ring: (SchedulingExplanation | undefined)[];
  private next = 0;
  private readonly byPod = new Map<string, SchedulingExplanation>();

  constructor(private readonly capacity = 256) {
    this.ring = new Array(capacity);
  }

  add(e: SchedulingExplanation): void {
    const old = this.ring[this.next];
    if (old) compact(old);
    this.ring[this.next] = e;
    this.next = (this.next + 1) % this.capacity;
    this.byPod.set(e.pod, e);
  }

  /** The latest attempt for `namespace/name`. */
  forPod(key: string): SchedulingExplanation | undefined {
    return this.byPod.get(key);
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

function compact(e: SchedulingExplanation): void {
  if (e.scored.length > 2) e.scored = e.scored.slice(0, 2);
  if (e.filtered.length > 2) e.filtered = e.filtered.slice(0, 2);
}
