/**
 * The client-side apply patch. Mirrors k8s.io/apimachinery/pkg/util/strategicpatch:
 * CreateThreeWayMergePatch(original = last-applied, modified = manifest, current = live):
 * additions/changes come from diff(current, modified) ignoring deletions, deletions from
 * diff(original, modified). Lists with a patchMergeKey (containers by name, ports by
 * containerPort, …) are merged element by element; other lists are replaced whole.
 * Simplified: no `$setElementOrder` directives and no `$retainKeys`; merge keys come from a
 * table keyed by field name rather than from the Go struct tags.
 */

type J = unknown;
type Obj = Record<string, J>;

const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  imagePullSecrets: 'name',
  env: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  hostAliases: 'ip',
  ownerReferences: 'uid',
  conditions: 'type',
  topologySpreadConstraints: 'topologyKey',
  readinessGates: 'conditionType',
  schedulingGates: 'name',
};

function isObj(v: J): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function mergeKeyFor(field: string, list: J[]): string | undefined {
  if (field === 'ports') return list.some((e) => isObj(e) && 'containerPort' in e) ? 'containerPort' : 'port';
  return MERGE_KEYS[field];
}

export function deepEqual(a: J, b: J): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

/** Additions and changes needed to turn `current` into `modified` (deletions ignored). */
function diffAdd(current: Obj, modified: Obj): Obj {
  const patch: Obj = {};
  for (const [k, mv] of Object.entries(modified)) {
    const cv = current[k];
    if (!(k in current)) {
      patch[k] = mv;
    } else if (isObj(mv) && isObj(cv)) {
      const sub = diffAdd(cv, mv);
      if (Object.keys(sub).length) patch[k] = sub;
    } else if (Array.isArray(mv) && Array.isArray(cv) && mergeKeyFor(k, mv)) {
      const mk = mergeKeyFor(k, mv)!;
      const out: J[] = [];
      for (const me of mv) {
        if (!isObj(me)) {
          out.length = 0;
          out.push(...mv);
          break;
        }
        const ce = cv.find((c) => isObj(c) && deepEqual(c[mk], me[mk]));
        if (!ce || !isObj(ce)) out.push(me);
        else {
          const sub = diffAdd(ce, me);
          if (Object.keys(sub).length) out.push({ [mk]: me[mk], ...sub });
        }
      }
      if (out.length) patch[k] = out;
    } else if (!deepEqual(mv, cv)) {
      patch[k] = mv;
    }
  }
  return patch;
}

/** Fields in `original` that `modified` no longer has: null, or `$patch: delete` list entries. */
function diffDelete(original: Obj, modified: Obj): Obj {
  const patch: Obj = {};
  for (const [k, ov] of Object.entries(original)) {
    if (!(k in modified)) {
      patch[k] = null;
      continue;
    }
    const mv = modified[k];
    if (isObj(ov) && isObj(mv)) {
      const sub = diffDelete(ov, mv);
      if (Object.keys(sub).length) patch[k] = sub;
    } else if (Array.isArray(ov) && Array.isArray(mv) && mergeKeyFor(k, ov)) {
      const mk = mergeKeyFor(k, ov)!;
      const out: J[] = [];
      for (const oe of ov) {
        if (!isObj(oe)) continue;
        const me = mv.find((m) => isObj(m) && deepEqual(m[mk], oe[mk]));
        if (!me) out.push({ [mk]: oe[mk], $patch: 'delete' });
        else if (isObj(me)) {
          const sub = diffDelete(oe, me);
          if (Object.keys(sub).length) out.push({ [mk]: oe[mk], ...sub });
        }
      }
      if (out.length) patch[k] = out;
    }
  }
  return patch;
}

function mergePatches(a: Obj, b: Obj, field = ''): Obj {
  const out: Obj = { ...a };
  for (const [k, bv] of Object.entries(b)) {
    const av = out[k];
    if (isObj(av) && isObj(bv)) out[k] = mergePatches(av, bv, k);
    else if (Array.isArray(av) && Array.isArray(bv) && mergeKeyFor(k, bv)) {
      const mk = mergeKeyFor(k, bv)!;
      const merged = [...av];
      for (const be of bv) {
        const i = merged.findIndex((x) => isObj(x) && isObj(be) && deepEqual(x[mk], be[mk]));
        if (i >= 0 && isObj(merged[i]) && isObj(be)) merged[i] = mergePatches(merged[i] as Obj, be, k);
        else merged.push(be);
      }
      out[k] = merged;
    } else out[k] = bv;
  }
  void field;
  return out;
}

/** The patch kubectl apply sends; `{}` means "unchanged". */
export function threeWayMergePatch(original: Obj | undefined, modified: Obj, current: Obj): Obj {
  const additions = diffAdd(current, modified);
  const deletions = original ? diffDelete(original, modified) : {};
  return mergePatches(deletions, additions);
}

/** Go's json.Marshal of a map: sorted keys, `<`, `>`, `&` escaped as \u003c … */
export function goJson(v: J): string {
  const esc = (s: string) => JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const enc = (x: J): string => {
    if (x === null || x === undefined) return 'null';
    if (typeof x === 'string') return esc(x);
    if (typeof x === 'number') return Number.isFinite(x) ? JSON.stringify(x) : 'null';
    if (typeof x === 'boolean') return x ? 'true' : 'false';
    if (Array.isArray(x)) return `[${x.map(enc).join(',')}]`;
    const o = x as Obj;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${esc(k)}:${enc(o[k])}`)
      .join(',')}}`;
  };
  return enc(v);
}
