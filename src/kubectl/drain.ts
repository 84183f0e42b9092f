/**
 * `kubectl drain NODE`. Mirrors k8s.io/kubectl/pkg/cmd/drain/drain.go (RunDrain,
 * deleteOrEvictPodsSimple) and pkg/drain/drain.go (DeleteOrEvictPods, evictPods, deletePods,
 * waitForDelete, EvictPod): cordon, filter the node's pods, evict each through the Eviction API
 * (retrying a PDB refusal every 5 s), wait for each to be gone (polled every second), then
 * `node/NAME drained`. Upstream runs one goroutine per pod; here one loop steps virtual time to
 * the next pod's retry or poll, so the interleaving is the same and deterministic.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Ctx } from './context.ts';
import { send } from './context.ts';
import { statusOf } from './errors.ts';
import { durationFlag } from './duration.ts';
import { flag, intFlag } from './flags.ts';
import { cordonNodes } from './cordon.ts';
import { aggregateMessage, deleteWarnings, getPodsForDeletion, podsToDelete, shouldSkipPod, type DrainOptions } from './drainFilters.ts';
import { dryRunStrategy, dryRunSuffix, selectNodes, type DryRun } from './nodeSelect.ts';
import { interrupted, sleepUntil } from './waiter.ts';

/** `--timeout=0` means "forever" upstream; a script cannot wait forever, so an hour of virtual time. */
const NEVER_MS = 60 * 60 * 1000;
const RETRY_MS = 5000;
const POLL_MS = 1000;

/** Go's time.Duration.String() for whole milliseconds: `30s`, `1m30s`, `2h0m0s`, `500ms`. */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  const sec = `${Number.isInteger(s) ? s : s.toFixed(3).replace(/0+$/, '')}s`;
  if (h) return `${h}h${m}m${sec}`;
  if (m) return `${m}m${sec}`;
  return sec;
}

interface Work {
  pod: Pod;
  state: 'evict' | 'wait' | 'done';
  next: number;
  refresh: boolean;
}

const podPath = (p: Pod) => `/api/v1/namespaces/${p.metadata?.namespace}/pods/${p.metadata?.name}`;

interface RemoveOptions {
  gracePeriod: number;
  timeoutMs: number;
  useEviction: boolean;
  dryRun: DryRun;
  skipWaitForDeleteTimeoutSeconds: number;
}

/** Gone, or replaced by a pod of the same name (another UID); `skip` when shouldSkipPod says so. */
function isGone(ctx: Ctx, pod: Pod, skipSeconds = 0): boolean | string | 'skip' {
  const r = send(ctx, { verb: 'GET', path: podPath(pod) });
  if (r.code === 404) return true;
  if (r.code !== 200) return statusOf(r.code, r.body).message;
  const cur = r.body as Pod;
  if (cur.metadata?.uid !== pod.metadata?.uid) return true;
  return shouldSkipPod(cur, skipSeconds, ctx.io.nowMs()) ? 'skip' : false;
}

/** evictPods / deletePods with their waitForDelete: the aggregate error, or undefined. */
async function removePods(ctx: Ctx, pods: Pod[], o: RemoveOptions): Promise<string[]> {
  const errors: string[] = [];
  const start = ctx.io.nowMs();
  const deadline = o.timeoutMs > 0 ? start + o.timeoutMs : Infinity;
  const globalTimeout = goDuration(o.timeoutMs > 0 ? o.timeoutMs : 0);
  const work: Work[] = pods.map((pod) => ({ pod, state: 'evict', next: start, refresh: false }));
  const done = (w: Work, err?: string) => {
    w.state = 'done';
    if (err) errors.push(err);
  };
  const deleteOptions = o.gracePeriod >= 0 ? { gracePeriodSeconds: o.gracePeriod } : {};
  for (;;) {
    const t = ctx.io.nowMs();
    for (const w of work) {
      if (w.state !== 'evict' || w.next > t) continue;
      const { name, namespace } = w.pod.metadata ?? {};
      if (!o.useEviction) {
        const r = send(ctx, { verb: 'DELETE', path: podPath(w.pod), body: deleteOptions, query: o.dryRun === 'server' ? { dryRun: 'All' } : undefined });
        if (r.code === 404) done(w);
        else if (r.code >= 300) done(w, `error when deleting pods/${JSON.stringify(name)} -n ${JSON.stringify(namespace)}: ${statusOf(r.code, r.body).message}`);
        else if (o.dryRun === 'server') done(w);
        else w.state = 'wait';
        continue;
      }
      if (t >= deadline) {
        done(w, `error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(namespace)}: global timeout reached: ${globalTimeout}`);
        continue;
      }
      if (w.refresh) {
        const gone = isGone(ctx, w.pod);
        if (gone === true) {
          done(w);
          continue;
        }
      }
      ctx.stdout.push(`evicting pod ${namespace}/${name}${o.dryRun === 'server' ? ' (server dry run)' : ''}\n`);
      const body = { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace }, deleteOptions: { ...deleteOptions, ...(o.dryRun === 'server' ? { dryRun: ['All'] } : {}) } };
      const r = send(ctx, { verb: 'POST', path: `${podPath(w.pod)}/eviction`, body });
      if (r.code < 300) {
        if (o.dryRun === 'server') done(w);
        else w.state = 'wait';
      } else if (r.code === 404) done(w);
      else if (r.code === 429) {
        ctx.stderr.push(`error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(namespace)} (will retry after 5s): ${statusOf(r.code, r.body).message}\n`);
        w.next = t + RETRY_MS;
        w.refresh = true;
      } else done(w, `error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(namespace)}: ${statusOf(r.code, r.body).message}`);
    }
    for (const w of work) {
      if (w.state !== 'wait' || w.next > t) continue;
      const gone = isGone(ctx, w.pod, o.skipWaitForDeleteTimeoutSeconds);
      if (gone === 'skip') {
        ctx.stdout.push(`pod ${JSON.stringify(w.pod.metadata?.name)} has DeletionTimestamp older than ${o.skipWaitForDeleteTimeoutSeconds} seconds, skipping\n`);
        done(w);
      } else if (gone === true) {
        ctx.stdout.push(`pod/${w.pod.metadata?.name} ${o.useEviction ? 'evicted' : 'deleted'}\n`);
        done(w);
      } else if (typeof gone === 'string' || t >= deadline) {
        done(w, `error when waiting for pod ${JSON.stringify(w.pod.metadata?.name)} in namespace ${JSON.stringify(w.pod.metadata?.namespace)} to terminate: ${typeof gone === 'string' ? gone : `global timeout reached: ${globalTimeout}`}`);
      } else w.next = t + POLL_MS;
    }
    const active = work.filter((w) => w.state !== 'done');
    if (active.length === 0 || interrupted(ctx)) break;
    const next = Math.min(...active.map((w) => (w.next <= t ? t + POLL_MS : w.next)));
    if (t - start >= NEVER_MS) {
      for (const w of active) done(w, `error when evicting pods/${JSON.stringify(w.pod.metadata?.name)} -n ${JSON.stringify(w.pod.metadata?.namespace)}: global timeout reached: ${goDuration(NEVER_MS)} (simulator limit)`);
      break;
    }
    await sleepUntil(ctx, next - t, () => false);
  }
  return errors;
}

/** deleteOrEvictPodsSimple: the error that stops this node's drain, or undefined. */
async function drainNode(ctx: Ctx, nodeName: string, filters: DrainOptions, o: RemoveOptions): Promise<string | undefined> {
  const { list, errors } = getPodsForDeletion(ctx, filters, nodeName);
  if (errors.length || !list) return aggregateMessage(errors);
  const warnings = deleteWarnings(list);
  if (warnings) ctx.stderr.push(`Warning: ${warnings}\n`);
  const pods = podsToDelete(list);
  if (o.dryRun === 'client') {
    for (const p of pods) ctx.stdout.push(`evicting pod ${p.metadata?.namespace}/${p.metadata?.name} (dry run)\n`);
    return undefined;
  }
  const errs = await removePods(ctx, pods, o);
  if (interrupted(ctx)) return undefined;
  if (errs.length === 0) return undefined;
  const err = aggregateMessage(errs);
  const pending = getPodsForDeletion(ctx, filters, nodeName);
  const left = pending.list ? podsToDelete(pending.list) : [];
  if (left.length) ctx.stderr.push(`There are pending pods in node ${JSON.stringify(nodeName)} when an error occurred: ${err}\n${left.map((p) => `pod/${p.metadata?.name}\n`).join('')}`);
  if (pending.errors.length) ctx.stderr.push(`Following errors occurred while getting the list of pods to delete:\n${aggregateMessage(pending.errors)}`);
  return err;
}

/** `kubectl drain`. */
export async function drainCmd(ctx: Ctx): Promise<void> {
  const dryRun = dryRunStrategy(ctx);
  if (!dryRun) return;
  const timeoutMs = durationFlag(ctx, 'timeout', 0);
  if (timeoutMs === undefined) return;
  const gp = flag(ctx.p, 'grace-period');
  const gracePeriod = gp === undefined ? -1 : Number(gp);
  if (!Number.isInteger(gracePeriod)) {
    ctx.errors.push({ message: `invalid argument ${JSON.stringify(gp)} for "--grace-period" flag: strconv.ParseInt: parsing ${JSON.stringify(gp)}: invalid syntax` });
    return;
  }
  if (ctx.p.bools['delete-local-data']) ctx.stderr.push('Flag --delete-local-data has been deprecated, This option is deprecated and will be deleted. Use --delete-emptydir-data.\n');
  const nodes = selectNodes(ctx, 'drain NODE');
  if (!nodes) return;
  const filters: DrainOptions = {
    force: !!ctx.p.bools.force,
    ignoreDaemonSets: !!ctx.p.bools['ignore-daemonsets'],
    deleteEmptyDirData: !!ctx.p.bools['delete-emptydir-data'] || !!ctx.p.bools['delete-local-data'],
    podSelector: flag(ctx.p, 'pod-selector'),
    skipWaitForDeleteTimeoutSeconds: intFlag(ctx.p, 'skip-wait-for-delete-timeout', 0),
  };
  const remove: RemoveOptions = { gracePeriod, timeoutMs, useEviction: !ctx.p.bools['disable-eviction'], dryRun, skipWaitForDeleteTimeoutSeconds: filters.skipWaitForDeleteTimeoutSeconds };
  cordonNodes(ctx, nodes, true, dryRun);
  const fatal: string[] = [];
  const remaining: string[] = [];
  for (const node of nodes) {
    const name = node.metadata?.name ?? '';
    const err = await drainNode(ctx, name, filters, remove);
    if (interrupted(ctx)) return;
    if (err === undefined) {
      ctx.stdout.push(`node/${name} drained${dryRunSuffix(dryRun)}\n`);
      continue;
    }
    ctx.stderr.push(`error: unable to drain node ${JSON.stringify(name)} due to error: ${err}, continuing command...\n`);
    fatal.push(err);
    remaining.push(name);
  }
  if (remaining.length) ctx.stderr.push(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`);
  if (fatal.length) ctx.errors.push({ message: aggregateMessage(fatal) });
}
