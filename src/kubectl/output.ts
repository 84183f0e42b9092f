/**
 * `-o json|yaml|name` printers. Mirrors cli-runtime/pkg/printers: JSONPrinter (MarshalIndent
 * with 4 spaces; unstructured objects are maps, so keys come out sorted), YAMLPrinter
 * (sigs.k8s.io/yaml: sorted keys, sequences not indented under their key), NamePrinter.
 */
import { stringify } from 'yaml';
import type { ResourceInfo } from './resources.ts';
import { qualifiedKind } from './resources.ts';

type Obj = Record<string, unknown>;

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (typeof v === 'object' && v !== null) {
    const o = v as Obj;
    const out: Obj = {};
    for (const k of Object.keys(o).sort()) out[k] = sortKeys(o[k]);
    return out;
  }
  return v;
}

/** Go's json.MarshalIndent(v, "", "    ") + "\n", with Go's HTML escaping. */
export function printJson(v: unknown): string {
  return JSON.stringify(sortKeys(v), null, 4).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';
}

/** YAML as kubectl prints it (go-yaml v2 style: block style, sorted keys, `- ` at the key's indent). */
export function printYaml(v: unknown): string {
  return stringify(sortKeys(v), { version: '1.1', indentSeq: false, lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false });
}

/** Adds apiVersion/kind to list items (the server omits them) and wraps them in a v1 List. */
export function asList(items: Obj[], res: ResourceInfo): Obj {
  const apiVersion = res.group ? `${res.group}/${res.version}` : res.version;
  return {
    apiVersion: 'v1',
    items: items.map((o) => ({ apiVersion, kind: res.kind, ...o })),
    kind: 'List',
    metadata: { resourceVersion: '' },
  };
}

export function printName(res: ResourceInfo, name: string): string {
  return `${qualifiedKind(res)}/${name}\n`;
}
