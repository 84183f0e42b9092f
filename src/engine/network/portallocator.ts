/**
 * The NodePort allocator. Mirrors k/k pkg/registry/core/service/portallocator (allocator.go:
 * PortAllocator, Allocate, AllocateNext, Release, calculateRangeOffset; errors) on the same
 * band bitmap as the ClusterIP allocator (ServiceNodePortStaticSubrange, GA in v1.29).
 */
import type { Rng } from '../component.ts';
import { AllocationError, BandBitmap } from './ipallocator.ts';

/** portallocator calculateRangeOffset: min(max(16, size/32), 128); 0 for ranges of ≤ 16 ports. */
export function portRangeOffset(size: number): number {
  if (size <= 16) return 0;
  return Math.min(Math.max(16, Math.floor(size / 32)), 128);
}

export class PortAllocator {
  private readonly bitmap: BandBitmap;
  /** `30000-32767` (net.PortRange.String). */
  readonly range: string;

  constructor(
    readonly base: number,
    readonly size: number,
    private readonly rng: Rng,
  ) {
    this.bitmap = new BandBitmap(size, portRangeOffset(size));
    this.range = `${base}-${base + size - 1}`;
  }

  free(): number {
    return this.size - this.bitmap.used;
  }

  has(port: number): boolean {
    return this.bitmap.has(port - this.base);
  }

  /** Allocate exactly `port`; `check` only tests (dry run). Throws AllocationError. */
  allocate(port: number, check = false): void {
    const i = port - this.base;
    if (!Number.isInteger(port) || i < 0 || i >= this.size) {
      throw new AllocationError('notInRange', `provided port is not in the valid range. The range of valid ports is ${this.range}`);
    }
    if (this.bitmap.has(i)) throw new AllocationError('allocated', 'provided port is already allocated');
    if (!check) this.bitmap.allocate(i);
  }

  /** A random free port of the dynamic band (falls back to the static band). */
  allocateNext(check = false, rng: Rng = this.rng): number {
    const i = this.bitmap.pick(rng);
    if (i === undefined) throw new AllocationError('full', 'range is full');
    if (!check) this.bitmap.allocate(i);
    return this.base + i;
  }

  release(port: number): void {
    const i = port - this.base;
    if (i >= 0 && i < this.size) this.bitmap.release(i);
  }
}
