/**
 * The ingress controller of the default cluster: ingress-nginx (IngressClass `nginx`, controller
 * `k8s.io/ingress-nginx`). Mirrors ingress-nginx internal/ingress/controller/store (informer
 * handlers recording `Sync` "Scheduled for sync" as `nginx-ingress-controller`),
 * controller.go syncIngress (rate-limited by --sync-rate-limit 0.3/s; rebuilds the configuration
 * and reloads nginx when it changed) and internal/ingress/status (the status leader publishes the
 * controller's address in `status.loadBalancer.ingress` of every Ingress of its class on a 60 s
 * poll, `updateInterval`, through UpdateStatus). Requests are routed over the configuration nginx
 * is running (the last reload), with ingressRouting.ts.
 */
import type { ComponentContext, Informer } from '../component.ts';
import { deepEqual } from '../api/equal.ts';
import type { KubeObject } from '../types.ts';
import type { WatchEvent } from '../apiserver/types.ts';
import { buildServers, describeServers, isNginxIngress, routeRequest, sortIngresses, type Server } from './ingressRouting.ts';

/** Where an HTTP request for `host` + `path` goes: an Ingress rule's (or default) backend, or nowhere (nginx's 404). */
export type IngressRoute =
  | { ok: true; ingress: string; namespace: string; service: string; port: number | string; rule: 'rule' | 'defaultBackend' }
  | { ok: false; reason: 'no-rule' };

export interface IngressController {
  /** The address ingress-nginx publishes in each Ingress's status (`status.loadBalancer.ingress[0].ip`). */
  readonly address: string;
  route(host: string, path: string): IngressRoute;
}

/** The LoadBalancer IP of the ingress-nginx controller Service (plan: fixed decisions). */
export const INGRESS_NGINX_ADDRESS = '172.18.255.200';
/** internal/ingress/status: updateInterval. */
export const STATUS_UPDATE_INTERVAL_MS = 60_000;
/** --sync-rate-limit default: at most 0.3 syncs a second. */
export const SYNC_RATE_LIMIT_QPS = 0.3;
const SOURCE = { component: 'nginx-ingress-controller' };
const USER_AGENT = 'nginx-ingress-controller/v1.13.0';

/** Starts ingress-nginx (its store informers, the sync loop and the status syncer). */
export function startIngressController(ctx: ComponentContext): IngressController {
  const ingresses: Informer = ctx.informer('/apis/networking.k8s.io/v1/ingresses');
  const classes: Informer = ctx.informer('/apis/networking.k8s.io/v1/ingressclasses');
  const recorder = ctx.recorder(SOURCE);
  const mine = (ing: KubeObject) => isNginxIngress(ing, classes.list());

  /** The configuration nginx runs (changes only on a reload). */
  let running: Map<string, Server> = buildServers([]);
  let runningLines: string[] = [];
  let runningSig = JSON.stringify([...running.values()]);
  let syncPending = false;
  let lastSync = -Infinity;
  let pendingCause: number | undefined;

  /** syncQueue with the token-bucket rate limiter: one sync per 1/QPS seconds, burst 1. */
  function enqueueSync(causeId?: number): void {
    pendingCause ??= causeId;
    if (syncPending) return;
    syncPending = true;
    const now = ctx.clock.now();
    const at = Math.max(now, lastSync + 1000 / SYNC_RATE_LIMIT_QPS);
    ctx.clock.after(at - now, () => {
      syncPending = false;
      lastSync = ctx.clock.now();
      const cause = pendingCause;
      pendingCause = undefined;
      syncIngress(cause);
    });
  }

  /** syncIngress: rebuild the servers; reload nginx only when the configuration changed. */
  function syncIngress(causeId?: number): void {
    const servers = buildServers(sortIngresses(ingresses.list().filter(mine)));
    const sig = JSON.stringify([...servers.values()]);
    if (sig === runningSig) return; // "No configuration change detected, skipping backend reload"
    running = servers;
    runningSig = sig;
    const lines = describeServers(servers);
    const added = lines.filter((l) => !runningLines.includes(l));
    const removed = runningLines.filter((l) => !lines.includes(l));
    runningLines = lines;
    const routes = lines.join('; ');
    ctx.trace({
      from: 'ingress', to: 'ingress', verb: 'reload', kind: lines.length ? 'ingressSync' : 'ingressSyncEmpty', duration: 0, causeId,
      args: { routes, count: lines.length, added: added.length, removed: removed.length },
      summary: lines.length
        ? `ingress-nginx rebuilt its nginx.conf: ${routes}.`
        : 'ingress-nginx rebuilt its nginx.conf with no routes: every request gets its default backend (404).',
    });
  }

  const scheduled = (ing: KubeObject, ev: WatchEvent | undefined) => {
    recorder.event(ing, 'Normal', 'Sync', 'Scheduled for sync');
    enqueueSync(ev?.spanId);
  };

  ingresses.addEventHandler({
    add: (ing, ev) => {
      if (mine(ing)) scheduled(ing, ev);
    },
    update: (old, cur, ev) => {
      const validOld = mine(old);
      const validCur = mine(cur);
      if (!validOld && validCur) scheduled(cur, ev);
      else if (validOld && !validCur) enqueueSync();
      // Any change, status included, is "Scheduled for sync" (hence `(x2 over …)` after the status update).
      else if (validCur && !deepEqual(old, cur)) scheduled(cur, ev);
    },
    delete: (ing) => {
      if (mine(ing)) enqueueSync();
    },
  });
  classes.addEventHandler({ add: () => enqueueSync(), update: () => enqueueSync(), delete: () => enqueueSync() });

  /** statusSync.sync → updateStatus: publish the address on every Ingress of the class that lacks it. */
  function syncStatus(): void {
    const want = [{ ip: INGRESS_NGINX_ADDRESS }];
    for (const ing of ingresses.list()) {
      if (!mine(ing) || ing.metadata.deletionTimestamp) continue;
      const cur = ((ing.status as Record<string, unknown> | undefined)?.loadBalancer as { ingress?: unknown } | undefined)?.ingress;
      if (deepEqual(cur ?? [], want)) continue; // "skipping update of Ingress (no change)"
      const ns = ing.metadata.namespace ?? 'default';
      const body = JSON.parse(JSON.stringify(ing)) as KubeObject;
      body.status = { ...(body.status ?? {}), loadBalancer: { ingress: want } };
      // A conflict is retried on the next poll, as upstream does.
      ctx.request({ verb: 'PUT', path: `/apis/networking.k8s.io/v1/namespaces/${ns}/ingresses/${ing.metadata.name}/status`, body, userAgent: USER_AGENT });
    }
  }
  const poll = () => {
    syncStatus();
    ctx.clock.after(STATUS_UPDATE_INTERVAL_MS, poll, { background: true });
  };
  ctx.clock.after(STATUS_UPDATE_INTERVAL_MS, poll, { background: true });

  return {
    address: INGRESS_NGINX_ADDRESS,
    route(host: string, path: string): IngressRoute {
      const b = routeRequest(running, host, path);
      return b ? { ok: true, ...b } : { ok: false, reason: 'no-rule' };
    },
  };
}
