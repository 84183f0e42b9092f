/** A hop of the pipeline: from → to, verb, object, time, cause, and the payload as JSON text. */
import { useTranslation } from 'react-i18next';
import { clockText } from '../../protocol/format.ts';
import { explanationOfSpan, useStore } from '../../store/index.ts';
import { narrate } from '../pipeline/narrate.ts';
import { Field } from './Field.tsx';

/** Pretty JSON, bounded so a huge payload cannot freeze the page. */
function pretty(value: unknown): string {
  try {
    const text = JSON.stringify(value, null, 2) ?? String(value);
    return text.length > 20_000 ? `${text.slice(0, 20_000)}\n…` : text;
  } catch {
    return String(value);
  }
}

/** `onExplain(podKey)`: open that pod's Scheduling tab (a kube-scheduler hop carries its attempt). */
export function SpanDetails({ spanId, onExplain }: { spanId: number; onExplain?: (podKey: string) => void }) {
  const { t, i18n } = useTranslation('inspector');
  const span = useStore((s) => s.spans.find((x) => x.id === spanId));
  const cause = useStore((s) => (span?.causeId !== undefined ? s.spans.find((x) => x.id === span.causeId) : undefined));
  const select = useStore((s) => s.select);
  if (!span) return <p className="empty">{t('spanGone')}</p>;
  const narration = narrate(i18n, span);
  const explained = explanationOfSpan(span);
  return (
    <div className="details">
      <h3 className="details-title">{narration}</h3>
      <dl className="fields">
        <Field label={t('span.hop')}>
          <span className="mono">{span.from} → {span.to}{span.node ? ` (${span.node})` : ''}</span>
        </Field>
        <Field label={t('span.verb')}><span className="mono">{span.verb}</span></Field>
        <Field label={t('span.object')}><span className="mono">{span.object ?? '—'}</span></Field>
        <Field label={t('span.time')}><span className="mono">t={clockText(span.at)}{span.duration ? ` (+${span.duration} ms)` : ''}</span></Field>
        <Field label={t('span.cause')}>
          {cause ? (
            <button type="button" className="link-button" onClick={() => select({ kind: 'span', key: String(cause.id) })}>
              #{cause.id} {cause.from} → {cause.to}
            </button>
          ) : span.causeId !== undefined ? `#${span.causeId}` : t('span.noCause')}
        </Field>
      </dl>
      {explained && onExplain && (
        <p>
          <button type="button" className="link-button" onClick={() => onExplain(`pods/${explained.pod}`)}>
            {t('span.whyNode', { pod: explained.pod })}
          </button>
        </p>
      )}
      {span.payload !== undefined && (
        <>
          <h4>{t('span.payload')}</h4>
          <pre className="payload">{pretty(span.payload)}</pre>
        </>
      )}
    </div>
  );
}
