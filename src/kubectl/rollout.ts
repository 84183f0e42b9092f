/**
 * `kubectl rollout history|undo|restart|pause|resume|status`. Mirrors k8s.io/kubectl/pkg/cmd/rollout/*
 * and pkg/polymorphichelpers: history.go (DeploymentHistoryViewer), rollback.go
 * (DeploymentRollbacker: client-side, patch the template back), objectpauser.go,
 * objectresumer.go, objectrestarter.go; results printed by the name printer with the
 * operation as verb (`deployment.apps/web rolled back`).
 */
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { Ctx } from './context.ts';
import { send } from './context.ts';
import { statusOf } from './errors.ts';
import { intFlag } from './flags.ts';
import { equalIgnoreHash, getAllReplicaSets, POD_TEMPLATE_HASH, revisionOf } from './deployutil.ts';
import { printTemplate } from './describeWorkloads.ts';
import { byName, pathFor, qualifiedKind, qualifiedResource } from './resources.ts';
import { rolloutStatus } from './rolloutStatus.ts';
import { fetchInfos, type FetchedInfo } from './select.ts';
import { tabformat } from './tabwriter.ts';

const CHANGE_CAUSE = 'kubernetes.io/change-cause';
const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';
/** rollback.go annotationsToSkip: kept from the Deployment, never copied from the RS. */
const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

const USAGE = `Manage the rollout of one or many resources.

Available Commands:
  history       View rollout history
  pause         Mark the provided resource as paused
  restart       Restart a resource
  resume        Resume a paused resource
  status        Show the status of the rollout
  undo          Undo a previous rollout

Usage:
  kubectl rollout SUBCOMMAND [options]
`;

const groupKind = (i: FetchedInfo) => (i.res.group ? `${i.res.kind}.${i.res.group}` : i.res.kind);

/** DeploymentHistoryViewer.ViewHistory. */
function viewHistory(ctx: Ctx, info: FetchedInfo, revision: number): string | undefined {
  const d = info.obj as Deployment;
  const sets = getAllReplicaSets(ctx, d);
  if (!sets) return undefined;
  const all = [...sets.allOldRSs, ...(sets.newRS ? [sets.newRS] : [])];
  const history = new Map<number, { template: PodTemplateSpec; cause?: string }>();
  for (const rs of all) {
    const v = revisionOf(rs);
    if (v === undefined || !rs.spec?.template) continue;
    history.set(v, { template: rs.spec.template, cause: rs.metadata?.annotations?.[CHANGE_CAUSE] });
  }
  if (history.size === 0) return 'No rollout history found.';
  if (revision > 0) {
    const h = history.get(revision);
    if (!h) {
      ctx.errors.push({ message: 'unable to find the specified revision' });
      return undefined;
    }
    const t = JSON.parse(JSON.stringify(h.template)) as PodTemplateSpec;
    if (h.cause) (t.metadata ??= {}).annotations = { ...(t.metadata.annotations ?? {}), [CHANGE_CAUSE]: h.cause };
    return printTemplate(t);
  }
  const revs = [...history.keys()].sort((a, b) => a - b);
  return tabformat(`REVISION\tCHANGE-CAUSE\n${revs.map((r) => `${r}\t${history.get(r)!.cause || '<none>'}\n`).join('')}`, 0, 2);
}

/** DeploymentRollbacker.Rollback: the operation text, or undefined after recording an error. */
function rollback(ctx: Ctx, info: FetchedInfo, toRevision: number): string | undefined {
  if (toRevision < 0) {
    ctx.errors.push({ message: `unable to find specified revision ${toRevision} in history` });
    return undefined;
  }
  const g = send(ctx, { verb: 'GET', path: pathFor(info.res, info.namespace, info.name), causeId: info.spanId });
  if (g.code !== 200) {
    ctx.errors.push({ message: `failed to retrieve Deployment ${info.name}: ${statusOf(g.code, g.body).message}` });
    return undefined;
  }
  const d = g.body as Deployment;
  const sets = getAllReplicaSets(ctx, d);
  if (!sets) return undefined;
  const all = [...sets.allOldRSs, ...(sets.newRS ? [sets.newRS] : [])];
  let target;
  if (toRevision > 0) {
    target = all.find((rs) => revisionOf(rs) === toRevision);
    if (!target) {
      ctx.errors.push({ message: `unable to find specified revision ${toRevision} in history` });
      return undefined;
    }
  } else {
    // The second-highest revision: the one before the latest.
    const byRev = all.filter((rs) => revisionOf(rs) !== undefined).sort((a, b) => revisionOf(b)! - revisionOf(a)!);
    target = byRev[1];
    if (!target) {
      ctx.errors.push({ message: `no rollout history found for deployment ${JSON.stringify(d.metadata?.name ?? '')}` });
      return undefined;
    }
  }
  if (d.spec?.paused) {
    ctx.errors.push({ message: `you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${info.name}' and try again` });
    return undefined;
  }
  if (equalIgnoreHash(target.spec?.template, d.spec?.template)) return `skipped rollback (current template already matches revision ${toRevision})`;
  const template = JSON.parse(JSON.stringify(target.spec?.template ?? {})) as PodTemplateSpec;
  if (template.metadata?.labels) delete template.metadata.labels[POD_TEMPLATE_HASH];
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {})) if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(target.metadata?.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  // Upstream sends a JSON patch replacing /spec/template and /metadata/annotations; `$patch: replace` does the same.
  const body = { metadata: { annotations: { $patch: 'replace', ...annotations } }, spec: { template: { $patch: 'replace', ...template } } };
  const r = send(ctx, { verb: 'PATCH', path: pathFor(info.res, info.namespace, info.name), body, patchType: 'application/strategic-merge-patch+json', causeId: g.spanId });
  if (r.code >= 300) {
    ctx.errors.push({ message: `failed restoring revision ${toRevision}: ${statusOf(r.code, r.body).message}` });
    return undefined;
  }
  return 'rolled back';
}

type Patcher = (d: Deployment, now: number) => Record<string, unknown> | string;

const PATCHERS: Record<'pause' | 'resume' | 'restart', { patch: Patcher; verb: string; notSupported: string }> = {
  pause: { patch: (d) => (d.spec?.paused ? 'is already paused' : { spec: { paused: true } }), verb: 'paused', notSupported: 'pausing is not supported' },
  resume: { patch: (d) => (!d.spec?.paused ? 'is not paused' : { spec: { paused: null } }), verb: 'resumed', notSupported: 'resuming is not supported' },
  restart: {
    patch: (d, now) => {
      if (d.spec?.paused) return "can't restart paused deployment (run rollout resume first)";
      const at = new Date(Math.floor(now / 1000) * 1000).toISOString().replace('.000Z', 'Z');
      // RFC3339 has second resolution: a second restart within the same second changes nothing.
      if (d.spec?.template?.metadata?.annotations?.[RESTARTED_AT] === at) return {};
      return { spec: { template: { metadata: { annotations: { [RESTARTED_AT]: at } } } } };
    },
    verb: 'restarted',
    notSupported: 'restarting is not supported',
  },
};

/** pause / resume / restart: set.CalculatePatches, then a strategic-merge PATCH per object. */
function patchEach(ctx: Ctx, infos: FetchedInfo[], which: keyof typeof PATCHERS): void {
  const p = PATCHERS[which];
  for (const info of infos) {
    const patch = info.res.kind === 'Deployment' ? p.patch(info.obj as Deployment, ctx.io.nowMs()) : p.notSupported;
    if (typeof patch === 'string') {
      ctx.errors.push({ message: `error: ${qualifiedResource(info.res)} ${JSON.stringify(info.name)} ${patch}` });
      continue;
    }
    if (Object.keys(patch).length === 0) {
      ctx.errors.push({ message: `failed to create patch for ${info.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another` });
      continue;
    }
    const r = send(ctx, {
      verb: 'PATCH',
      path: pathFor(info.res, info.namespace, info.name),
      body: patch,
      patchType: 'application/strategic-merge-patch+json',
      query: { fieldManager: 'kubectl-rollout' },
      causeId: info.spanId,
    });
    if (r.code >= 300) {
      ctx.errors.push({ message: `failed to patch: ${statusOf(r.code, r.body).message}` });
      continue;
    }
    ctx.stdout.push(`${qualifiedKind(info.res)}/${info.name} ${p.verb}\n`);
  }
}

/** `kubectl rollout SUBCOMMAND …`. */
export async function rolloutCmd(ctx: Ctx): Promise<void> {
  const [sub, ...args] = ctx.p.args;
  if (sub === undefined) {
    ctx.stdout.push(USAGE);
    return;
  }
  if (!['history', 'pause', 'restart', 'resume', 'status', 'undo'].includes(sub)) {
    ctx.errors.push({ message: `unknown command ${JSON.stringify(sub)} for "kubectl rollout"` });
    return;
  }
  if (args.length === 0 && !(ctx.p.values.filename ?? []).length) {
    ctx.errors.push({ message: 'required resource not specified' });
    return;
  }
  // ResourceTypeOrNameArgs(true, …): a bare type means every object of that type.
  if (args.length === 1 && !args[0]!.includes('/') && byName(args[0]!)) ctx.p.bools.all = true;
  if (sub === 'status') return rolloutStatus(ctx, args);
  const revision = intFlag(ctx.p, sub === 'undo' ? 'to-revision' : 'revision', 0);
  if (sub === 'history' && revision < 0) {
    ctx.errors.push({ message: `revision must be a positive integer: ${revision}` });
    return;
  }
  const infos = fetchInfos(ctx, args);
  if (!infos) return;
  if (sub === 'pause' || sub === 'resume' || sub === 'restart') return patchEach(ctx, infos, sub);
  for (const info of infos) {
    if (info.res.kind !== 'Deployment') {
      ctx.errors.push({ message: sub === 'history' ? `no history viewer has been implemented for ${JSON.stringify(groupKind(info))}` : `no rollbacker has been implemented for ${JSON.stringify(groupKind(info))}` });
      continue;
    }
    if (sub === 'history') {
      const text = viewHistory(ctx, info, revision);
      if (text === undefined) continue;
      const withRevision = revision > 0 ? `with revision #${revision}` : '';
      ctx.stdout.push(`${qualifiedKind(info.res)}/${info.name} ${withRevision}\n${text}\n`);
    } else {
      const result = rollback(ctx, info, revision);
      if (result !== undefined) ctx.stdout.push(`${qualifiedKind(info.res)}/${info.name} ${result}\n`);
    }
  }
}
