import { describe, expect, it } from 'vitest';
import { createRng, uuid, SUFFIX_ALPHABET } from './rand.ts';

describe('Rng', () => {
  it('is deterministic per seed and fork name', () => {
    const a = createRng(7).fork('scheduler');
    const b = createRng(7).fork('scheduler');
    expect([a.next(), a.int(100), a.suffix(5)]).toEqual([b.next(), b.int(100), b.suffix(5)]);
    expect(createRng(8).fork('scheduler').next()).not.toBe(createRng(7).fork('scheduler').next());
  });

  it('forks are independent of draws on the parent', () => {
    const r1 = createRng(1);
    r1.next();
    r1.next();
    expect(r1.fork('x').next()).toBe(createRng(1).fork('x').next());
  });

  it('suffixes use the Kubernetes alphabet; uuids are UUID-shaped', () => {
    const r = createRng(3);
    const s = r.suffix(1000);
    expect([...s].every((ch) => SUFFIX_ALPHABET.includes(ch))).toBe(true);
    expect(uuid(r)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
