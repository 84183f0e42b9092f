/**
 * The narration line under the diagram: what the latest hop did, in one sentence. Clicking it
 * selects that hop for the inspector. Announced politely, except in busy mode, when hundreds of
 * hops a second would drown a screen reader.
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index.ts';
import { narrate } from './narrate.ts';
import { storySpan, type StoryState } from './storyNarration.ts';

/** Latest-hop sentence. */
export function Narration() {
  const { t, i18n } = useTranslation('pipeline');
  const latest = useStore((s) => s.narration);
  const spans = useStore((s) => s.spans);
  const busy = useStore((s) => s.busy);
  // In busy mode a failure story's steps stay readable (see storyNarration.ts).
  const story = useRef<StoryState>({ heldAt: 0, seen: 0 });
  const span = storySpan(story.current, spans, latest, busy, performance.now());
  const selectedKey = useStore((s) => (s.selection?.kind === 'span' ? s.selection.key : undefined));
  const selected = span !== undefined && selectedKey === String(span.id);

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
            {/* A decision inside one stage (from = to, e.g. schedulingFailed) names that stage once. */}
            <span className="narration-route">{span.from === span.to ? t(`stage.${span.from}.label`) : t('narrationUi.route', { from: t(`stage.${span.from}.label`), to: t(`stage.${span.to}.label`) })}</span>
            <span className="narration-verb">{span.verb}</span>
          </span>
        </button>
      ) : (
        <p className="narration-idle">{t('narrationUi.idle')}</p>
      )}
    </div>
  );
}
