/**
 * resource.Quantity: parse and canonical serialization.
 * Mirrors apimachinery pkg/api/resource/quantity.go (ParseQuantity, CanonicalizeBytes) and
 * suffix.go. Values are held exactly as BigInt nano-units, which covers every suffix from `n`
 * to `E`/`Ei` (sub-nano inputs round up, as upstream's scale -9 limit does).
 */

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** Value × 10^9, exact. */
  nanos: bigint;
  format: QuantityFormat;
}

export const QUANTITY_REGEX = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';
export const QUANTITY_ERROR = `quantities must match the regular expression '${QUANTITY_REGEX}'`;

const re = new RegExp(QUANTITY_REGEX);
const NANO = 1_000_000_000n;
const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const DEC_SUFFIX: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };
const BIN_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a > 0n === b > 0n ? q + 1n : q;
}

// The same few strings (`100m`, `2`, `4Gi`) are parsed on every write and every scheduling cycle.
const memo = new Map<string, Quantity | undefined>();

/** Parse `s` (a JSON number is accepted, as Quantity.UnmarshalJSON does). Undefined when invalid. Results are frozen and shared. */
export function tryParseQuantity(s: string | number): Quantity | undefined {
  const str = typeof s === 'number' ? String(s) : s.trim();
  if (memo.has(str)) return memo.get(str);
  const q = parse(str);
  if (memo.size > 10_000) memo.clear();
  memo.set(str, q && Object.freeze(q));
  return q;
}

function parse(str: string): Quantity | undefined {
  const m = re.exec(str);
  if (!m) return undefined;
  const num = m[1];
  const suffix = m[2];
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(num)) return undefined;
  let format: QuantityFormat;
  let mult10 = 0;
  let mult1024 = 0;
  if (suffix in BINARY) {
    format = 'BinarySI';
    mult1024 = BINARY[suffix];
  } else if (suffix in DECIMAL) {
    format = 'DecimalSI';
    mult10 = DECIMAL[suffix];
  } else if (/^[eE][-+]?\d+$/.test(suffix)) {
    format = 'DecimalExponent';
    mult10 = Number(suffix.slice(1));
  } else return undefined;
  const neg = num.startsWith('-');
  const digits = num.replace(/^[+-]/, '');
  const [ip, fp = ''] = digits.split('.');
  // value = int(ip+fp) × 10^(mult10 - fp.length) × 1024^mult1024, in nanos: × 10^9
  let mant = BigInt((ip || '0') + fp);
  const exp10 = mult10 - fp.length + 9;
  mant *= 1024n ** BigInt(mult1024);
  let nanos: bigint;
  if (exp10 >= 0) nanos = mant * 10n ** BigInt(exp10);
  else nanos = ceilDiv(mant, 10n ** BigInt(-exp10));
  if (neg) nanos = -nanos;
  return { nanos, format };
}

/** Parse or throw `Error(QUANTITY_ERROR)`. */
export function parseQuantity(s: string | number): Quantity {
  const q = tryParseQuantity(s);
  if (!q) throw new Error(QUANTITY_ERROR);
  return q;
}

/** Canonical string form (CanonicalizeBytes): `1.5Gi` → `1536Mi`, `0.5` → `500m`. */
export function formatQuantity(q: Quantity): string {
  const n = q.nanos;
  if (n === 0n) return '0';
  let format = q.format;
  if (format === 'BinarySI') {
    const abs = n < 0n ? -n : n;
    if (abs < 1024n * NANO || n % NANO !== 0n) format = 'DecimalSI';
  }
  if (format === 'BinarySI') {
    let v = n / NANO;
    let k = 0;
    while (k < 6 && v % 1024n === 0n) {
      v /= 1024n;
      k++;
    }
    return `${v}${BIN_SUFFIX[k]}`;
  }
  let mant = n;
  let exp = -9;
  while (mant % 10n === 0n) {
    mant /= 10n;
    exp++;
  }
  const r = ((exp % 3) + 3) % 3;
  mant *= 10n ** BigInt(r);
  exp -= r;
  if (format === 'DecimalExponent') return exp === 0 ? `${mant}` : `${mant}e${exp}`;
  while (exp > 18) {
    mant *= 1000n;
    exp -= 3;
  }
  return `${mant}${DEC_SUFFIX[exp]}`;
}

/** Quantity.MilliValue (rounded up). */
export function milliValue(q: Quantity): number {
  return Number(ceilDiv(q.nanos, 1_000_000n));
}

/** Quantity.Value (rounded up to whole units). */
export function quantityValue(q: Quantity): number {
  return Number(ceilDiv(q.nanos, NANO));
}

/** Round up to milli scale (SetDefaults_ResourceList), keeping the format. */
export function roundUpToMilli(q: Quantity): Quantity {
  return { nanos: ceilDiv(q.nanos, 1_000_000n) * 1_000_000n, format: q.format };
}

/** CPU in millicores from a quantity string (`500m` → 500, `2` → 2000). Undefined if invalid. */
export function cpuMillis(s: string | number): number | undefined {
  const q = tryParseQuantity(s);
  return q && milliValue(q);
}

/** Bytes from a quantity string (`4Gi` → 4294967296). Undefined if invalid. */
export function memoryBytes(s: string | number): number | undefined {
  const q = tryParseQuantity(s);
  return q && quantityValue(q);
}

/** Compare two quantities: negative, zero or positive. */
export function compareQuantity(a: Quantity, b: Quantity): number {
  return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0;
}
