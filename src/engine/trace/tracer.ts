/**
 * The tracer: assigns span ids and times and fans spans out to listeners. It keeps no history
 * (the UI and tests subscribe), so 10,000-pod runs do not grow memory with spans.
 */
import type { Span, SpanInput } from './span.ts';

export class Tracer {
  private nextId = 1;
  private listeners = new Set<(s: Span) => void>();
  /** While muted (bootstrap), `record` returns a span with id 0 and tells nobody. */
  muted = false;
  /** Spans recorded since the counter was last read; the clock's stopOnSpan uses it. */
  recorded = 0;

  constructor(private readonly now: () => number) {}

  record(input: SpanInput): Span {
    if (this.muted) return { ...input, id: 0, at: input.at ?? this.now() };
    // Callers build a fresh SpanInput per call, so it becomes the Span itself (no copy per hop).
    const span = input as Span;
    span.id = this.nextId++;
    if (span.at === undefined) span.at = this.now();
    this.recorded++;
    for (const l of this.listeners) l(span);
    return span;
  }

  /** Whether anyone receives spans. When nobody does, hot paths call `reserve` instead of building one. */
  get observed(): boolean {
    return this.listeners.size > 0;
  }

  /**
   * Take the id `record` would have given, without building a span nobody reads: the id
   * sequence and the `recorded` count stay exactly as if the span had been recorded.
   */
  reserve(): number {
    if (this.muted) return 0;
    this.recorded++;
    return this.nextId++;
  }

  /** Id the next span will get (0 while muted). */
  peekId(): number {
    return this.muted ? 0 : this.nextId;
  }

  subscribe(cb: (s: Span) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }
}
