/**
 * `kubectl get --sort-by=<JSONPath>`. Mirrors kubectl pkg/cmd/get/sorter.go: each object's value
 * at the path, a stable sort, strings in natural order (sortorder.NaturalLess: `pod-2` before
 * `pod-10`), numbers numerically, RFC 3339 timestamps by time. Objects without the field sort
 * first, as kubectl's empty values do. Supported JSONPath: field steps and `[N]` indices
 * (`.metadata.name`, `{.status.containerStatuses[0].restartCount}`), the forms --sort-by is used with.
 */

type Step = string | number;

/** The steps of `{.a.b[0].c}` / `.a.b`; undefined when the expression is not a plain path. */
export function parseSortPath(expr: string): Step[] | undefined {
  let e = expr.trim();
  if (e.startsWith('{') && e.endsWith('}')) e = e.slice(1, -1).trim();
  if (!e.startsWith('.')) e = `.${e}`;
  const steps: Step[] = [];
  const re = /\.([A-Za-z0-9_-]+)|\[(\d+)\]/y;
  let i = 0;
  while (i < e.length) {
    re.lastIndex = i;
    const m = re.exec(e);
    if (!m) return undefined;
    steps.push(m[1] !== undefined ? m[1] : Number(m[2]));
    i = re.lastIndex;
  }
  return steps.length ? steps : undefined;
}

function valueAt(o: unknown, steps: Step[]): unknown {
  let v: unknown = o;
  for (const s of steps) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[s];
  }
  return v;
}

/** sortorder.NaturalLess: digit runs compare by value, everything else byte-wise. */
export function naturalLess(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const da = a[i]! >= '0' && a[i]! <= '9';
    const db = b[j]! >= '0' && b[j]! <= '9';
    if (da && db) {
      let ie = i;
      let je = j;
      while (ie < a.length && a[ie]! >= '0' && a[ie]! <= '9') ie++;
      while (je < b.length && b[je]! >= '0' && b[je]! <= '9') je++;
      const na = a.slice(i, ie).replace(/^0+/, '');
      const nb = b.slice(j, je).replace(/^0+/, '');
      if (na.length !== nb.length) return na.length < nb.length;
      if (na !== nb) return na < nb;
      i = ie;
      j = je;
    } else {
      if (a[i] !== b[j]) return a[i]! < b[j]!;
      i++;
      j++;
    }
  }
  return a.length - i < b.length - j;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function less(a: unknown, b: unknown): boolean {
  if (a === undefined || a === null) return !(b === undefined || b === null);
  if (b === undefined || b === null) return false;
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return !a && b;
  if (typeof a === 'string' && typeof b === 'string') {
    if (RFC3339.test(a) && RFC3339.test(b)) return Date.parse(a) < Date.parse(b);
    return naturalLess(a, b);
  }
  return naturalLess(JSON.stringify(a), JSON.stringify(b));
}

/** A stably sorted copy of `objs` by the value at `steps`. */
export function sortObjects<T>(objs: T[], steps: Step[]): T[] {
  const keyed = objs.map((o, i) => ({ o, i, v: valueAt(o, steps) }));
  keyed.sort((x, y) => (less(x.v, y.v) ? -1 : less(y.v, x.v) ? 1 : x.i - y.i));
  return keyed.map((k) => k.o);
}
