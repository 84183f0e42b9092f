/**
 * Maps API error field paths (`spec.containers[0].image`) and decode errors back to YAML nodes,
 * so the editor can underline the offending line. No upstream counterpart: kubectl prints only
 * the message; this is the teaching aid DESIGN.md asks for ("pointing at the line or field").
 */
import { isMap, isSeq, isScalar, isPair } from 'yaml';
import type { Node, Pair } from 'yaml';
import type { ManifestDoc } from './manifest.ts';

export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** `spec.containers[0].image` → ['spec', 'containers', 0, 'image']; `metadata.labels[app]` → […, 'app']. */
export function parseFieldPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /([^.[\]]+)|\[([^\]]*)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path))) {
    if (m[1] !== undefined) out.push(m[1]);
    else out.push(/^\d+$/.test(m[2]!) ? Number(m[2]) : m[2]!);
  }
  return out;
}

/** File range of a node (value range, without trailing comments). */
export function rangeOf(d: ManifestDoc, node: { range?: [number, number, number] | null } | null | undefined): Range {
  const r = node?.range ?? [0, 1, 1];
  const a = d.lc.linePos(r[0]);
  // The end of a block collection is the start of the next line; pull it back to the last char.
  let end = Math.max(r[1], r[0] + 1);
  const b = d.lc.linePos(end);
  if (b.col === 1 && b.line > a.line) {
    end = end - 1;
    const bb = d.lc.linePos(end);
    return { line: a.line + d.lineOffset, column: a.col, endLine: bb.line + d.lineOffset, endColumn: bb.col };
  }
  return { line: a.line + d.lineOffset, column: a.col, endLine: b.line + d.lineOffset, endColumn: b.col };
}

function pairFor(map: unknown, key: string): Pair | undefined {
  if (!isMap(map)) return undefined;
  return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key) as Pair | undefined;
}

/**
 * The node an error about `path` should point at: the value when it exists, the key when
 * `atKey` (unknown fields), otherwise the deepest existing parent (a missing required field).
 */
export function locatePath(d: ManifestDoc, path: (string | number)[], atKey = false): Range {
  let node: unknown = d.doc.contents;
  let lastKey: unknown = undefined;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    if (typeof seg === 'number' && isSeq(node)) {
      const next = node.items[seg];
      if (next === undefined) break;
      node = next;
      lastKey = undefined;
      continue;
    }
    const pair = pairFor(node, String(seg));
    if (!pair) break;
    if (i === path.length - 1 && atKey) return rangeOf(d, pair.key as Node);
    lastKey = pair.key;
    if (pair.value === null || pair.value === undefined || (isScalar(pair.value) && pair.value.value === null && !pair.value.range)) {
      return rangeOf(d, lastKey as Node);
    }
    node = pair.value;
  }
  return rangeOf(d, (node as Node | null) ?? (lastKey as Node | undefined));
}

/**
 * Go's `cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string`
 * names the JSON path without indices or map keys: find the first scalar of that JSON type below it.
 */
export function locateTypeMismatch(d: ManifestDoc, jsonPath: string[], jsonType: string): Range | undefined {
  const matches = (n: unknown): boolean => {
    if (!isScalar(n)) return false;
    const v = n.value;
    if (jsonType === 'bool') return typeof v === 'boolean';
    if (jsonType === 'number') return typeof v === 'number';
    if (jsonType === 'string') return typeof v === 'string';
    if (jsonType === 'object') return false;
    return false;
  };
  const found: Node[] = [];
  const walk = (n: unknown, rest: string[]): void => {
    if (found.length) return;
    if (isSeq(n)) {
      for (const it of n.items) walk(it, rest);
      return;
    }
    if (rest.length === 0) {
      if (matches(n)) found.push(n as Node);
      else if (isMap(n)) {
        for (const p of n.items) if (isPair(p) && matches(p.value)) found.push(p.value as Node);
      }
      if (!found.length && (isMap(n) || isScalar(n))) found.push(n as Node);
      return;
    }
    const pair = pairFor(n, rest[0]!);
    if (pair) walk(pair.value, rest.slice(1));
  };
  walk(d.doc.contents, jsonPath);
  return found[0] ? rangeOf(d, found[0]) : undefined;
}

/** The range of the value of a top-level key (`kind`, `apiVersion`), or the document start. */
export function locateTopKey(d: ManifestDoc, key: string): Range {
  const pair = pairFor(d.doc.contents, key);
  if (pair?.value) return rangeOf(d, pair.value as Node);
  return locateStart(d);
}

export function locateStart(d: ManifestDoc): Range {
  const c = d.doc.contents as Node | null;
  if (isMap(c) && c.items[0]) return rangeOf(d, c.items[0].key as Node);
  return rangeOf(d, c);
}
