/**
 * client-go util/flowcontrol/backoff.go as the kubelet uses it for image pulls and container
 * restarts: 10 s doubling to 300 s, an entry forgotten after 2 × max without updates.
 */
export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;

interface Entry { backoff: number; lastUpdate: number }

export class Backoff {
  private readonly entries = new Map<string, Entry>();
  constructor(private readonly initial = BACKOFF_INITIAL_MS, private readonly max = BACKOFF_MAX_MS) {}

  private hasExpired(e: Entry, now: number): boolean {
    return now - e.lastUpdate > 2 * this.max;
  }

  /** Next: start at `initial`, else double up to `max`. Returns the new back-off. */
  next(id: string, now: number): number {
    const e = this.entries.get(id);
    if (!e || this.hasExpired(e, now)) {
      this.entries.set(id, { backoff: this.initial, lastUpdate: now });
      return this.initial;
    }
    e.backoff = Math.min(e.backoff * 2, this.max);
    e.lastUpdate = now;
    return e.backoff;
  }

  get(id: string): number {
    return this.entries.get(id)?.backoff ?? 0;
  }

  /** IsInBackOffSince(id, eventTime): the current back-off has not elapsed since `since`. */
  isInBackOffSince(id: string, since: number, now: number): boolean {
    const e = this.entries.get(id);
    if (!e || this.hasExpired(e, now)) return false;
    return now - since < e.backoff;
  }

  /** IsInBackOffSinceUpdate: the back-off has not elapsed since the last `next`. */
  isInBackOffSinceUpdate(id: string, now: number): boolean {
    const e = this.entries.get(id);
    if (!e || this.hasExpired(e, now)) return false;
    return now - e.lastUpdate < e.backoff;
  }

  /** Remaining wait after the last update (0 when not backing off). */
  remaining(id: string, now: number): number {
    const e = this.entries.get(id);
    if (!e) return 0;
    return Math.max(0, e.lastUpdate + e.backoff - now);
  }

  reset(id: string): void {
    this.entries.delete(id);
  }
}
