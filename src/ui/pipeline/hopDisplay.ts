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
