import { describe, expect, it } from 'vitest';
import { createRng } from '../rand/rand.ts';
import { PortAllocator, portRangeOffset } from './portallocator.ts';

describe('PortAllocator', () => {
  it('splits 30000-32767 at offset 86 (min(max(16, 2768/32), 128)) and picks from the upper band', () => {
    expect(portRangeOffset(2768)).toBe(86);
    const a = new PortAllocator(30000, 2768, createRng(1));
    for (let i = 0; i < 100; i++) {
      const p = a.allocateNext();
      expect(p).toBeGreaterThanOrEqual(30086);
      expect(p).toBeLessThanOrEqual(32767);
    }
  });

  it('is deterministic per seed', () => {
    const seq = (seed: number) => {
      const a = new PortAllocator(30000, 2768, createRng(seed));
      return [a.allocateNext(), a.allocateNext()];
    };
    expect(seq(5)).toEqual(seq(5));
  });

  it('reports taken and out-of-range ports with the upstream messages', () => {
    const a = new PortAllocator(30000, 2768, createRng(1));
    a.allocate(30080);
    expect(() => a.allocate(30080)).toThrow('provided port is already allocated');
    expect(() => a.allocate(80)).toThrow('provided port is not in the valid range. The range of valid ports is 30000-32767');
    expect(() => a.allocate(32768)).toThrow('The range of valid ports is 30000-32767');
    a.release(30080);
    expect(() => a.allocate(30080)).not.toThrow();
  });

  it('exhausts a tiny range', () => {
    const a = new PortAllocator(30000, 3, createRng(1));
    expect(new Set([a.allocateNext(), a.allocateNext(), a.allocateNext()])).toEqual(new Set([30000, 30001, 30002]));
    expect(() => a.allocateNext()).toThrow('range is full');
  });
});
