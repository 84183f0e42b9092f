/**
 * `kubectl cordon NODE` / `kubectl uncordon NODE`. Mirrors k8s.io/kubectl/pkg/cmd/drain/drain.go
 * (RunCordonOrUncordon) and pkg/drain/cordon.go (CordonHelper.UpdateIfRequired, PatchOrReplace:
 * a strategic merge PATCH of spec.unschedulable).
 */
import type { Node } from 'kubernetes-types/core/v1';
import type { Ctx } from './context.ts';
import { send } from './context.ts';
import { statusOf } from './errors.ts';
import { dryRunStrategy, dryRunSuffix, selectNodes, type DryRun } from './nodeSelect.ts';

/** Cordons (`desired` true) or uncordons each node, printing `node/NAME cordoned` etc. */
export function cordonNodes(ctx: Ctx, nodes: Node[], desired: boolean, dryRun: DryRun): void {
  const verb = desired ? 'cordon' : 'uncordon';
  for (const node of nodes) {
    const name = node.metadata?.name ?? '';
    if (!!node.spec?.unschedulable === desired) {
      ctx.stdout.push(`node/${name} already ${verb}ed${dryRunSuffix(dryRun)}\n`);
      continue;
    }
    if (dryRun !== 'client') {
      const r = send(ctx, {
        verb: 'PATCH',
        path: `/api/v1/nodes/${encodeURIComponent(name)}`,
        body: { spec: { unschedulable: desired ? true : null } },
        patchType: 'application/strategic-merge-patch+json',
        query: dryRun === 'server' ? { dryRun: 'All' } : undefined,
      });
      if (r.code >= 300) {
        ctx.stderr.push(`error: unable to ${verb} node ${JSON.stringify(name)}: ${statusOf(r.code, r.body).message}\n`);
        continue;
      }
    }
    ctx.stdout.push(`node/${name} ${verb}ed${dryRunSuffix(dryRun)}\n`);
  }
}

function run(ctx: Ctx, desired: boolean): void {
  const dryRun = dryRunStrategy(ctx);
  if (!dryRun) return;
  const nodes = selectNodes(ctx, desired ? 'cordon NODE' : 'uncordon NODE');
  if (!nodes) return;
  cordonNodes(ctx, nodes, desired, dryRun);
}

/** `kubectl cordon`. */
export const cordonCmd = (ctx: Ctx) => run(ctx, true);
/** `kubectl uncordon`. */
export const uncordonCmd = (ctx: Ctx) => run(ctx, false);
