/**
 * `kubectl get events` as a live table: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE (newest last,
 * as `kubectl events` sorts them). Reasons and messages stay in English, as upstream prints them.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { eventLastSeenMs, eventObject, humanDuration } from '../../protocol/format.ts';
import type { KubeObject } from '../../protocol/types.ts';
import { useStore } from '../../store/index.ts';

/** Rows rendered at most (the newest); the store keeps more for the inspector. */
const MAX_ROWS = 200;

export function EventsTable() {
  const { t } = useTranslation('timeline');
  const events = useStore((s) => s.events);
  // Whole seconds are enough for LAST SEEN; re-render once a second, not every frame.
  const nowSec = useStore((s) => Math.floor((s.playback.epochMs + s.playback.now) / 1000));
  const shown = events.length > MAX_ROWS ? events.slice(-MAX_ROWS) : events;
  // The scroller is a column-reverse flexbox: it starts at the bottom and stays there as rows
  // arrive (unless the user scrolled up), with no scrollHeight reads forcing layout per update.
  return (
    <div className="events-scroll" tabIndex={0} aria-label={t('title')}>
      <div>
      {shown.length === 0 ? (
        <p className="empty">{t('none')}</p>
      ) : (
        <table className="events-table">
          <thead>
            <tr>
              <th scope="col">LAST SEEN</th>
              <th scope="col">TYPE</th>
              <th scope="col">REASON</th>
              <th scope="col">OBJECT</th>
              <th scope="col">MESSAGE</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((ev) => <EventRow key={`${ev.metadata.namespace}/${ev.metadata.name}`} ev={ev} lastSeen={humanDuration(nowSec * 1000 - eventLastSeenMs(ev))} />)}
          </tbody>
        </table>
      )}
      </div>
    </div>
  );
}

/** One event; `lastSeen` is passed as text so a tick of the clock redraws only rows whose age text changed. */
const EventRow = memo(function EventRow({ ev, lastSeen }: { ev: KubeObject; lastSeen: string }) {
  const e = ev as KubeObject & { type?: string; reason?: string; message?: string; count?: number };
  const warning = e.type === 'Warning';
  return (
    <tr data-testid="event" className={warning ? 'event-warning' : undefined}>
      <td className="mono">{lastSeen}</td>
      <td>{warning ? <strong>⚠ {e.type}</strong> : e.type}</td>
      <td className="mono">{e.reason}</td>
      <td className="mono">{eventObject(e as never)}</td>
      {/* At most two lines, so the REASON of a long warning stays in view in a short dock. */}
      <td><div className="event-message" title={e.message}>{e.message}</div></td>
    </tr>
  );
});
