/**
 * Traffic generators (`sim traffic`): a client outside the cluster sending evenly spaced HTTP
 * requests to a Service (`service/NAME`, kube-proxy on its first port) or to a URL (ingress-nginx
 * for an Ingress host or its address, kube-proxy for a ClusterIP, NodePort or LoadBalancer IP,
 * cluster DNS for a Service name). Like `hey`/`ab` against a kind cluster: no upstream file.
 * Every request is counted; a few per second are drawn as spans (client → ingress → service →
 * runtime) so the pipeline shows the path without drowning in dots.
 */
import type { ComponentContext, TimerHandle } from '../component.ts';
import type { Store } from '../apiserver/store.ts';
import type { KubeletHandle } from '../node/kubelet.ts';
import type { KubeProxy } from './proxy.ts';
import type { IngressController } from './ingressController.ts';
import type { SimResult, TrafficOptions, TrafficRow, TrafficStatus } from '../types.ts';
import { connectService, parseURL, sendHTTP, type HttpURL, type RequestResult } from './connect.ts';
import { drawRequest } from './trafficSpans.ts';

export interface TrafficDeps {
  /** Stage `client`: its clock, rng and tracer. */
  ctx: ComponentContext;
  /** Read-only view of the API server's objects (Services, EndpointSlices, Ingresses, Pods): what kube-proxy and the ingress controller have synced. */
  store: Store;
  /** kube-proxy: Service → backend pod. */
  proxy: KubeProxy;
  /** ingress-nginx: host + path → Service. */
  ingress: IngressController;
  /** The kubelet of a node (the pod's IP answers through it). */
  kubelet(node: string): KubeletHandle | undefined;
}

export const MAX_RPS = 1000;
/** Spans drawn per virtual second per generator (every k-th request), and failed ones on top. */
export const DRAWN_PER_SECOND = 5;
export const FAILED_DRAWN_PER_SECOND = 5;
/** Stopped generators stay in status() this long (virtual ms). */
export const KEEP_STOPPED_MS = 60_000;
const SERIES_LEN = 120;

/** A parsed target. */
export type TrafficTarget = { kind: 'service'; namespace: string; name: string } | { kind: 'http'; url: HttpURL; namespace: string };

/** Parses `service/NAME` (or `svc/NAME`) or `http://HOST[:PORT]/PATH`; a string is the error. */
export function parseTarget(target: string, namespace: string): TrafficTarget | string {
  const svc = /^(?:service|services|svc)\/(.*)$/.exec(target);
  if (svc) {
    const name = svc[1]!;
    if (!/^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(name) || name.length > 63) return `error: invalid Service name ${JSON.stringify(name)} in target ${JSON.stringify(target)}`;
    return { kind: 'service', namespace, name };
  }
  if (/^https?:\/\//.test(target)) {
    const url = parseURL(target);
    if (!url) return `error: invalid URL ${JSON.stringify(target)}: expected http://HOST[:PORT]/PATH`;
    return { kind: 'http', url, namespace };
  }
  return `error: invalid target ${JSON.stringify(target)}: expected service/NAME or http://HOST[:PORT]/PATH`;
}

interface Generator {
  id: number;
  target: string;
  parsed: TrafficTarget;
  rps: number;
  clientIP: string;
  startedAt: number;
  /** `--for`: no request at or after startedAt + forMs. */
  forMs?: number;
  stoppedAt?: number;
  sent: number;
  timer?: TimerHandle;
  rows: TrafficRow[];
  rowIndex: Map<string, TrafficRow>;
  noEndpoint: number;
  failed: number;
  series: { at: number; requests: number; failed: number }[];
  /** Failed requests drawn in the current second (capped). */
  failedDrawn: { at: number; n: number };
}

export class TrafficGenerators {
  private readonly gens = new Map<number, Generator>();
  private nextId = 1;

  constructor(private readonly deps: TrafficDeps) {}

  /** Starts a generator on the virtual clock; the first request goes out at once. */
  start(target: string, opts: TrafficOptions): SimResult & { id?: number } {
    const rps = opts.rps;
    if (!Number.isFinite(rps) || rps <= 0) return { ok: false, message: `error: --rps must be greater than 0, got ${rps}` };
    if (rps > MAX_RPS) return { ok: false, message: `error: --rps must be at most ${MAX_RPS}, got ${rps}` };
    const parsed = parseTarget(target.trim(), opts.namespace ?? 'default');
    if (typeof parsed === 'string') return { ok: false, message: parsed };
    // A Service target is looked up once, as kubectl resolves TYPE/NAME: a typo is an error, not
    // a table of failures. (It may lose its endpoints or be deleted while traffic runs.)
    if (parsed.kind === 'service' && !this.deps.store.get('services', parsed.namespace, parsed.name)) {
      return { ok: false, message: `Error from server (NotFound): services "${parsed.name}" not found` };
    }
    const id = this.nextId++;
    const g: Generator = {
      id, target, parsed, rps, clientIP: `203.0.113.${(10 + id) % 256}`, startedAt: this.deps.ctx.clock.now(), sent: 0,
      ...(opts.forMs !== undefined && opts.forMs > 0 ? { forMs: opts.forMs } : {}),
      rows: [], rowIndex: new Map(), noEndpoint: 0, failed: 0, series: [], failedDrawn: { at: -1, n: 0 },
    };
    this.gens.set(id, g);
    this.tick(g);
    return { ok: true, message: `traffic generator ${id} started: ${target} at ${rps} requests/s`, id };
  }

  /** Stops generator `id`; its final table is `status`. */
  stop(id: number): SimResult & { status?: TrafficStatus } {
    const g = this.gens.get(id);
    if (!g) return { ok: false, message: `error: no such traffic generator: ${id}` };
    if (g.stoppedAt === undefined) {
      g.timer?.cancel();
      g.timer = undefined;
      g.stoppedAt = this.deps.ctx.clock.now();
    }
    return { ok: true, message: `traffic generator ${id} stopped`, status: this.snapshot(g) };
  }

  /** Running generators and those stopped in the last minute. */
  status(): TrafficStatus[] {
    const now = this.deps.ctx.clock.now();
    const out: TrafficStatus[] = [];
    for (const [id, g] of this.gens) {
      if (g.stoppedAt !== undefined && now - g.stoppedAt > KEEP_STOPPED_MS) {
        this.gens.delete(id);
        continue;
      }
      out.push(this.snapshot(g));
    }
    return out;
  }

  private snapshot(g: Generator): TrafficStatus {
    return {
      id: g.id, target: g.target, rps: g.rps, startedAt: g.startedAt, ...(g.stoppedAt !== undefined ? { stoppedAt: g.stoppedAt } : {}),
      rows: g.rows.map((r) => ({ ...r })), noEndpoint: g.noEndpoint, total: { requests: g.sent, failed: g.failed },
      series: g.series.map((s) => ({ ...s })),
    };
  }

  /**
   * Sends request number `g.sent` and schedules the next at startedAt + n·1000/rps (whole ms).
   * A background timer: requests change nothing in the API, so they never keep the cluster busy
   * (`runUntilIdle`), and a generator nobody stopped cannot make it spin for a virtual day.
   */
  private tick(g: Generator): void {
    g.timer = undefined;
    if (g.stoppedAt !== undefined) return;
    this.send(g);
    const clock = this.deps.ctx.clock;
    const next = g.startedAt + Math.round((g.sent * 1000) / g.rps);
    // Exactly rps × for requests, however late the caller wakes up to stop the generator.
    if (g.forMs !== undefined && next >= g.startedAt + g.forMs) return;
    g.timer = clock.after(Math.max(0, next - clock.now()), () => this.tick(g), { background: true });
  }

  private send(g: Generator): void {
    const n = g.sent++;
    const t = g.parsed;
    const r: RequestResult = t.kind === 'service'
      ? connectService(this.deps, t.namespace, t.name, g.clientIP)
      : sendHTTP(this.deps, t.url, t.namespace, g.clientIP, false);
    const ok = r.outcome === 'ok';
    const now = this.deps.ctx.clock.now();
    if (!ok) g.failed++;
    if (r.backend) {
      const home = t.namespace;
      const key = r.backend.namespace === home ? r.backend.pod : `${r.backend.namespace}/${r.backend.pod}`;
      let row = g.rowIndex.get(key);
      if (!row) {
        row = { backend: key, requests: 0, failed: 0 };
        g.rowIndex.set(key, row);
        g.rows.push(row);
      }
      row.requests++;
      if (!ok) row.failed++;
    } else g.noEndpoint++;
    const sec = Math.floor(now / 1000) * 1000;
    let last = g.series.at(-1);
    if (!last || last.at !== sec) {
      last = { at: sec, requests: 0, failed: 0 };
      g.series.push(last);
      if (g.series.length > SERIES_LEN) g.series.shift();
    }
    last.requests++;
    if (!ok) last.failed++;
    // Deterministic sampling: every k-th request, plus failures up to a cap per second.
    const every = Math.max(1, Math.ceil(g.rps / DRAWN_PER_SECOND));
    let draw = n % every === 0;
    if (!ok && !draw) {
      if (g.failedDrawn.at !== sec) g.failedDrawn = { at: sec, n: 0 };
      if (g.failedDrawn.n < FAILED_DRAWN_PER_SECOND) {
        g.failedDrawn.n++;
        draw = true;
      }
    }
    if (draw) drawRequest(this.deps.ctx, { id: g.id, n, target: g.target, http: t.kind === 'http' }, r);
  }
}
