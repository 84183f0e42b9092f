import { describe, expect, it } from 'vitest';
import type { Span } from '../protocol/types.ts';
import { Pacer, type PacedClock } from './pacer.ts';

/** A fake engine: timers that each record spans when they fire. */
class FakeClock implements PacedClock {
  t = 0;
  /** Give each timer's spans a distinct object (many pods) instead of one shared object. */
  objectsPerTimer = false;
  /** Spans are `sim traffic` requests (a stream, not a story). */
  traffic = false;
  timers: { at: number; spans: number }[] = [];
  pacer!: Pacer;
  private nextId = 1;
  now() { return this.t; }
  nextTimerAt() { return this.timers[0]?.at; }
  at(at: number, spans = 1) {
    this.timers.push({ at, spans });
    this.timers.sort((a, b) => a.at - b.at);
  }
  runUntil(at: number, opts?: { stopOnSpan?: boolean }): boolean {
    while (this.timers.length && this.timers[0].at <= at) {
      const timer = this.timers.shift()!;
      this.t = timer.at;
      for (let i = 0; i < timer.spans; i++) {
        const s = span(this.nextId++, timer.at);
        s.object = this.objectsPerTimer ? `Pod/default/p-${s.id}` : 'Pod/default/web';
        if (this.traffic) s.kind = 'proxyForward';
        this.pacer.enqueue(s);
      }
      if (opts?.stopOnSpan && timer.spans > 0) return true;
    }
    this.t = Math.max(this.t, at);
    return false;
  }
}

function span(id: number, at: number): Span {
  return { id, at, duration: 0, from: 'apiserver', to: 'etcd', verb: 'PUT', kind: 'etcdWrite', args: {}, summary: '' };
}

function setup(opts = {}) {
  const clock = new FakeClock();
  const pacer = new Pacer(clock, opts);
  clock.pacer = pacer;
  return { clock, pacer };
}

describe('Pacer', () => {
  it('releases traffic spans as they happen without holding time, even at 1×', () => {
    const { clock, pacer } = setup();
    clock.traffic = true;
    // 10 requests a second for 10 virtual seconds.
    for (let t = 0; t < 10_000; t += 100) clock.at(t + 1);
    pacer.play(0);
    const released: Span[] = [];
    for (let w = 16; w <= 10_016; w += 16) released.push(...pacer.tick(w));
    expect(clock.now()).toBeGreaterThanOrEqual(9_900);
    expect(released.length).toBe(100);
    expect(pacer.busy).toBe(false);
    expect(released.map((s) => s.id)).toEqual([...released.map((s) => s.id)].sort((a, b) => a - b));
  });


  it('lets virtual time flow at wall × speed while nothing happens', () => {
    const { clock, pacer } = setup();
    pacer.setSpeed(2);
    pacer.play(0);
    for (let w = 16; w <= 1600; w += 16) pacer.tick(w);
    expect(clock.now()).toBe(3200);
  });

  it('advances the engine in whole milliseconds without drift (fractional wall ticks)', () => {
    const { clock, pacer } = setup();
    pacer.setSpeed(0.25);
    pacer.play(0);
    for (let i = 1; i <= 600; i++) {
      pacer.tick(i * 16.7);
      expect(Number.isInteger(clock.now())).toBe(true);
    }
    expect(clock.now()).toBe(Math.floor(((600 * 16.7) / 1) * 0.25));
  });

  it('does not move time while paused', () => {
    const { clock, pacer } = setup();
    pacer.play(0);
    pacer.tick(100);
    pacer.pause();
    pacer.tick(1100);
    expect(clock.now()).toBe(100);
  });

  it('releases one span per hop and holds virtual time while a hop animates', () => {
    const { clock, pacer } = setup();
    clock.at(100, 3); // one timer records three spans
    pacer.play(0);
    const released: number[] = [];
    const times: number[] = [];
    for (let w = 16; w <= 3000; w += 16) {
      for (const s of pacer.tick(w)) { released.push(s.id); times.push(w); }
      if (w === 800) expect(clock.now()).toBe(100); // held: the hop of span 1 animates
    }
    expect(released).toEqual([1, 2, 3]);
    // 700 ms apart at 1×
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(700);
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(700);
    expect(times[1] - times[0]).toBeLessThan(720);
  });

  it('shortens hops at higher speed (hopMs = 700 / speed)', () => {
    const { clock, pacer } = setup();
    pacer.setSpeed(4);
    expect(pacer.hopMs).toBe(175);
    clock.at(0, 2);
    pacer.play(0);
    const times: number[] = [];
    for (let w = 16; w <= 1000; w += 16) if (pacer.tick(w).length) times.push(w);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(175);
    expect(times[1] - times[0]).toBeLessThan(200);
  });

  it('switches to busy mode above 8 queued spans: releases all, time flows', () => {
    const { clock, pacer } = setup();
    clock.at(10, 20);
    clock.at(50, 5);
    pacer.play(0);
    const first = pacer.tick(16);
    expect(first).toHaveLength(20);
    expect(pacer.busy).toBe(true);
    const next = pacer.tick(100); // from t=10 (stopped on the span), 84 ms flow freely, past t=50
    expect(next).toHaveLength(5);
    expect(clock.now()).toBe(94);
  });

  it('enters busy mode when many different objects have spans at once, even one at a time', () => {
    const { clock, pacer } = setup();
    clock.objectsPerTimer = true;
    for (let i = 0; i < 12; i++) clock.at(100 + i * 50, 1); // 12 pods, one span each, 50 ms apart
    pacer.play(0);
    let released = 0;
    let wall = 0;
    while (!pacer.busy && wall < 20_000) released += pacer.tick((wall += 16)).length;
    expect(pacer.busy).toBe(true);
    expect(released).toBe(9); // eight told one by one; the ninth object tips it into busy mode
  });

  it('stays narrative for one object\'s story, however many spans it has', () => {
    const { clock, pacer } = setup();
    for (let i = 0; i < 30; i++) clock.at(100 + i * 20, 1); // 30 spans, all about the same pod
    pacer.play(0);
    for (let w = 16; w <= 30_000; w += 16) {
      pacer.tick(w);
      expect(pacer.busy).toBe(false);
    }
  });

  it('leaves busy mode after a quiet hop', () => {
    const { clock, pacer } = setup();
    clock.at(10, 20);
    pacer.play(0);
    pacer.tick(16);
    expect(pacer.busy).toBe(true);
    pacer.tick(400);
    expect(pacer.busy).toBe(true);
    pacer.tick(720);
    expect(pacer.busy).toBe(false);
  });

  it('step releases the next span, running the engine until one exists, and pauses', () => {
    const { clock, pacer } = setup();
    clock.at(5000, 2);
    pacer.play(0);
    const a = pacer.step(10);
    expect(pacer.playing).toBe(false);
    expect(a.map((s) => s.id)).toEqual([1]);
    expect(clock.now()).toBe(5000);
    const b = pacer.step(20);
    expect(b.map((s) => s.id)).toEqual([2]);
    expect(pacer.step(30)).toEqual([]);
    expect(clock.now()).toBe(5000);
  });

  it('clamps a long wall gap (suspended tab) to maxTickMs', () => {
    const { clock, pacer } = setup();
    pacer.play(0);
    pacer.tick(60_000);
    expect(clock.now()).toBe(250);
  });
  it('offers 16×, 32× and 64×; hops shrink to 700/64 ≈ 11 ms', async () => {
    const { SPEEDS, hopMsFor } = await import('../protocol/messages.ts');
    expect(SPEEDS.slice(-3)).toEqual([16, 32, 64]);
    expect(hopMsFor(64)).toBeCloseTo(10.9375, 4);
  });

  it('at 16× and above stays busy: time flows at wall × speed, spans released as recorded', () => {
    const { clock, pacer } = setup();
    pacer.setSpeed(64);
    clock.at(1000, 1); // one object, one span: narrative mode would hold time for it
    clock.at(1500, 1);
    pacer.play(0);
    const first = pacer.tick(16); // 16 × 64 = 1024 virtual ms: past the first timer
    expect(pacer.busy).toBe(true);
    expect(first.map((s) => s.id)).toEqual([1]);
    expect(clock.now()).toBe(1024);
    expect(pacer.tick(32).map((s) => s.id)).toEqual([2]);
    expect(clock.now()).toBe(2048);
    for (let w = 48; w <= 2000; w += 16) pacer.tick(w);
    expect(pacer.busy).toBe(true); // no quiet-hop exit while fast
  });

  it('plays a five-minute failure story (heartbeats every 10 s on 4 nodes) in about 5 s at 64×', () => {
    const { clock, pacer } = setup();
    for (let at = 10_000; at <= 400_000; at += 10_000) clock.at(at, 4); // 4 Lease renewals
    clock.at(50_000, 3); // the node goes Unknown and is tainted
    clock.at(350_000, 12); // evictions and replacements
    pacer.setSpeed(64);
    pacer.play(0);
    let wall = 0;
    while (clock.now() < 350_000 && wall < 60_000) pacer.tick((wall += 16));
    expect(wall).toBeLessThanOrEqual(5_500);
    expect(wall).toBeGreaterThanOrEqual(5_400); // 350 s / 64 = 5.47 s: no hold for hops
  });

  it('goes back to narrative mode after slowing below 16× and a quiet hop', () => {
    const { pacer } = setup();
    pacer.setSpeed(32);
    pacer.play(0);
    pacer.tick(16);
    expect(pacer.busy).toBe(true);
    pacer.setSpeed(8);
    pacer.tick(32);
    pacer.tick(200); // 700/8 = 87.5 ms with nothing released
    expect(pacer.busy).toBe(false);
  });
});
