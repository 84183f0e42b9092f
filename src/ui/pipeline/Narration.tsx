/**
 * The narration line under the diagram: what the latest hop did, in one sentence. Clicking it
 * selects that hop for the inspector. Announced politely, except in busy mode, when hundreds of
 * hops a second would drown a screen reader.
 */
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index.ts';
import { narrate } from './narrate.ts';

/** Latest-hop sentence. */
export function Narration() {
  const { t, i18n } = useTranslation('pipeline');
  const span = useStore((s) => s.narration);
  const busy = useStore((s) => s.busy);
  const selected = useStore((s) => s.selection?.kind === 'span' && span !== undefined && s.selection.key === String(span.id));

  return (
    <div className="narration" aria-live={busy ? 'off' : 'polite'} data-testid="narration">
      {span ? (
        <button
          type="button"
          className={`narration-button${selected ? ' is-selected' : ''}`}
          aria-pressed={selected}
          title={t('narrationUi.selectHint')}
          onClick={() => useStore.getState().select({ kind: 'span', key: String(span.id) })}
        >
          <span className="narration-arrow" aria-hidden="true">▸</span>
          <span className="narration-text">{narrate(i18n, span)}</span>
          {/* The hop in full, beside the sentence: route on one line, the verb (a REST path) under it. */}
          <span className="narration-hop">
            <span className="narration-route">{t('narrationUi.route', { from: t(`stage.${span.from}.label`), to: t(`stage.${span.to}.label`) })}</span>
            <span className="narration-verb">{span.verb}</span>
          </span>
        </button>
      ) : (
        <p className="narration-idle">{t('narrationUi.idle')}</p>
      )}
    </div>
  );
}
