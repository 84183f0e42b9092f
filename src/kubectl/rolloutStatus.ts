/**
 * `kubectl rollout status deployment/web [--timeout=5m] [-w=false] [--revision=N]`. Mirrors
 * k8s.io/kubectl/pkg/cmd/rollout/rollout_status.go (a LIST+WATCH by metadata.name through
 * watchtools.UntilWithSync, printing the viewer's line on every ADDED/MODIFIED event) and
 * pkg/polymorphichelpers/rollout_status.go (DeploymentStatusViewer.Status).
 */
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Ctx } from './context.ts';
import { send, watchFrom } from './context.ts';
import { durationFlag } from './duration.ts';
import { intFlag } from './flags.ts';
import { revisionOf } from './deployutil.ts';
import { pathFor } from './resources.ts';
import { fetchInfos } from './select.ts';
import { interrupted, sleepUntil } from './waiter.ts';

/** `--timeout=0` (the default) means "never" upstream; a script cannot wait forever, so an hour of virtual time. */
const NEVER_MS = 3_600_000;

type Viewed = { line: string; done: boolean } | { error: string };

/** DeploymentStatusViewer.Status. */
export function deploymentStatus(d: Deployment, revision: number): Viewed {
  const name = d.metadata?.name ?? '';
  if (revision > 0) {
    const rev = revisionOf(d);
    if (rev === undefined) return { error: `cannot get the revision of deployment ${JSON.stringify(name)}: ` };
    if (rev !== revision) return { error: `desired revision (${revision}) is different from the running revision (${rev})` };
  }
  const s = d.status ?? {};
  if ((d.metadata?.generation ?? 0) <= (s.observedGeneration ?? 0)) {
    const cond = (s.conditions ?? []).find((c) => c.type === 'Progressing');
    if (cond?.reason === 'ProgressDeadlineExceeded') return { error: `deployment ${JSON.stringify(name)} exceeded its progress deadline` };
    const updated = s.updatedReplicas ?? 0;
    const q = JSON.stringify(name);
    if (d.spec?.replicas !== undefined && updated < d.spec.replicas) {
      return { line: `Waiting for deployment ${q} rollout to finish: ${updated} out of ${d.spec.replicas} new replicas have been updated...\n`, done: false };
    }
    if ((s.replicas ?? 0) > updated) return { line: `Waiting for deployment ${q} rollout to finish: ${(s.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false };
    if ((s.availableReplicas ?? 0) < updated) return { line: `Waiting for deployment ${q} rollout to finish: ${s.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false };
    return { line: `deployment ${q} successfully rolled out\n`, done: true };
  }
  return { line: 'Waiting for deployment spec update to be observed...\n', done: false };
}

/** `kubectl rollout status`. */
export async function rolloutStatus(ctx: Ctx, args: string[]): Promise<void> {
  const revision = intFlag(ctx.p, 'revision', 0);
  if (revision < 0) {
    ctx.errors.push({ message: `revision must be a positive integer: ${revision}` });
    return;
  }
  const timeout = durationFlag(ctx, 'timeout', 0);
  if (timeout === undefined) return;
  const infos = fetchInfos(ctx, args);
  if (!infos || ctx.errors.length) return;
  if (infos.length !== 1) {
    ctx.errors.push({ message: `rollout status is only supported on individual resources and resource collections - ${infos.length} resources were found` });
    return;
  }
  const info = infos[0]!;
  if (info.res.kind !== 'Deployment') {
    ctx.errors.push({ message: `no status viewer has been implemented for ${info.res.kind}${info.res.group ? `.${info.res.group}` : ''}` });
    return;
  }
  const watch = ctx.p.bools.watch !== false;
  const collection = pathFor(info.res, info.namespace);
  const query = { fieldSelector: `metadata.name=${info.name}` };
  let finished = false;
  const see = (d: Deployment): void => {
    if (finished) return;
    const v = deploymentStatus(d, revision);
    if ('error' in v) {
      ctx.errors.push({ message: v.error });
      finished = true;
      return;
    }
    ctx.stdout.push(v.line);
    if (v.done || !watch) finished = true;
  };
  const list = send(ctx, { verb: 'GET', path: collection, query });
  const items = ((list.body as { items?: Deployment[] })?.items ?? []).filter((d) => d.metadata?.name === info.name);
  for (const d of items) see(d);
  if (finished) return;
  const listRv = (list.body as { metadata?: { resourceVersion?: string } })?.metadata?.resourceVersion;
  const stop = watchFrom(ctx, collection, query, listRv, (e) => {
    if (finished) return;
    if (e.type === 'DELETED') {
      ctx.errors.push({ message: 'object has been deleted' });
      finished = true;
      return;
    }
    see(e.object as Deployment);
  });
  try {
    await sleepUntil(ctx, timeout > 0 ? timeout : NEVER_MS, () => finished);
  } finally {
    stop();
  }
  if (!finished && !interrupted(ctx)) ctx.errors.push({ message: 'timed out waiting for the condition' });
}
