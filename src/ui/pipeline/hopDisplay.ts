import { TRAFFIC_SPAN_KINDS } from '../../protocol/messages.ts';

/**
 * How long a hop stays on screen. The pacer's hop is `700 / speed` ms, 11 ms at 64× — less than
 * a frame, so tokens and stage highlights would never be seen. On screen a hop lasts at least
 * {@link MIN_VISIBLE_HOP_MS} in busy mode (always so from 16×), where the pacer does not wait for
 * hops, so this changes what is drawn, not how fast virtual time flows. One hop at a time
 * (narrative mode) keeps the exact hop time: the next hop starts as the last one ends.
 */
export const MIN_VISIBLE_HOP_MS = 160;

export function visibleHopMs(hopMs: number, busy: boolean): number {
  return busy ? Math.max(hopMs, MIN_VISIBLE_HOP_MS) : hopMs;
}

/** Span kinds of one traffic request's hops (src/engine/network/trafficSpans.ts). */
export const TRAFFIC_KINDS: ReadonlySet<string> = TRAFFIC_SPAN_KINDS;

/**
 * A traffic request's hop is drawn as a small dot, not an object token: `traffic` when the
 * request was answered, `failed` when it was not (`payload.ok === false`, or the failure hop
 * itself), so a stream of requests reads as traffic and failures stand out in red.
 */
export function trafficTone(span: { kind: string; payload?: unknown }): 'traffic' | 'failed' | undefined {
  if (!TRAFFIC_KINDS.has(span.kind)) return undefined;
  const ok = (span.payload as { ok?: unknown } | undefined)?.ok;
  return span.kind === 'trafficFailed' || ok === false ? 'failed' : 'traffic';
}
