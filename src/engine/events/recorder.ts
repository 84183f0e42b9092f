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
  return `${objName}.${unixNano.toString(16)}`;
}

/** events_cache.go maxLruCacheEntries. */
const MAX_CACHE = 4096;
/** events_cache.go defaultAggregateMaxEvents / defaultAggregateIntervalInSeconds. */
const AGGREGATE_MAX_EVENTS = 10;
const AGGREGATE_INTERVAL_MS = 600_000;

/** EventAggregator's record: the distinct messages seen for one aggregate key, and when last. */
interface AggregateRecord {
  /** At most AGGREGATE_MAX_EVENTS entries: a small array beats a Set here (one per object and reason). */
  messages: string[];
  lastMs: number;
}

export function createRecorder(deps: RecorderDeps, source: EventSource): EventRecorder {
  // LRU by insertion order: a hit is re-inserted, the oldest entry goes past MAX_CACHE.
  const cache = new Map<string, Cached>();
  // Evicted oldest-created first past MAX_CACHE (upstream: least recently used); the difference
  // shows only with more than 4,096 objects × reasons active within 10 minutes.
  const aggregates = new Map<string, AggregateRecord>();

  /**
   * EventAggregate: the cache key and message to record. The aggregate key leaves out the
   * message (and fieldPath, as EventAggregatorByReasonFunc does); the 10th distinct message
   * within the interval switches to the combined event, keyed by the aggregate key.
   */
  const aggregate = (aggKey: string, message: string, eventKey: string): { key: string; message: string } => {
    const now = deps.nowMs();
    let rec = aggregates.get(aggKey);
    if (!rec || now - rec.lastMs > AGGREGATE_INTERVAL_MS) {
      rec = { messages: [], lastMs: now };
      aggregates.set(aggKey, rec);
      if (aggregates.size > MAX_CACHE) aggregates.delete(aggregates.keys().next().value!);
    }
    if (!rec.messages.includes(message)) rec.messages.push(message);
    rec.lastMs = now;
    if (rec.messages.length < AGGREGATE_MAX_EVENTS) return { key: eventKey, message };
    // PopAny keeps the set below the threshold; Go picks an arbitrary element, we the oldest.
    rec.messages.shift();
    return { key: `agg\u0000${aggKey}`, message: `(combined from similar events): ${message}` };
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
      const aggKey = `${object.kind}\u0000${namespace}\u0000${meta.name}\u0000${meta.uid ?? ''}\u0000${type}\u0000${reason}`;
      const { key, message } = aggregate(aggKey, rawMessage, `${aggKey}\u0000${fieldPath ?? ''}\u0000${rawMessage}`);
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
          body: key === `agg\u0000${aggKey}` ? { count: hit.count, lastTimestamp: now, message } : { count: hit.count, lastTimestamp: now },
          patchType: 'application/strategic-merge-patch+json',
          quiet: true,
        });
        if (res.code < 300) return;
        cache.delete(key);
      }
      const nano = BigInt(Math.floor(deps.nowMs())) * 1_000_000n + BigInt(deps.nextSeq() % 1_000_000);
      const name = eventName(meta.name, nano);
      const involvedObject: Record<string, unknown> = {
        kind: object.kind,
        namespace: meta.namespace,
        name: meta.name,
        uid: meta.uid,
        apiVersion: object.apiVersion,
        resourceVersion: meta.resourceVersion,
        fieldPath,
      };
      for (const k of Object.keys(involvedObject)) if (involvedObject[k] === undefined) delete involvedObject[k];
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
