/**
 * Small pure formatters the UI shares (no engine or kubectl imports).
 * humanDuration mirrors k8s.io/apimachinery pkg/util/duration/duration.go: HumanDuration.
 */

/** kubectl's AGE / LAST SEEN text for an elapsed duration in ms. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(seconds / 3600);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 192) {
    const h = hours % 24;
    return h === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const y = Math.floor(hours / 24 / 365);
    const d = Math.floor(hours / 24) % 365;
    return d === 0 ? `${y}y` : `${y}y${d}d`;
  }
  return `${Math.floor(hours / 24 / 365)}y`;
}

/** The header's virtual clock: `00:42`, `12:05`, `1:02:03`. */
export function clockText(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** kubectl get events' OBJECT column: `<lowercase kind>/<name>`. */
export function eventObject(ev: { involvedObject?: { kind?: string; name?: string } }): string {
  const o = ev.involvedObject ?? {};
  return `${(o.kind ?? '').toLowerCase()}/${o.name ?? ''}`;
}

/** Last time an event was seen (virtual wall-clock Unix ms), as kubectl sorts and ages them. */
export function eventLastSeenMs(ev: Record<string, unknown>): number {
  const series = ev.series as { lastObservedTime?: string } | undefined;
  const t = (ev.lastTimestamp as string | undefined) ?? series?.lastObservedTime ?? (ev.eventTime as string | undefined)
    ?? (ev.firstTimestamp as string | undefined) ?? ((ev.metadata as { creationTimestamp?: string })?.creationTimestamp);
  return t ? Date.parse(t) : 0;
}
