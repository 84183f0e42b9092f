/**
 * The pod-template-hash: k/k pkg/controller/controller_utils.go ComputeHash and apimachinery
 * pkg/util/rand SafeEncodeString. Upstream hashes a spew dump of the Go PodTemplateSpec, which a
 * simulator cannot reproduce; we hash a canonical JSON of the template (keys sorted) with the same
 * FNV-32a, the same collisionCount bytes and the same encoding, so names look and behave alike.
 */

/** apimachinery rand.alphanums: no vowels, no 0/1/3 (so no bad words, no look-alikes). */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** SafeEncodeString: each character becomes `alphanums[charCode % 27]` (digits map to 4…f). */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += ALPHANUMS[s.charCodeAt(i) % ALPHANUMS.length];
  return out;
}

/** JSON with object keys sorted at every level and undefined members dropped. */
export function canonicalJSON(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : canonicalJSON(x))).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJSON(o[k])}`).join(',')}}`;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** hash/fnv New32a over bytes, continuing from `h`. */
export function fnv32a(bytes: Uint8Array, h = FNV_OFFSET): number {
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, FNV_PRIME) >>> 0;
  }
  return h >>> 0;
}

const encoder = new TextEncoder();

/**
 * ComputeHash: FNV-32a of the template, then (when `collisionCount` is set) 8 more bytes —
 * the count as little-endian uint32 and 4 zero bytes — then SafeEncodeString of the decimal sum.
 */
export function computeHash(template: unknown, collisionCount?: number | null): string {
  let h = fnv32a(encoder.encode(canonicalJSON(template ?? {})));
  if (collisionCount !== undefined && collisionCount !== null) {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(b, h);
  }
  return safeEncodeString(String(h));
}
