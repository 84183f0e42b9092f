/**
 * The pacer: turns wall time × speed into virtual time and decides when each trace span is
 * released to the diagram (plan.md "Pacing").
 *
 * - Narrative mode (little activity): at most one span per hop (`hopMs = 700 / speed` wall ms);
 *   while a released hop is still animating or spans wait in the queue, virtual time holds, so
 *   the story waits for the animation. The engine is advanced with `stopOnSpan`, so it never
 *   runs ahead of the narration by more than one timer's work.
 * - Busy mode (more than `busyThreshold` spans queued, or spans about more than `busyThreshold`
 *   different objects within `crowdWindowMs` of virtual time — hundreds of pods, each with its own
 *   story): every span is released at once and virtual time flows at wall × speed. It ends when
 *   the crowd thins out and a hop passes with no new span.
 * - Fast (speed ≥ FAST_SPEED, 16×): always busy mode. A hop would last under three frames, so
 *   holding time for each one would make 64× crawl (a heartbeat every 10 s per node is enough
 *   to halve it); instead time flows at wall × speed and hops are drawn together.
 * - Step: release the next queued span, or run the engine until one is recorded.
 * - Traffic (`sim traffic` requests, {@link TRAFFIC_SPAN_KINDS}) is a stream, not a story: its
 *   spans are released with the next tick in any mode and never hold virtual time, count towards
 *   busy mode or stop a Step — ten requests a second must not freeze the clock at 1×.
 */
import type { Span } from '../protocol/types.ts';
import { FAST_SPEED, hopMsFor, TRAFFIC_SPAN_KINDS } from '../protocol/messages.ts';

/** The part of the engine's Cluster the pacer drives. */
export interface PacedClock {
  now(): number;
  runUntil(at: number, opts?: { stopOnSpan?: boolean }): boolean;
  nextTimerAt(): number | undefined;
}

export interface PacerOptions {
  /** Queue length above which the pacer switches to busy mode. Default 8. */
  busyThreshold?: number;
  /** Longest wall gap (ms) one tick may turn into virtual time (a suspended tab must not leap). Default 250. */
  maxTickMs?: number;
  /** How far ahead (virtual ms) Step searches for the next span. Default 10 minutes. */
  maxStepMs?: number;
  /** Virtual ms over which distinct objects are counted for crowd detection. Default 2000. */
  crowdWindowMs?: number;
  /** Speed from which the pacer stays in busy mode (hops drawn together). Default {@link FAST_SPEED}. */
  fastSpeed?: number;
}

/** Object of a span for crowd counting; Events are side notes of another object's story. */
function crowdKey(span: Span): string | undefined {
  const o = span.object;
  if (!o || /^events?\//i.test(o)) return undefined;
  return o;
}

export class Pacer {
  playing = false;
  speed = 1;
  busy = false;
  private readonly queue: Span[] = [];
  /** Traffic spans recorded since the last tick (released at once, whatever the mode). */
  private readonly ambient: Span[] = [];
  private lastWall: number | undefined;
  /** Wall time of the last narrative release (−∞: nothing animating). */
  private lastRelease = Number.NEGATIVE_INFINITY;
  private lastBusyActivity = 0;
  /** Fraction of a virtual ms not yet applied: the engine's clock runs on whole milliseconds. */
  private carry = 0;
  /** Recent spans' (virtual time, object), for crowd detection. */
  private recent: { at: number; key: string }[] = [];
  private readonly crowdWindowMs: number;
  private readonly busyThreshold: number;
  private readonly maxTickMs: number;
  private readonly maxStepMs: number;
  private readonly fastSpeed: number;

  constructor(
    private readonly clock: PacedClock,
    opts: PacerOptions = {},
  ) {
    this.busyThreshold = opts.busyThreshold ?? 8;
    this.maxTickMs = opts.maxTickMs ?? 250;
    this.maxStepMs = opts.maxStepMs ?? 10 * 60_000;
    this.crowdWindowMs = opts.crowdWindowMs ?? 2000;
    this.fastSpeed = opts.fastSpeed ?? FAST_SPEED;
  }

  /** Hops too short to follow one at a time: the pacer stays busy. */
  get fast(): boolean {
    return this.speed >= this.fastSpeed;
  }

  /** Wall ms one hop animates at the current speed. */
  get hopMs(): number {
    return hopMsFor(this.speed);
  }

  /** Spans recorded but not yet released. */
  get queued(): number {
    return this.queue.length;
  }

  /** Called for every span the engine (or kubectl) records. */
  enqueue(span: Span): void {
    if (TRAFFIC_SPAN_KINDS.has(span.kind)) {
      this.ambient.push(span);
      return;
    }
    this.queue.push(span);
    const key = crowdKey(span);
    if (key) this.recent.push({ at: span.at, key });
  }

  /** Distinct objects touched by spans in the last `crowdWindowMs` of virtual time. */
  crowd(): number {
    const since = this.clock.now() - this.crowdWindowMs;
    let drop = 0;
    while (drop < this.recent.length && this.recent[drop].at < since) drop++;
    if (drop) this.recent.splice(0, drop);
    if (this.recent.length <= this.busyThreshold) return this.recent.length; // cannot exceed the threshold
    const keys = new Set<string>();
    for (const r of this.recent) keys.add(r.key);
    return keys.size;
  }

  /** Drop queued spans (after a restore, the history is not replayed). */
  clearQueue(): void {
    this.queue.length = 0;
    this.ambient.length = 0;
    this.recent = [];
  }

  play(wall: number): void {
    this.playing = true;
    this.lastWall = wall;
  }

  pause(): void {
    this.playing = false;
  }

  setSpeed(speed: number): void {
    if (Number.isFinite(speed) && speed > 0) this.speed = speed;
  }

  /** Advance by the wall time since the last tick; returns the spans to release now, oldest first. */
  tick(wall: number): Span[] {
    return this.withAmbient(this.tickStory(wall));
  }

  private tickStory(wall: number): Span[] {
    const dt = this.lastWall === undefined ? 0 : Math.max(0, Math.min(wall - this.lastWall, this.maxTickMs));
    this.lastWall = wall;
    if (!this.playing) return [];
    const target = this.clock.now() + this.wholeMs(dt * this.speed);

    if (!this.busy && this.fast) {
      this.busy = true;
      this.lastBusyActivity = wall;
    }
    if (this.busy) {
      if (target > this.clock.now()) this.clock.runUntil(target);
      const released = this.queue.splice(0);
      if (released.length > 0 || this.fast || this.crowd() > this.busyThreshold) this.lastBusyActivity = wall;
      else if (wall - this.lastBusyActivity >= this.hopMs) this.busy = false;
      return released;
    }

    if (this.queue.length > this.busyThreshold || this.crowd() > this.busyThreshold) return this.enterBusy(wall);
    if (wall - this.lastRelease < this.hopMs) return []; // a hop is animating: hold time
    if (this.queue.length === 0 && target > this.clock.now()) {
      // Stopping on a traffic span is no reason to stop: run on to the target or the story's next span.
      while (this.clock.runUntil(target, { stopOnSpan: true }) && this.queue.length === 0) { /* traffic only */ }
      if (this.queue.length > this.busyThreshold || this.crowd() > this.busyThreshold) return this.enterBusy(wall);
    }
    if (this.queue.length === 0) return [];
    this.lastRelease = wall;
    return [this.queue.shift()!];
  }

  /** Release exactly one span of the story (running the engine until one exists) and pause. */
  step(wall: number): Span[] {
    return this.withAmbient(this.stepStory(wall));
  }

  private stepStory(wall: number): Span[] {
    this.playing = false;
    this.busy = false;
    this.lastWall = wall;
    if (this.queue.length === 0) {
      const limit = this.clock.now() + this.maxStepMs;
      for (let guard = 0; guard < 100_000 && this.queue.length === 0; guard++) {
        const next = this.clock.nextTimerAt();
        if (next === undefined || next > limit) break;
        this.clock.runUntil(Math.max(next, this.clock.now()), { stopOnSpan: true });
      }
    }
    if (this.queue.length === 0) return [];
    this.lastRelease = wall;
    return [this.queue.shift()!];
  }

  /** The story's spans plus the traffic recorded meanwhile, in recording order. */
  private withAmbient(story: Span[]): Span[] {
    if (this.ambient.length === 0) return story;
    const all = story.concat(this.ambient.splice(0));
    return story.length ? all.sort((a, b) => a.id - b.id) : all;
  }

  /** Whole virtual ms to advance, carrying the fraction to the next tick (no drift). */
  private wholeMs(virtual: number): number {
    this.carry += virtual;
    const whole = Math.floor(this.carry);
    this.carry -= whole;
    return whole;
  }

  private enterBusy(wall: number): Span[] {
    this.busy = true;
    this.lastBusyActivity = wall;
    return this.queue.splice(0);
  }
}
