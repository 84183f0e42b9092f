/**
 * A shared informer (client-go tools/cache): LIST, then WATCH from the list's revision, into a
 * cache plus Add/Update/Delete handlers. Events reach the component on the virtual clock 1–5 ms
 * after the write (in order), so the trace shows write → watch → reaction as separate hops.
 * Cached objects are the store's frozen objects: copy before modifying (as client-go says).
 */
import type { Informer, InformerHandlers, Rng } from '../component.ts';
import type { KubeObject } from '../types.ts';
import type { StageId } from '../trace/span.ts';
import type { Tracer } from '../trace/tracer.ts';
import type { Clock } from '../clock/clock.ts';
import type { WatchEvent, WatchEventType } from './types.ts';
import { ApiError } from './errors.ts';
import { parsePath } from './resources.ts';
import { keyOf, storedKeyOf } from './store.ts';
import { objectRef, type ApiServer } from './server.ts';

export interface InformerDeps {
  server: ApiServer;
  clock: Clock;
  rng: Rng;
  tracer: Tracer;
  stage: StageId;
  node?: string;
  /** True while the cluster boots: events are delivered at once (caches sync before t=0 ends). */
  booting?: () => boolean;
}

/**
 * Which deliveries are hops worth drawing. A real informer receives every change (the scheduler
 * sees each kubelet status write); the trace keeps only the ones the component acts on, so the
 * diagram tells the story instead of echoing every write.
 */
export type TraceFilter<T> = (type: WatchEventType, obj: T, old: T | undefined) => boolean;

/** An informer several components share; each handler may bring its own trace filter. */
export interface SharedInformer<T extends KubeObject = KubeObject> extends Informer<T> {
  addEventHandler(h: InformerHandlers<T>, traced?: TraceFilter<T>): void;
}

const VERB_WORD: Record<WatchEventType, string> = { ADDED: 'added', MODIFIED: 'modified', DELETED: 'deleted' };
const TYPE_WORD: Record<WatchEventType, string> = { ADDED: 'Added', MODIFIED: 'Modified', DELETED: 'Deleted' };

/** Create and start an informer over a collection path. Throws on a path the server does not serve. */
export function createInformer<T extends KubeObject>(
  deps: InformerDeps,
  path: string,
  query?: Record<string, string>,
  traced: TraceFilter<T> = () => true,
): SharedInformer<T> {
  const { server, clock, rng, tracer, stage, node } = deps;
  const p = parsePath(path);
  if (!p || p.name) throw new Error(`informer: not a collection path: ${path}`);
  const cache = new Map<string, T>();
  // Each handler carries its owner's trace filter: one informer serves several controllers of
  // kube-controller-manager (SharedInformerFactory), and each says which deliveries it acts on.
  const handlers: { h: InformerHandlers<T>; traced: TraceFilter<T> }[] = [];
  // One watch stream: a FIFO with this informer's network latency (1–5 ms), drained by a single
  // pending timer, so events stay ordered and cost one heap entry per burst.
  const latency = 1 + rng.int(5);
  const queue: { at: number; type: WatchEventType; obj: T; causeId: number }[] = [];
  let head = 0;
  let armed = false;

  const deliver = (type: WatchEventType, obj: T, causeId: number) => {
    const key = keyOf(obj.metadata.namespace, obj.metadata.name);
    const old = cache.get(key);
    if (type === 'DELETED') cache.delete(key);
    else if (old) cache.set(key, obj);
    else cache.set(storedKeyOf(obj.metadata.namespace, obj.metadata.name), obj);
    // Filters are asked before any handler runs (a handler may change what another's filter
    // reads); the hop is recorded once, and only the handlers that asked for it get its span id
    // as the cause of what they do. Bit i is handler i (a handful of handlers per informer).
    let wants = 0;
    if (causeId) {
      let last: TraceFilter<T> | undefined;
      let yes = false;
      for (let i = 0; i < handlers.length; i++) {
        const f = handlers[i]!.traced;
        if (f !== last) yes = f(type, obj, old); // handlers of one owner share its filter: ask once
        last = f;
        if (yes) wants |= 1 << i;
      }
    }
    // An informer read only through its cache still shows the hop, as its owner asked.
    if (causeId && handlers.length === 0 && traced(type, obj, old)) {
      if (tracer.observed) recordWatch(type, obj, causeId);
      else tracer.reserve();
      return;
    }
    const plain: WatchEvent<T> = { type, object: obj };
    const hop: WatchEvent<T> = wants ? { type, object: obj, spanId: tracer.observed ? recordWatch(type, obj, causeId) : tracer.reserve() } : plain;
    for (let i = 0; i < handlers.length; i++) {
      const h = handlers[i]!.h;
      const ev = wants & (1 << i) ? hop : plain;
      if (type === 'ADDED' || (type === 'MODIFIED' && !old)) h.add?.(obj, ev);
      else if (type === 'MODIFIED') h.update?.(old!, obj, ev);
      else h.delete?.(obj, ev);
    }
  };

  const recordWatch = (type: WatchEventType, obj: T, causeId: number): number => {
    const ref = objectRef(p.info, obj.metadata.namespace, obj.metadata.name)!;
    return tracer.record({
      from: 'apiserver',
      to: stage,
      node,
      verb: type,
      object: ref,
      kind: spanKind + TYPE_WORD[type],
      args: { to: stage, object: ref, type },
      summary: `${told}${ref} was ${VERB_WORD[type]}.`,
      causeId,
      duration: 0,
      payload: { type, resourceVersion: obj.metadata.resourceVersion },
    }).id;
  };

  const told = `The API server told the ${stage}${node ? ` on ${node}` : ''} that `;
  const spanKind = `watch${p.info.kind}`;
  const drain = () => {
    armed = false;
    const now = clock.now();
    while (head < queue.length && queue[head].at <= now) {
      const e = queue[head++];
      deliver(e.type, e.obj, e.causeId);
    }
    if (head === queue.length) {
      queue.length = 0;
      head = 0;
    } else arm();
  };
  const arm = () => {
    if (armed) return;
    armed = true;
    clock.after(queue[head].at - clock.now(), drain);
  };
  const enqueue = (type: WatchEventType, obj: T, causeId: number) => {
    queue.push({ at: clock.now() + (deps.booting?.() ? 0 : latency), type, obj, causeId });
    arm();
  };

  if (!tracer.muted) {
    tracer.record({
      from: stage,
      to: 'apiserver',
      node,
      verb: `GET ${path}`,
      kind: 'apiList',
      args: { from: stage, verb: 'GET', path },
      summary: `The ${stage} listed ${p.info.resource} to start its informer.`,
      duration: 0,
    });
  }
  let items: KubeObject[];
  try {
    items = server.listObjects(p, query);
  } catch (e) {
    throw new Error(`informer ${path}: ${e instanceof ApiError ? e.message : String(e)}`, { cause: e });
  }
  for (const o of items) enqueue('ADDED', o as T, 0);
  server.watch(path, query, (type, obj, causeId) => enqueue(type, obj as T, causeId));

  return {
    get: (key) => cache.get(key),
    list: () => [...cache.values()],
    addEventHandler(h, handlerTraced = traced) {
      if (handlers.length >= 31) throw new Error(`informer ${path}: too many handlers`);
      handlers.push({ h, traced: handlerTraced });
      // client-go replays the cache as adds to a handler added after the informer started.
      for (const o of cache.values()) h.add?.(o, { type: 'ADDED', object: o });
    },
  };
}
