/**
 * client-go's EventRecorder for core/v1 Events (tools/record/event.go, events_cache.go): the event
 * is named `<object>.<hex of UnixNano>`, lands in the object's namespace (`default` for
 * cluster-scoped objects), and a repeat of the same source/object/type/reason/message bumps
 * `count` and `lastTimestamp` instead of creating a new Event. Writes are quiet (no spans).
 * EventAggregator: once 10 different messages share one object/type/reason within 10 minutes,
 * further ones go into a single `(combined from similar events): …` Event whose count grows.
 * Not modelled: the spam filter (a token bucket of 25 events per object, one more per 5 minutes).
 */
import type { EventRecorder, EventSource } from '../component.ts';
import type { KubeObject } from '../types.ts';
import type { RestRequest, RestResponse } from '../apiserver/types.ts';

export interface RecorderDeps {
  /** Quiet REST requests as the recording component. */
  request(req: Omit<RestRequest, 'from' | 'node'> & { quiet?: boolean }): RestResponse;
  nowMs(): number;
  timestamp(): string;
  /** A cluster-wide sequence so two events in the same virtual millisecond get distinct names. */
  nextSeq(): number;
}

interface Cached {
  namespace: string;
  name: string;
  count: number;
  firstTimestamp: string;
}

/** `tools/record/util.GenerateEventName`. Nanoseconds = virtual ms × 1e6 + a sequence. */
export function eventName(objName: string, unixNano: bigint): string {
  // join builds one flat string; a template literal keeps a rope of its pieces alive in the
  // stored Event and in the recorder's cache (400,000 of each at 100,000 pods).
  return [objName, unixNano.toString(16)].join('.');
}

/** events_cache.go maxLruCacheEntries. */
const MAX_CACHE = 4096;
/** events_cache.go defaultAggregateMaxEvents / defaultAggregateIntervalInSeconds. */
const AGGREGATE_MAX_EVENTS = 10;
const AGGREGATE_INTERVAL_MS = 600_000;

/**
 * EventAggregator's record: the distinct messages seen for one object, type and reason, and when
 * last. There is one per object and reason (100,000 pods make 400,000), so it is kept small: the
 * records of one object hang off one map entry keyed by its uid (a string the object already
 * holds), and messages are 32-bit FNV-1a hashes, a single number until a second one arrives.
 */
interface AggregateRecord {
  type: string;
  reason: string;
  hashes: number | number[];
  lastMs: number;
  next?: AggregateRecord;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function createRecorder(deps: RecorderDeps, source: EventSource): EventRecorder {
  // LRU by insertion order: a hit is re-inserted, the oldest entry goes past MAX_CACHE.
  const cache = new Map<string, Cached>();
  // Keyed by object; evicted oldest-created first past MAX_CACHE objects (upstream: the least
  // recently used of 4,096 object × reason keys). It shows only with thousands of objects at once.
  const aggregates = new Map<string, AggregateRecord>();

  /**
   * EventAggregate: the cache key and message to record. The aggregate key is the object, type
   * and reason, without the message (and fieldPath, as EventAggregatorByReasonFunc); the 10th
   * distinct message within the interval switches to the combined event, keyed by the aggregate.
   */
  const aggregate = (objKey: string, type: string, reason: string, message: string, eventKey: string): { key: string; message: string } => {
    const now = deps.nowMs();
    const h = fnv1a(message);
    const head = aggregates.get(objKey);
    let rec = head;
    while (rec && (rec.reason !== reason || rec.type !== type)) rec = rec.next;
    if (!rec) {
      aggregates.set(objKey, { type, reason, hashes: h, lastMs: now, next: head });
      if (aggregates.size > MAX_CACHE) aggregates.delete(aggregates.keys().next().value!);
      return { key: eventKey, message };
    }
    const expired = now - rec.lastMs > AGGREGATE_INTERVAL_MS;
    rec.lastMs = now;
    if (expired || rec.hashes === h) {
      if (expired) rec.hashes = h;
      return { key: eventKey, message };
    }
    if (typeof rec.hashes === 'number') rec.hashes = [rec.hashes, h];
    else if (!rec.hashes.includes(h)) rec.hashes.push(h);
    if (rec.hashes.length < AGGREGATE_MAX_EVENTS) return { key: eventKey, message };
    // PopAny keeps the set below the threshold; Go picks an arbitrary element, we the oldest.
    rec.hashes.shift();
    return { key: `agg\u0000${objKey}\u0000${type}\u0000${reason}`, message: `(combined from similar events): ${message}` };
  };
  // Every Event this recorder writes carries the same source; stored objects are frozen, so they
  // can all share one object.
  const eventSource = source.host ? { component: source.component, host: source.host } : { component: source.component };
  return {
    event(object: KubeObject, type, reason, rawMessage, opts) {
      const meta = object.metadata;
      const namespace = meta.namespace || 'default';
      const fieldPath = opts?.fieldPath;
      // The source is part of upstream's keys too, but it is constant within one recorder's cache.
      // The uid names the object on its own; kind/namespace/name matter only for objects without one.
      const objKey = meta.uid || `${object.kind}\u0000${namespace}\u0000${meta.name}`;
      // The cache holds this key as long as the entry lives: join makes it one flat string, where
      // a template literal would keep a rope of eight pieces (~250 bytes more per event).
      const eventKey = [objKey, type, reason, fieldPath ?? '', rawMessage].join('\u0000');
      const { key, message } = aggregate(objKey, type, reason, rawMessage, eventKey);
      const now = deps.timestamp();
      const hit = cache.get(key);
      if (hit) {
        cache.delete(key);
        cache.set(key, hit);
        hit.count++;
        const res = deps.request({
          verb: 'PATCH',
          path: `/api/v1/namespaces/${hit.namespace}/events/${hit.name}`,
          // eventObserve's two-way patch: an aggregate event also takes the newest message.
          body: message !== rawMessage ? { count: hit.count, lastTimestamp: now, message } : { count: hit.count, lastTimestamp: now },
          patchType: 'application/strategic-merge-patch+json',
          quiet: true,
        });
        if (res.code < 300) return;
        cache.delete(key);
      }
      const nano = BigInt(Math.floor(deps.nowMs())) * 1_000_000n + BigInt(deps.nextSeq() % 1_000_000);
      const name = eventName(meta.name, nano);
      // Fields added only when set (omitempty), in ObjectReference's order: `delete` would turn
      // every stored Event's reference into a slow dictionary-mode object.
      const involvedObject: Record<string, unknown> = {};
      if (object.kind !== undefined) involvedObject.kind = object.kind;
      if (meta.namespace !== undefined) involvedObject.namespace = meta.namespace;
      if (meta.name !== undefined) involvedObject.name = meta.name;
      if (meta.uid !== undefined) involvedObject.uid = meta.uid;
      if (object.apiVersion !== undefined) involvedObject.apiVersion = object.apiVersion;
      if (meta.resourceVersion !== undefined) involvedObject.resourceVersion = meta.resourceVersion;
      if (fieldPath !== undefined) involvedObject.fieldPath = fieldPath;
      const body = {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace },
        involvedObject,
        reason,
        message,
        source: eventSource,
        firstTimestamp: now,
        lastTimestamp: now,
        count: 1,
        type,
        eventTime: null,
        reportingComponent: source.component,
        reportingInstance: source.host ?? '',
      };
      const res = deps.request({ verb: 'POST', path: `/api/v1/namespaces/${namespace}/events`, body, quiet: true });
      if (res.code < 300) {
        cache.set(key, { namespace, name, count: 1, firstTimestamp: now });
        if (cache.size > MAX_CACHE) cache.delete(cache.keys().next().value!);
      }
    },
  };
}
