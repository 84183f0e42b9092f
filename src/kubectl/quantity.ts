/**
 * Just enough of resource.Quantity (k8s.io/apimachinery/pkg/api/resource) for describe's sums
 * and percentages: parse to a number of base units, print canonically in the parsed family.
 */

const BIN: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DEC: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

export interface Qty {
  value: number;
  binary: boolean;
}

export function parseQuantity(s: string | number | undefined): Qty {
  if (s === undefined) return { value: 0, binary: false };
  if (typeof s === 'number') return { value: s, binary: false };
  const m = /^([+-]?[0-9.]+)([a-zA-Z]*)$/.exec(s.trim());
  if (!m) return { value: 0, binary: false };
  const n = parseFloat(m[1]!);
  const suf = m[2]!;
  if (suf in BIN) return { value: n * BIN[suf]!, binary: true };
  if (suf in DEC) return { value: n * DEC[suf]!, binary: false };
  const e = /^[eE](\d+)$/.exec(suf);
  return { value: e ? n * 10 ** Number(e[1]) : n, binary: false };
}

/** Canonical string: `0`, `500m`, `2`, `128Mi`, `1Gi`, `1500m`. */
export function formatQuantity(q: Qty): string {
  const v = q.value;
  if (v === 0) return '0';
  if (q.binary && Number.isInteger(v) && v >= 1024) {
    for (const [suf, f] of Object.entries(BIN).reverse()) if (v % f === 0) return `${v / f}${suf}`;
    return String(v);
  }
  const milli = Math.round(v * 1000);
  if (milli % 1000 !== 0) return `${milli}m`;
  let n = milli / 1000;
  for (const suf of ['', 'k', 'M', 'G', 'T', 'P', 'E']) {
    if (n % 1000 !== 0 || suf === 'E') return `${n}${suf}`;
    n = n / 1000;
  }
  return String(v);
}
