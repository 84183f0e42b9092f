/**
 * A tiny stand-in for the engine core, for this folder's and the scheduler's unit tests: a
 * virtual clock, an in-memory object store behind a REST-ish `request`, informers with a 1 ms
 * delivery latency, an event log and a span log. Not the real API server (see src/engine/testing).
 */
import type { ComponentContext, Informer, InformerHandlers, Rng, TimerHandle } from '../component.ts';
import type { RestResponse } from '../apiserver/types.ts';
import type { Span, StageId } from '../trace/span.ts';
import type { KubeObject } from '../types.ts';

interface Timer { at: number; seq: number; fn: () => void; cancelled: boolean }

export interface RecordedEvent { object: string; type: string; reason: string; message: string; component: string; at: number; fieldPath?: string }

export class FakeCluster {
  t = 0;
  private seq = 0;
  private timers: Timer[] = [];
  readonly objects = new Map<string, KubeObject>();
  readonly events: RecordedEvent[] = [];
  readonly spans: Span[] = [];
  readonly requests: { verb: string; path: string; body?: unknown; stage: StageId }[] = [];
  private informers: { kind: 'pods' | 'nodes'; node?: string; handlers: InformerHandlers<KubeObject>[]; cache: Map<string, KubeObject> }[] = [];
  private rv = 1;
  private randState = 42;

  after(ms: number, fn: () => void): TimerHandle {
    const t: Timer = { at: this.t + ms, seq: this.seq++, fn, cancelled: false };
    this.timers.push(t);
    return { cancel: () => (t.cancelled = true) };
  }

  runFor(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      this.timers = this.timers.filter((x) => !x.cancelled);
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers[0];
      if (!next || next.at > end) break;
      this.timers.shift();
      this.t = next.at;
      next.fn();
    }
    this.t = end;
  }

  rng(): Rng {
    const next = () => {
      this.randState = (Math.imul(this.randState, 1103515245) + 12345) >>> 0;
      return this.randState / 2 ** 32;
    };
    const r: Rng = { next, int: (n) => Math.floor(next() * n), suffix: (n) => 'x'.repeat(n), fork: () => r };
    return r;
  }

  ctx(stage: StageId, node?: string): ComponentContext {
    const clock = {
      now: () => this.t,
      nowMs: () => Date.UTC(2026, 0, 1) + this.t,
      timestamp: () => new Date(Date.UTC(2026, 0, 1) + this.t).toISOString().replace(/\.\d+Z$/, 'Z'),
      after: (ms: number, fn: () => void) => this.after(ms, fn),
    };
    return {
      clock,
      rand: this.rng(),
      stage,
      node,
      request: (req) => {
        this.requests.push({ verb: req.verb, path: req.path, body: req.body, stage });
        const s = this.trace({ from: stage, to: 'apiserver', verb: `${req.verb} ${req.path}`, kind: 'api', args: {}, summary: '', duration: 0, node, payload: req.body, causeId: req.causeId });
        const r = this.handle(req.verb, req.path, req.body, req.query);
        return { ...r, spanId: s.id };
      },
      informer: <T extends KubeObject>(path: string, query?: Record<string, string>): Informer<T> => {
        const kind = path.endsWith('/nodes') ? 'nodes' : 'pods';
        const node = query?.fieldSelector?.startsWith('spec.nodeName=') ? query.fieldSelector.slice(14) : undefined;
        const inf = { kind, node, handlers: [] as InformerHandlers<KubeObject>[], cache: new Map<string, KubeObject>() } as const;
        for (const [k, o] of this.objects) if (this.matches(inf, k, o)) inf.cache.set(this.key(o), o);
        this.informers.push(inf);
        return {
          get: (key) => inf.cache.get(key) as T | undefined,
          list: () => [...inf.cache.values()] as T[],
          addEventHandler: (h) => inf.handlers.push(h as InformerHandlers<KubeObject>),
        };
      },
      recorder: (source) => ({
        event: (object, type, reason, message, opts) => {
          this.events.push({ object: `${object.kind}/${object.metadata.name}`, type, reason, message, component: source.component, at: this.t, fieldPath: opts?.fieldPath });
        },
      }),
      trace: (span) => this.trace({ ...span, node: span.node ?? node }),
    };
  }

  trace(span: Omit<Span, 'id' | 'at'> & { at?: number }): Span {
    const s = { ...span, id: this.spans.length + 1, at: span.at ?? this.t } as Span;
    this.spans.push(s);
    return s;
  }

  private key(o: KubeObject): string {
    return o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name;
  }
  private matches(inf: { kind: string; node?: string }, storeKey: string, o: KubeObject): boolean {
    if (!storeKey.startsWith(inf.kind + ':')) return false;
    return inf.node === undefined || (o.spec as { nodeName?: string } | undefined)?.nodeName === inf.node;
  }

  private notify(storeKey: string, oldObj: KubeObject | undefined, obj: KubeObject | undefined): void {
    for (const inf of this.informers) {
      const was = oldObj !== undefined && this.matches(inf, storeKey, oldObj);
      const is = obj !== undefined && this.matches(inf, storeKey, obj);
      if (!was && !is) continue;
      this.after(1, () => {
        if (is && obj) {
          const k = this.key(obj);
          const prev = inf.cache.get(k);
          inf.cache.set(k, obj);
          for (const h of inf.handlers) {
            if (prev) h.update?.(prev, obj, { type: 'MODIFIED', object: obj });
            else h.add?.(obj, { type: 'ADDED', object: obj });
          }
        } else if (oldObj) {
          inf.cache.delete(this.key(oldObj));
          for (const h of inf.handlers) h.delete?.(oldObj, { type: 'DELETED', object: oldObj });
        }
      });
    }
  }

  put(storeKey: string, obj: KubeObject): void {
    const old = this.objects.get(storeKey);
    obj.metadata.resourceVersion = String(++this.rv);
    this.objects.set(storeKey, obj);
    this.notify(storeKey, old, obj);
  }

  createPod(pod: Record<string, unknown> & { metadata: { name: string; namespace?: string } }): void {
    const p = structuredClone(pod) as unknown as KubeObject;
    p.apiVersion = 'v1';
    p.kind = 'Pod';
    p.metadata.namespace ??= 'default';
    p.metadata.uid ??= `uid-${p.metadata.name}`;
    p.metadata.creationTimestamp = '2026-01-01T00:00:00Z';
    const spec = (p.spec ??= {}) as Record<string, unknown>;
    spec.schedulerName ??= 'default-scheduler';
    spec.terminationGracePeriodSeconds ??= 30;
    spec.restartPolicy ??= 'Always';
    for (const c of spec.containers as Record<string, unknown>[]) c.imagePullPolicy ??= String(c.image).endsWith(':latest') || !String(c.image).includes(':') ? 'Always' : 'IfNotPresent';
    p.status = { phase: 'Pending', qosClass: 'BestEffort' };
    this.put(`pods:${p.metadata.namespace}/${p.metadata.name}`, p);
  }

  /** Stores a ConfigMap or Secret (the kubelet GETs them; no informer sees them). */
  putConfig(kind: 'configmaps' | 'secrets', name: string, body: Record<string, unknown>, ns = 'default'): void {
    this.put(`${kind}:${ns}/${name}`, { apiVersion: 'v1', kind: kind === 'configmaps' ? 'ConfigMap' : 'Secret', metadata: { name, namespace: ns }, ...body } as KubeObject);
  }

  pod(name: string, ns = 'default'): KubeObject | undefined {
    return this.objects.get(`pods:${ns}/${name}`);
  }
  node(name: string): KubeObject | undefined {
    return this.objects.get(`nodes:${name}`);
  }

  handle(verb: string, path: string, body: unknown, query?: Record<string, string>): RestResponse {
    const notFound = { code: 404, body: { kind: 'Status', message: 'not found' } };
    if (verb === 'POST' && path === '/api/v1/nodes') {
      const n = structuredClone(body) as KubeObject;
      if (this.node(n.metadata.name)) return { code: 409, body: { message: 'exists' } };
      this.put(`nodes:${n.metadata.name}`, n);
      return { code: 201, body: n };
    }
    let m = /^\/api\/v1\/nodes\/([^/]+)\/status$/.exec(path);
    if (m) {
      const n = this.node(m[1]!);
      if (!n) return notFound;
      const next = structuredClone(n);
      next.status = { ...(n.status as object), ...((body as { status: object }).status) };
      this.put(`nodes:${m[1]}`, next);
      return { code: 200, body: next };
    }
    m = /^\/api\/v1\/namespaces\/([^/]+)\/(configmaps|secrets)\/([^/]+)$/.exec(path);
    if (m) {
      const o = this.objects.get(`${m[2]}:${m[1]}/${m[3]}`);
      return verb === 'GET' && o ? { code: 200, body: o } : notFound;
    }
    m = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)(\/binding|\/status)?$/.exec(path);
    if (!m) return notFound;
    const key = `pods:${m[1]}/${m[2]}`;
    const pod = this.objects.get(key);
    if (!pod) return notFound;
    const next = structuredClone(pod) as KubeObject & { spec: Record<string, unknown>; status: Record<string, unknown> };
    if (m[3] === '/binding') {
      if (next.spec.nodeName) return { code: 409, body: { message: `pod ${m[2]} is already assigned to node "${String(next.spec.nodeName)}"` } };
      next.spec.nodeName = (body as { target: { name: string } }).target.name;
      const conds = ((next.status.conditions as { type: string }[] | undefined) ?? []).filter((c) => c.type !== 'PodScheduled');
      next.status.conditions = [...conds, { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: this.ctx('apiserver').clock.timestamp() }];
      this.put(key, next);
      return { code: 201, body: { kind: 'Status', status: 'Success', code: 201 } };
    }
    if (m[3] === '/status') {
      if (verb === 'PUT') next.status = (body as { status: Record<string, unknown> }).status;
      else next.status = { ...next.status, ...(body as { status: Record<string, unknown> }).status };
      this.put(key, next);
      return { code: 200, body: next };
    }
    if (verb === 'DELETE') {
      const grace = query?.gracePeriodSeconds !== undefined ? Number(query.gracePeriodSeconds) : Number(next.spec.terminationGracePeriodSeconds ?? 30);
      if (grace === 0 || !next.spec.nodeName) {
        this.objects.delete(key);
        this.notify(key, pod, undefined);
        return { code: 200, body: pod };
      }
      if (!next.metadata.deletionTimestamp) {
        next.metadata.deletionTimestamp = this.ctx('apiserver').clock.timestamp();
        next.metadata.deletionGracePeriodSeconds = grace;
        this.put(key, next);
      }
      return { code: 200, body: next };
    }
    if (verb === 'GET') return { code: 200, body: pod };
    return notFound;
  }

  /** Registers a Node object directly (for scheduler-only tests). */
  addNode(name: string, opts: { cpu?: string; memory?: string; pods?: number; taints?: { key: string; value?: string; effect: string }[]; unschedulable?: boolean } = {}): void {
    this.handle('POST', '/api/v1/nodes', {
      apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name } },
      spec: { taints: opts.taints, unschedulable: opts.unschedulable },
      status: { allocatable: { cpu: opts.cpu ?? '2', memory: opts.memory ?? '4Gi', pods: String(opts.pods ?? 110) } },
    }, undefined);
  }
}
