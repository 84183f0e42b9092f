/**
 * Seeded PRNG (sfc32). Every component forks its own stream from seed + name, so adding a
 * component or a call in one component never shifts another's choices (DESIGN.md Principle 2).
 * The suffix alphabet is apimachinery pkg/util/rand/rand.go `alphanums`.
 */
import type { Rng } from '../component.ts';

export const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** cyrb53-style 32-bit string hash pair, mixed with a seed. */
function hash(str: string, seed: number): [number, number] {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

class Sfc32 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d = 1;

  constructor(
    private readonly seed: number,
    private readonly path: string,
  ) {
    const [h1, h2] = hash(path, seed);
    this.a = h1;
    this.b = h2;
    this.c = (seed ^ 0x9e3779b9) >>> 0;
    for (let i = 0; i < 12; i++) this.u32();
  }

  private u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  next(): number {
    return this.u32() / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  suffix(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += SUFFIX_ALPHABET[this.int(SUFFIX_ALPHABET.length)];
    return s;
  }

  fork(name: string): Rng {
    return new Sfc32(this.seed, `${this.path}/${name}`);
  }
}

/** The root stream for a cluster seed. Forks depend only on (seed, path of names). */
export function createRng(seed: number): Rng {
  return new Sfc32(seed >>> 0, '');
}

/** A UUID-shaped (version 4 layout) id drawn from `rng`, for metadata.uid. */
export function uuid(rng: Rng): string {
  // Four 32-bit draws, formatted as a version-4 UUID.
  const w = [0, 1, 2, 3].map(() => Math.floor(rng.next() * 4294967296).toString(16).padStart(8, '0'));
  const variant = (8 + (parseInt(w[2][0], 16) & 3)).toString(16);
  // join builds one flat string; a template literal would keep a rope of ten pieces alive in
  // every stored object's uid (~300 bytes each instead of ~50).
  return [w[0], '-', w[1].slice(0, 4), '-4', w[1].slice(5), '-', variant, w[2].slice(1, 4), '-', w[2].slice(4), w[3]].join('');
}
