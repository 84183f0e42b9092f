/** The narration sentence of a span, in the current language (falling back to its English `summary`). */
import type { i18n as I18n } from 'i18next';
import type { Span } from '../../protocol/types.ts';

const PLACEHOLDER = /{{\s*([\w.]+)\s*(?:,[^}]*)?}}/g;

/** The raw template for `narration.<kind>` in the active language or English; undefined if none. */
function template(i18n: I18n, kind: string): string | undefined {
  const key = `narration.${kind}`;
  for (const lng of [i18n.resolvedLanguage ?? i18n.language, 'en']) {
    const raw: unknown = i18n.getResource(lng, 'pipeline', key);
    if (typeof raw === 'string') return raw;
  }
  return undefined;
}

/**
 * An object reference as a sentence says it: `Pod/default/web` → `pod default/web`,
 * `Node/worker-1` → `node worker-1` (kind as kubectl's resource word, then namespace/name).
 */
export function objectWords(ref: string): string {
  const m = /^([A-Z][A-Za-z]*)\/(.+)$/.exec(ref);
  return m ? `${m[1]!.toLowerCase()} ${m[2]}` : ref;
}

/** `Kind/ns/name` references inside a whole sentence (the engine's English summaries). */
const REF_IN_TEXT = /\b([A-Z][A-Za-z]*)\/([a-z0-9][a-z0-9.-]*(?:\/[a-z0-9][a-z0-9.-]*)?)/g;

/** objectWords for every reference in `text`; a sentence's final period stays outside the name. */
export function sentenceWords(text: string): string {
  return text.replace(REF_IN_TEXT, (_all, kind: string, rest: string) => {
    const dot = rest.endsWith('.') ? '.' : '';
    return `${kind.toLowerCase()} ${dot ? rest.slice(0, -1) : rest}${dot}`;
  });
}

/**
 * `t('pipeline:narration.<kind>', {...args, defaultValue: summary})`, never HTML-escaped. When
 * the template needs an argument the span did not carry, the English summary is better than a
 * sentence with a hole in it.
 */
export function narrate(i18n: I18n, span: Span): string {
  const raw = template(i18n, span.kind);
  if (raw === undefined) return sentenceWords(span.summary);
  for (const m of raw.matchAll(PLACEHOLDER)) {
    const name = m[1]!;
    if (name !== 'count' && span.args[name] === undefined) return sentenceWords(span.summary);
  }
  const args = typeof span.args.object === 'string' ? { ...span.args, object: objectWords(span.args.object) } : span.args;
  return i18n.t(`pipeline:narration.${span.kind}`, {
    ...args,
    defaultValue: span.summary,
    interpolation: { escapeValue: false },
  });
}
