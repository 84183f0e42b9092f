/** The narration sentence of a span, in the current language (English falls back to `summary`). */
import type { TFunction } from 'i18next';
import type { Span } from '../../protocol/types.ts';

/** `t('pipeline:narration.<kind>', {...args, defaultValue: summary})`, never HTML-escaped. */
export function narrate(t: TFunction, span: Span): string {
  return t(`pipeline:narration.${span.kind}`, {
    ...span.args,
    defaultValue: span.summary,
    interpolation: { escapeValue: false },
  }) as string;
}
