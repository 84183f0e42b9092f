/**
 * The Service ClusterIP allocator. Mirrors k/k pkg/registry/core/service/ipallocator (bitmap.go:
 * Range, Allocate, AllocateNext, Release, calculateRangeOffset; interfaces.go errors) and
 * pkg/registry/core/service/allocator (bitmap.go: randomScanStrategyWithOffset). IPv4 only.
 */
import type { Rng } from '../component.ts';

/** An allocation failure; `message` is the upstream error text. */
export class AllocationError extends Error {
  constructor(
    readonly reason: 'full' | 'allocated' | 'notInRange',
    message: string,
  ) {
    super(message);
  }
}

/**
 * allocator.AllocationBitmap with randomScanStrategyWithOffset: indexes [0, max); dynamic picks
 * are random from the upper band [offset, max), scanning forward from a random start, and fall
 * back to the lower (static) band only when the upper one is full.
 */
export class BandBitmap {
  private readonly taken = new Set<number>();

  constructor(
    readonly max: number,
    readonly offset: number,
  ) {}

  has(i: number): boolean {
    return this.taken.has(i);
  }

  get used(): number {
    return this.taken.size;
  }

  /** Mark `i`; false if it was already taken. */
  allocate(i: number): boolean {
    if (this.taken.has(i)) return false;
    this.taken.add(i);
    return true;
  }

  release(i: number): void {
    this.taken.delete(i);
  }

  /** The index AllocateNext would take (randomScanStrategyWithOffset.AllocateBit), without taking it. */
  pick(rng: Rng): number | undefined {
    if (this.taken.size >= this.max) return undefined;
    const upper = this.max - this.offset;
    if (upper > 0) {
      const start = rng.int(upper);
      for (let k = 0; k < upper; k++) {
        const at = this.offset + ((start + k) % upper);
        if (!this.taken.has(at)) return at;
      }
    }
    if (this.offset > 0) {
      const start = rng.int(this.offset);
      for (let k = 0; k < this.offset; k++) {
        const at = (start + k) % this.offset;
        if (!this.taken.has(at)) return at;
      }
    }
    return undefined;
  }
}

/** Parse dotted IPv4 (ParseIPSloppy accepts leading zeros) to a uint32, or undefined. */
export function parseIPv4(s: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  let n = 0;
  for (let i = 1; i <= 4; i++) {
    const b = Number(m[i]);
    if (b > 255) return undefined;
    n = n * 256 + b;
  }
  return n;
}

export function formatIPv4(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** A loose IPv6 check (hex groups, at most one `::`, optional trailing dotted quad). */
export function isIPv6(s: string): boolean {
  if (!s.includes(':') || /[^0-9a-fA-F:.]/.test(s)) return false;
  const dbl = s.split('::');
  if (dbl.length > 2) return false;
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const all = [...groups(dbl[0]!), ...(dbl.length === 2 ? groups(dbl[1]!) : [])];
  let count = 0;
  for (let i = 0; i < all.length; i++) {
    const g = all[i]!;
    if (i === all.length - 1 && g.includes('.')) {
      if (parseIPv4(g) === undefined) return false;
      count += 2;
      continue;
    }
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return false;
    count++;
  }
  return dbl.length === 2 ? count < 8 : count === 8;
}

/** netutils.ParseIPSloppy(s) != nil. */
export const isValidIP = (s: string): boolean => parseIPv4(s) !== undefined || isIPv6(s);

/**
 * calculateRangeOffset: min(max(16, cidrSize/16), 256); 0 when the whole CIDR has ≤ 16 addresses
 * (a /12 gives 256, so dynamic IPs come from 10.96.1.1 upwards).
 */
export function ipRangeOffset(cidrSize: number): number {
  if (cidrSize <= 16) return 0;
  return Math.min(Math.max(16, Math.floor(cidrSize / 16)), 256);
}

/** One IPv4 service CIDR: index i is network+1+i (network and broadcast addresses are never used). */
export class IPAllocator {
  readonly cidr: string;
  private readonly base: number;
  private readonly bitmap: BandBitmap;

  constructor(
    cidr: string,
    private readonly rng: Rng,
  ) {
    const [addr, bitsText] = cidr.split('/');
    const bits = Number(bitsText);
    const ip = parseIPv4(addr ?? '');
    if (ip === undefined || !Number.isInteger(bits) || bits < 0 || bits > 30) throw new Error(`bad service CIDR ${cidr}`);
    const size = 2 ** (32 - bits);
    const network = ip - (ip % size);
    this.cidr = `${formatIPv4(network)}/${bits}`;
    this.base = network + 1;
    this.bitmap = new BandBitmap(size - 2, ipRangeOffset(size));
  }

  /** Free addresses left. */
  free(): number {
    return this.bitmap.max - this.bitmap.used;
  }

  private index(ip: string): number {
    const n = parseIPv4(ip);
    const i = n === undefined ? -1 : n - this.base;
    if (i < 0 || i >= this.bitmap.max) {
      throw new AllocationError('notInRange', `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${this.cidr}`);
    }
    return i;
  }

  has(ip: string): boolean {
    const n = parseIPv4(ip);
    return n !== undefined && this.bitmap.has(n - this.base);
  }

  /** Allocate: reserve exactly `ip`. `check` only tests (dry run). Throws AllocationError. */
  allocate(ip: string, check = false): void {
    const i = this.index(ip);
    if (this.bitmap.has(i)) throw new AllocationError('allocated', 'provided IP is already allocated');
    if (!check) this.bitmap.allocate(i);
  }

  /** AllocateNext: a random free IP of the dynamic band. `check` picks without keeping (dry run). */
  allocateNext(check = false, rng: Rng = this.rng): string {
    const i = this.bitmap.pick(rng);
    if (i === undefined) throw new AllocationError('full', 'range is full');
    if (!check) this.bitmap.allocate(i);
    return formatIPv4(this.base + i);
  }

  /** Release: a no-op for addresses outside the range or not allocated. */
  release(ip: string): void {
    const n = parseIPv4(ip);
    if (n === undefined) return;
    const i = n - this.base;
    if (i >= 0 && i < this.bitmap.max) this.bitmap.release(i);
  }
}
