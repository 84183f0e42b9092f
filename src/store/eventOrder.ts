/**
 * The order the Events list shows: the order things happened. kubectl's `events` sorts by last
 * seen; timestamps have whole-second resolution, so events of the same second (Pulled, Created,
 * Started) fall back to the order the API server stored them (resourceVersion, a counter here
 * as in etcd), then to creation.
 */
import { eventLastSeenMs } from '../protocol/format.ts';
import type { KubeObject } from '../protocol/types.ts';

interface EventKey {
  lastSeen: number;
  first: number;
  rv: number;
  created: number;
  name: string;
}

const cache = new WeakMap<KubeObject, EventKey>();

const parse = (t: unknown) => (typeof t === 'string' ? Date.parse(t) : NaN);
const orInf = (n: number) => (Number.isFinite(n) ? n : Number.POSITIVE_INFINITY);

/** Sort key of an event object, computed once per object version. */
function keyOf(ev: KubeObject): EventKey {
  let k = cache.get(ev);
  if (!k) {
    const e = ev as KubeObject & { firstTimestamp?: string; eventTime?: string };
    const lastSeen = eventLastSeenMs(ev as unknown as Record<string, unknown>);
    k = {
      lastSeen,
      first: orInf(parse(e.firstTimestamp ?? e.eventTime)),
      rv: orInf(Number(ev.metadata.resourceVersion)),
      created: orInf(parse(ev.metadata.creationTimestamp)),
      name: `${ev.metadata.namespace ?? ''}/${ev.metadata.name}`,
    };
    cache.set(ev, k);
  }
  return k;
}

/** Comparator for events, oldest first: lastTimestamp, firstTimestamp, resourceVersion, creation. */
export function compareEvents(a: KubeObject, b: KubeObject): number {
  const x = keyOf(a);
  const y = keyOf(b);
  return (
    x.lastSeen - y.lastSeen ||
    cmp(x.first, y.first) ||
    cmp(x.rv, y.rv) ||
    cmp(x.created, y.created) ||
    (x.name < y.name ? -1 : x.name > y.name ? 1 : 0)
  );
}

function cmp(a: number, b: number): number {
  return a === b ? 0 : a < b ? -1 : 1;
}
