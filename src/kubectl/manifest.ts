/**
 * Reading manifests as kubectl does: k8s.io/apimachinery/pkg/util/yaml YAMLReader splits the
 * stream on `---` lines, each chunk goes through sigs.k8s.io/yaml YAMLToJSON (go-yaml v2, YAML 1.1
 * scalars), and cli-runtime's StreamVisitor stops the file at the first parse error.
 * Each document keeps its YAML AST so API errors can be located in the file (locate.ts).
 */
import { parseDocument, LineCounter, isScalar } from 'yaml';
import type { Document, Tags } from 'yaml';

/** One `---`-separated chunk that parsed into a JSON value. */
export interface ManifestDoc {
  /** The JSON value YAMLToJSON gives (null for empty chunks). */
  json: unknown;
  doc: Document.Parsed;
  lc: LineCounter;
  /** 0-based line where the chunk starts in the file. */
  lineOffset: number;
}

export interface ManifestParse {
  docs: ManifestDoc[];
  /** The parse error that stopped the stream, in go-yaml's wording, and where it is. */
  error?: { message: string; line: number; column: number; endLine: number; endColumn: number };
}

/** go-yaml v2 keeps timestamps as strings and has no sexagesimal numbers; drop those 1.1 tags. */
function goYamlTags(tags: Tags): Tags {
  return tags.filter((t) =>
    typeof t === 'string'
      ? !['timestamp', 'intTime', 'floatTime'].includes(t)
      : t.tag !== 'tag:yaml.org,2002:timestamp' && (t as { format?: string }).format !== 'TIME',
  );
}

/** The closest go-yaml (libyaml) message for a `yaml` package error code. */
function goYamlMessage(code: string, message: string): string {
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'mapping values are not allowed in this context';
    case 'MULTILINE_IMPLICIT_KEY':
      return "could not find expected ':'";
    case 'TAB_AS_INDENT':
    case 'BAD_SCALAR_START':
      return 'found character that cannot start any token';
    case 'BAD_INDENT':
      if (message.includes('Flow sequence')) return "did not find expected ',' or ']'";
      if (message.includes('Flow map')) return "did not find expected ',' or '}'";
      return 'did not find expected key';
    case 'MISSING_CHAR':
      if (message.includes('quote')) return 'found unexpected end of stream';
      if (message.includes(']')) return "did not find expected ',' or ']'";
      if (message.includes('}')) return "did not find expected ',' or '}'";
      return 'did not find expected key';
    case 'UNEXPECTED_TOKEN':
      return 'did not find expected key';
    case 'DUPLICATE_KEY':
      return 'mapping key already defined';
    default:
      return message.charAt(0).toLowerCase() + message.slice(1);
  }
}

/** YAMLReader: split on lines starting with `---` followed only by spaces or a comment. */
function splitChunks(text: string): { chunks: { text: string; line: number }[]; error?: string; errorLine?: number } {
  const chunks: { text: string; line: number }[] = [];
  let start = 0;
  let line = 0;
  let chunkLine = 0;
  let buf = '';
  while (start < text.length) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = text.length;
    const l = text.slice(start, nl + 1);
    if (l.startsWith('---')) {
      const rest = l.slice(3).trim();
      if (rest.length > 0 && rest[0] !== '#') return { chunks, error: `invalid Yaml document separator: ${rest}`, errorLine: line + 1 };
      if (buf.length > 0) chunks.push({ text: buf, line: chunkLine });
      buf = '';
      chunkLine = line + 1;
    } else {
      buf += l;
    }
    start = nl + 1;
    line++;
  }
  if (buf.length > 0) chunks.push({ text: buf, line: chunkLine });
  return { chunks };
}

/** Parses a manifest file into documents, stopping at the first syntax error as kubectl does. */
export function parseManifest(text: string): ManifestParse {
  const { chunks, error: splitError, errorLine } = splitChunks(text.replace(/\r\n/g, '\n'));
  const docs: ManifestDoc[] = [];
  for (const chunk of chunks) {
    const lc = new LineCounter();
    const doc = parseDocument(chunk.text, {
      version: '1.1',
      uniqueKeys: false,
      lineCounter: lc,
      prettyErrors: false,
      customTags: goYamlTags,
      keepSourceTokens: false,
    });
    const err = doc.errors[0];
    if (err) {
      const a = lc.linePos(err.pos[0]);
      const b = lc.linePos(Math.max(err.pos[1], err.pos[0] + 1));
      return {
        docs,
        error: {
          message: `error converting YAML to JSON: yaml: line ${a.line}: ${goYamlMessage(err.code, err.message)}`,
          line: a.line + chunk.line,
          column: a.col,
          endLine: b.line + chunk.line,
          endColumn: b.col,
        },
      };
    }
    let json: unknown;
    try {
      json = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      const alias = /Unresolved alias[^:]*: (.*)$/.exec(msg);
      const message = alias ? `yaml: unknown anchor '${alias[1]}' referenced` : `yaml: ${msg}`;
      return { docs, error: { message: `error converting YAML to JSON: ${message}`, line: chunk.line + 1, column: 1, endLine: chunk.line + 1, endColumn: 2 } };
    }
    docs.push({ json: json ?? null, doc, lc, lineOffset: chunk.line });
  }
  if (splitError) {
    return { docs, error: { message: splitError, line: errorLine ?? 1, column: 1, endLine: errorLine ?? 1, endColumn: 4 } };
  }
  return { docs };
}

/** Duplicate keys go-yaml v2 silently merges (last wins): worth an editor warning. */
export function duplicateKeyWarnings(d: ManifestDoc): { key: string; offset: [number, number] }[] {
  const out: { key: string; offset: [number, number] }[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const items = (node as { items?: unknown[] }).items;
    if (!Array.isArray(items)) return;
    const seen = new Set<string>();
    for (const it of items) {
      const pair = it as { key?: unknown; value?: unknown };
      if (pair && typeof pair === 'object' && 'key' in pair) {
        if (isScalar(pair.key)) {
          const k = String(pair.key.value);
          if (seen.has(k) && pair.key.range) out.push({ key: k, offset: [pair.key.range[0], pair.key.range[1]] });
          seen.add(k);
        }
        visit(pair.value);
      } else visit(it);
    }
  };
  visit(d.doc.contents);
  return out;
}
