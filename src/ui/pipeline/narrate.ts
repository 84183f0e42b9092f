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
 * `t('pipeline:narration.<kind>', {...args, defaultValue: summary})`, never HTML-escaped. When
 * the template needs an argument the span did not carry, the English summary is better than a
 * sentence with a hole in it.
 */
export function narrate(i18n: I18n, span: Span): string {
  const raw = template(i18n, span.kind);
  if (raw === undefined) return span.summary;
  for (const m of raw.matchAll(PLACEHOLDER)) {
    const name = m[1]!;
    if (name !== 'count' && span.args[name] === undefined) return span.summary;
  }
  return i18n.t(`pipeline:narration.${span.kind}`, {
    ...span.args,
    defaultValue: span.summary,
    interpolation: { escapeValue: false },
  });
}
