import { describe, expect, it } from 'vitest';
import { createRng } from '../rand/rand.ts';
import { AllocationError, IPAllocator, ipRangeOffset, isValidIP, parseIPv4 } from './ipallocator.ts';

const ipNum = (s: string) => parseIPv4(s)!;

describe('IPAllocator', () => {
  it('uses offset min(max(16, size/16), 256): 256 for a /12, 16 for a /24, 0 for a /28', () => {
    expect(ipRangeOffset(2 ** 20)).toBe(256);
    expect(ipRangeOffset(256)).toBe(16);
    expect(ipRangeOffset(16)).toBe(0);
  });

  it('hands out dynamic IPs from the upper band only (10.96.1.1 and up for 10.96.0.0/12)', () => {
    const a = new IPAllocator('10.96.0.0/12', createRng(1));
    for (let i = 0; i < 200; i++) {
      const ip = a.allocateNext();
      expect(ipNum(ip)).toBeGreaterThanOrEqual(ipNum('10.96.1.1'));
      expect(ipNum(ip)).toBeLessThanOrEqual(ipNum('10.111.255.254'));
    }
  });

  it('is deterministic: the same seed gives the same IPs', () => {
    const seq = (seed: number) => {
      const a = new IPAllocator('10.96.0.0/12', createRng(seed));
      return [a.allocateNext(), a.allocateNext(), a.allocateNext()];
    };
    expect(seq(7)).toEqual(seq(7));
    expect(seq(7)).not.toEqual(seq(8));
  });

  it('falls back to the static band when the dynamic band is full, then reports range is full', () => {
    // /27: 30 usable, offset 16 → dynamic band is indexes 16..29 (10.0.0.17 – 10.0.0.30).
    const a = new IPAllocator('10.0.0.0/27', createRng(3));
    const got = Array.from({ length: 14 }, () => ipNum(a.allocateNext()));
    expect(Math.min(...got)).toBe(ipNum('10.0.0.17'));
    expect(Math.max(...got)).toBe(ipNum('10.0.0.30'));
    const next = ipNum(a.allocateNext());
    expect(next).toBeLessThan(ipNum('10.0.0.17'));
    for (let i = 0; i < 15; i++) a.allocateNext();
    expect(a.free()).toBe(0);
    expect(() => a.allocateNext()).toThrow(new AllocationError('full', 'range is full'));
  });

  it('allocates a requested IP exactly, refuses it twice, and reuses it after release', () => {
    const a = new IPAllocator('10.96.0.0/12', createRng(1));
    a.allocate('10.96.0.5');
    expect(a.has('10.96.0.5')).toBe(true);
    expect(() => a.allocate('10.96.0.5')).toThrow('provided IP is already allocated');
    a.release('10.96.0.5');
    expect(() => a.allocate('10.96.0.5')).not.toThrow();
  });

  it('rejects an IP outside the range with the upstream message', () => {
    const a = new IPAllocator('10.96.0.0/12', createRng(1));
    expect(() => a.allocate('10.200.0.1')).toThrow('the provided IP (10.200.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12');
    // The network and broadcast addresses are not allocatable either.
    expect(() => a.allocate('10.96.0.0')).toThrow('is not in the valid range');
    expect(() => a.allocate('10.111.255.255')).toThrow('is not in the valid range');
  });

  it('a dry-run check does not keep the IP', () => {
    const a = new IPAllocator('10.0.0.0/29', createRng(1));
    a.allocate('10.0.0.3', true);
    expect(a.has('10.0.0.3')).toBe(false);
    a.allocateNext(true);
    expect(a.free()).toBe(6);
  });

  it('parses IPs like ParseIPSloppy', () => {
    expect(isValidIP('10.96.0.1')).toBe(true);
    expect(isValidIP('010.096.000.001')).toBe(true);
    expect(isValidIP('fd00::1')).toBe(true);
    expect(isValidIP('10.96.0.256')).toBe(false);
    expect(isValidIP('foo')).toBe(false);
  });
});
