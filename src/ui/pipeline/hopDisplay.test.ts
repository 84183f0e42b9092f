import { describe, expect, it } from 'vitest';
import { hopMsFor } from '../../protocol/messages.ts';
import { MIN_VISIBLE_HOP_MS, trafficTone, visibleHopMs } from './hopDisplay.ts';

describe('visibleHopMs', () => {
  it('keeps tokens on screen for at least ~10 frames in busy mode (64× hops are 11 ms)', () => {
    expect(visibleHopMs(hopMsFor(64), true)).toBe(MIN_VISIBLE_HOP_MS);
    expect(visibleHopMs(hopMsFor(1), true)).toBe(700);
  });
  it('keeps the exact hop time one hop at a time', () => {
    expect(visibleHopMs(hopMsFor(8), false)).toBe(87.5);
  });
});

describe('trafficTone', () => {
  it('draws a request hop as a dot, red when the request failed, and leaves other hops alone', () => {
    expect(trafficTone({ kind: 'trafficRequest', payload: { ok: true } })).toBe('traffic');
    expect(trafficTone({ kind: 'proxyForward', payload: { ok: false } })).toBe('failed');
    expect(trafficTone({ kind: 'trafficFailed', payload: {} })).toBe('failed');
    expect(trafficTone({ kind: 'ingressRoute' })).toBe('traffic');
    expect(trafficTone({ kind: 'apiCreate', payload: { ok: false } })).toBeUndefined();
  });
});
