import { describe, expect, it } from 'vitest';
import { parseManifest } from './manifest.ts';
import { locatePath } from './locate.ts';

describe('YAML → JSON as sigs.k8s.io/yaml (go-yaml v2, YAML 1.1)', () => {
  it('resolves YAML 1.1 plain scalars like go-yaml v2', () => {
    const { docs, error } = parseManifest('a: yes\nb: on\nc: n\nd: 0777\ne: 2001-12-14\nf: 12:30\ng: ~\nh: 1.0\ni: "yes"\nj: 0x1F\nk: 1_000\n');
    expect(error).toBeUndefined();
    expect(docs[0]!.json).toEqual({ a: true, b: true, c: false, d: 511, e: '2001-12-14', f: '12:30', g: null, h: 1, i: 'yes', j: 31, k: 1000 });
  });

  it('splits documents on --- lines, skips empty ones, keeps file line numbers', () => {
    const text = '---\n# c\n---\na: 1\n--- # comment\n\nb: [\n';
    const { docs, error } = parseManifest(text);
    expect(docs.map((d) => d.json)).toEqual([null, { a: 1 }]);
    // go-yaml counts lines from the start of the document, the diagnostic from the start of the file
    expect(error?.message).toBe("error converting YAML to JSON: yaml: line 3: did not find expected ',' or ']'");
    expect(error?.line).toBe(8);
  });

  it('maps common syntax errors to go-yaml wording', () => {
    expect(parseManifest('a: b: c\n').error?.message).toBe('error converting YAML to JSON: yaml: line 1: mapping values are not allowed in this context');
    expect(parseManifest('a:\n\tb: 1\n').error?.message).toBe('error converting YAML to JSON: yaml: line 2: found character that cannot start any token');
    expect(parseManifest('key\nother: 1\n').error?.message).toBe("error converting YAML to JSON: yaml: line 1: could not find expected ':'");
    expect(parseManifest('a: *nope\n').error?.message).toBe("error converting YAML to JSON: yaml: unknown anchor 'nope' referenced");
  });

  it('rejects text after a --- separator like YAMLReader', () => {
    expect(parseManifest('a: 1\n--- b: 2\n').error).toMatchObject({ message: 'invalid Yaml document separator: b: 2', line: 2 });
  });

  it('lets the later duplicate key win, as go-yaml v2 does', () => {
    expect(parseManifest('a: 1\na: 2\n').docs[0]!.json).toEqual({ a: 2 });
  });

  it('locates field paths: the value if present, the parent mapping if missing, the key for unknown fields', () => {
    const { docs } = parseManifest('x: 1\n---\nspec:\n  containers:\n  - name: c\n    image: nginx\n  - name: d\n');
    const d = docs[1]!;
    expect(locatePath(d, ['spec', 'containers', 0, 'image'])).toEqual({ line: 6, column: 12, endLine: 6, endColumn: 17 });
    expect(locatePath(d, ['spec', 'containers', 1, 'image'])).toMatchObject({ line: 7, column: 5 });
    expect(locatePath(d, ['spec', 'containers', 0, 'image'], true)).toEqual({ line: 6, column: 5, endLine: 6, endColumn: 10 });
  });

  it('parses a 2 MB paste of many documents (linear: no duplicate-key scan)', () => {
    let text = '';
    let i = 0;
    while (text.length < 2_000_000) text += `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i++}\ndata:\n  key: "${'x'.repeat(300)}"\n`;
    const { docs, error } = parseManifest(text);
    expect(error).toBeUndefined();
    expect(docs).toHaveLength(i);
  }, 60_000);
});
