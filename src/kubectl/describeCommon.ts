/**
 * Shared pieces of `kubectl describe`. Mirrors k8s.io/kubectl/pkg/describe/describe.go:
 * PrefixWriter, printLabelsMultiline, printTolerationsMultiline, DescribeEvents (v1.34: no
 * fieldPath prefix on event messages), laid out by a tabwriter with minwidth 0 and padding 2.
 */
import type { Event, Toleration } from 'kubernetes-types/core/v1';
import type { Ctx } from './context.ts';
import { send } from './context.ts';
import { ageSince } from './duration.ts';
import { tabformat } from './tabwriter.ts';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z in UTC: `Mon, 02 Jan 2006 15:04:05 +0000`. */
export function rfc1123z(ts: string | undefined): string {
  const d = new Date(ts ?? 0);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** PrefixWriter: lines with 2-space levels, tab-separated cells. */
export class PrefixWriter {
  buf = '';
  write(level: number, s: string): void {
    this.buf += '  '.repeat(level) + s;
  }
  toString(): string {
    return tabformat(this.buf, 0, 2);
  }
}

export function multiline(w: PrefixWriter, title: string, entries: [string, string][], sep: string): void {
  w.write(0, `${title}:\t`);
  if (entries.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  entries.forEach(([k, v], i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${k}${sep}${v}\n`);
  });
}

export function tolerations(w: PrefixWriter, title: string, ts: Toleration[]): void {
  w.write(0, `${title}:\t`);
  if (ts.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  ts.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
    w.write(0, s + '\n');
  });
}

/** DescribeEvents: sorted by lastTimestamp, `Age` with `(xN over …)` for repeats. */
export function describeEvents(w: PrefixWriter, events: Event[], nowMs: number): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  const last = (e: Event) => Date.parse(e.lastTimestamp ?? e.series?.lastObservedTime ?? e.eventTime ?? e.firstTimestamp ?? '') || 0;
  const sorted = events.map((e, i) => [e, i] as const).sort((a, b) => last(a[0]) - last(b[0]) || a[1] - b[1]);
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const [e] of sorted) {
    const first = e.eventTime ? ageSince(e.eventTime, nowMs) : ageSince(e.firstTimestamp, nowMs);
    let interval = first;
    if (e.series) interval = `${ageSince(e.series.lastObservedTime, nowMs)} (x${e.series.count} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${ageSince(e.lastTimestamp, nowMs)} (x${e.count} over ${first})`;
    const from = e.source?.component || e.reportingComponent || '';
    w.write(1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${from}\t${(e.message ?? '').trim()}\n`);
  }
}

/** The object's events (searchEvents: a field-selected LIST). */
export function eventsFor(ctx: Ctx, kind: string, name: string, namespace: string | undefined, uid: string | undefined): Event[] {
  const fs = [`involvedObject.kind=${kind}`, `involvedObject.name=${name}`];
  if (namespace) fs.push(`involvedObject.namespace=${namespace}`);
  if (uid) fs.push(`involvedObject.uid=${uid}`);
  const path = namespace ? `/api/v1/namespaces/${namespace}/events` : '/api/v1/events';
  const r = send(ctx, { verb: 'GET', path, query: { fieldSelector: fs.join(',') } });
  if (r.code !== 200) return [];
  const items = ((r.body as { items?: Event[] }).items ?? []) as Event[];
  return items.filter((e) => e.involvedObject.name === name && e.involvedObject.kind === kind && (!uid || !e.involvedObject.uid || e.involvedObject.uid === uid));
}

