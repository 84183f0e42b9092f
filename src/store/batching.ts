/** Splitting queued deltas into per-frame batches (the store applies one batch per frame). */
import type { DeltaMessage } from '../protocol/messages.ts';

/** Take up to `budget` object changes off the front of `queue` (splitting a delta if need be). */
export function takeChanges(queue: DeltaMessage[], budget: number): { batch: DeltaMessage[]; rest: DeltaMessage[] } {
  const batch: DeltaMessage[] = [];
  let i = 0;
  for (; i < queue.length && budget > 0; i++) {
    const d = queue[i]!;
    const size = d.upserts.length + d.deletes.length;
    if (size <= budget || d.reset) {
      batch.push(d);
      budget -= size;
      continue;
    }
    // Split: the objects now, the rest (with the spans and clock, so they still arrive after
    // the objects they talk about) next frame. Keys within a delta are distinct, so any split
    // gives the same final state; deletes go first, as applyObjects applies them first.
    const deletes = d.deletes.slice(0, budget);
    const upserts = d.upserts.slice(0, budget - deletes.length);
    batch.push({ ...d, deletes, upserts, released: [] });
    const rest: DeltaMessage = { ...d, deletes: d.deletes.slice(deletes.length), upserts: d.upserts.slice(upserts.length) };
    return { batch, rest: [rest, ...queue.slice(i + 1)] };
  }
  return { batch, rest: queue.slice(i) };
}
