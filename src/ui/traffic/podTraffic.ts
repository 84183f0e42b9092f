/**
 * Per-pod hit counts for the pod chips while traffic flows: requests each pod answered (summed
 * over the generators in `store.traffic`) and whether some of its requests failed recently.
 * `TrafficRow` counts are cumulative, so "recently" is found by watching them grow: the tracker
 * remembers the virtual time a pod's failed count last went up.
 */
import type { TrafficStatus } from '../../protocol/types.ts';

/** A pod counts as failing for this long (virtual ms) after its failed count last grew. */
export const RECENT_FAIL_MS = 5_000;

export interface PodHits {
  requests: number;
  failed: number;
  /** Its failed count grew in the last {@link RECENT_FAIL_MS}. */
  failing: boolean;
}

/**
 * Tracks failures over successive `store.traffic` tables. Keys are `TrafficRow.backend` as the
 * engine writes it: the pod name, or `namespace/name` outside the target's namespace.
 */
export class PodTrafficTracker {
  private lastFailed = new Map<string, number>();
  private failAt = new Map<string, number>();
  private lastTraffic: readonly TrafficStatus[] | undefined;
  private lastNow = -1;
  private lastOut: Record<string, PodHits> = {};

  /** Hits per backend for the table `traffic` seen at virtual time `now`; the same object while nothing changed. */
  update(traffic: readonly TrafficStatus[], now: number): Record<string, PodHits> {
    if (traffic === this.lastTraffic && now === this.lastNow) return this.lastOut;
    const sums = new Map<string, { requests: number; failed: number }>();
    for (const g of traffic) {
      for (const r of g.rows) {
        const id = `${g.id}\u0000${r.backend}`;
        const before = this.lastFailed.get(id) ?? 0;
        if (r.failed > before) this.failAt.set(r.backend, now);
        this.lastFailed.set(id, r.failed);
        const s = sums.get(r.backend) ?? { requests: 0, failed: 0 };
        s.requests += r.requests;
        s.failed += r.failed;
        sums.set(r.backend, s);
      }
    }
    const out: Record<string, PodHits> = {};
    for (const [backend, s] of sums) {
      const at = this.failAt.get(backend);
      out[backend] = { ...s, failing: at !== undefined && now - at < RECENT_FAIL_MS && now >= at };
    }
    this.lastTraffic = traffic;
    this.lastNow = now;
    this.lastOut = sameHits(this.lastOut, out) ? this.lastOut : out;
    return this.lastOut;
  }

}

function sameHits(a: Record<string, PodHits>, b: Record<string, PodHits>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    const x = a[k]!, y = b[k];
    if (!y || x.requests !== y.requests || x.failed !== y.failed || x.failing !== y.failing) return false;
  }
  return true;
}

/** The hits of a pod, whichever way the engine named it. */
export function hitsOf(hits: Record<string, PodHits>, namespace: string, name: string): PodHits | undefined {
  return hits[name] ?? hits[`${namespace}/${name}`];
}

/** Success rate as a whole percentage, or undefined before the first request. */
export function successRate(requests: number, failed: number): number | undefined {
  return requests > 0 ? Math.round((100 * (requests - failed)) / requests) : undefined;
}
