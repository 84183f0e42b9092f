/** Event table rows. Mirrors pkg/printers/internalversion/printers.go: printEvent, formatEventSource. */
import type { Event } from 'kubernetes-types/core/v1';
import { ageSince } from '../duration.ts';

export const EVENT_COLUMNS = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
export const EVENT_WIDE_COLUMNS = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME'];

export function eventSource(e: Event): string {
  const component = e.source?.component || e.reportingComponent || '';
  const instance = e.source?.host || e.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

/** When the event (first) happened: firstTimestamp, else eventTime, else creationTimestamp. */
export function eventFirstTime(e: Event): string | undefined {
  return e.firstTimestamp || e.eventTime || e.metadata?.creationTimestamp;
}

export function eventRow(e: Event, nowMs: number, wide: boolean): string[] {
  const first = ageSince(eventFirstTime(e), nowMs);
  let last = e.lastTimestamp ? ageSince(e.lastTimestamp, nowMs) : first;
  let count = e.count ?? 0;
  if (e.series) {
    last = ageSince(e.series.lastObservedTime, nowMs);
    count = e.series.count ?? 0;
  } else if (count === 0) count = 1;
  const io = e.involvedObject;
  const target = io.name ? `${(io.kind ?? '').toLowerCase()}/${io.name}` : (io.kind ?? '').toLowerCase();
  const message = (e.message ?? '').trim();
  if (wide) {
    return [last, e.type ?? '', e.reason ?? '', target, io.fieldPath ?? '', eventSource(e), message, first, String(count), e.metadata?.name ?? ''];
  }
  return [last, e.type ?? '', e.reason ?? '', target, message];
}

/** Order in which the events happened (first time, then resourceVersion as the store's write order). */
export function sortEventsByTime(events: Event[]): Event[] {
  return [...events].sort((a, b) => {
    const ta = Date.parse(eventFirstTime(a) ?? '') || 0;
    const tb = Date.parse(eventFirstTime(b) ?? '') || 0;
    if (ta !== tb) return ta - tb;
    return Number(a.metadata?.resourceVersion ?? 0) - Number(b.metadata?.resourceVersion ?? 0);
  });
}
