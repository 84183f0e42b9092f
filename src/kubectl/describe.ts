/**
 * `kubectl describe pod|node|deployment|replicaset NAME`. Mirrors k8s.io/kubectl/pkg/describe/describe.go
 * (the describers are in describePod.ts, describeNode.ts and describeWorkloads.ts).
 */
import type { ConfigMap, Node, Pod, Secret } from 'kubernetes-types/core/v1';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Ctx } from './context.ts';
import { send } from './context.ts';
import { statusOf } from './errors.ts';
import { flag } from './flags.ts';
import { describeConfigMap, describeSecret } from './describeConfig.ts';
import { describeNode } from './describeNode.ts';
import { networkDescribers } from './describeNetwork.ts';
import { warnEndpoints } from './printers/network.ts';
import { describePod } from './describePod.ts';
import { describePodDisruptionBudget, type Pdb } from './describePolicy.ts';
import { describeDeployment, describeReplicaSet } from './describeWorkloads.ts';
import { byName, pathFor } from './resources.ts';

export { PrefixWriter, rfc1123z, describeEvents } from './describeCommon.ts';

/** `kubectl describe TYPE NAME`. */
export function describeCmd(ctx: Ctx): void {
  const [type, ...names] = ctx.p.args;
  if (!type) {
    ctx.errors.push({ message: 'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.' });
    return;
  }
  const slash = type.indexOf('/');
  const res = byName(slash >= 0 ? type.slice(0, slash) : type);
  if (slash >= 0) names.unshift(type.slice(slash + 1));
  if (!res) {
    ctx.errors.push({ message: `the server doesn't have a resource type ${JSON.stringify(slash >= 0 ? type.slice(0, slash) : type)}` });
    return;
  }
  const describers: Record<string, (o: unknown) => string> = {
    pods: (o) => describePod(ctx, o as Pod),
    nodes: (o) => describeNode(ctx, o as Node),
    deployments: (o) => describeDeployment(ctx, o as Deployment),
    replicasets: (o) => describeReplicaSet(ctx, o as ReplicaSet),
    poddisruptionbudgets: (o) => describePodDisruptionBudget(ctx, o as Pdb),
    configmaps: (o) => describeConfigMap(ctx, o as ConfigMap),
    secrets: (o) => describeSecret(o as Secret),
    ...networkDescribers(ctx),
  };
  const describer = describers[res.resource];
  if (!describer) {
    ctx.errors.push({ message: `describe ${res.resource} is not supported by this simulator yet (simplified)` });
    return;
  }
  if (res.resource === 'endpoints') warnEndpoints(ctx.stderr);
  if (names.length === 0) {
    // `kubectl describe pods [-l sel]`: every object the LIST returns (describe.go DescribeMatchingResources).
    const sel = flag(ctx.p, 'selector');
    const r = send(ctx, { verb: 'GET', path: pathFor(res, res.namespaced ? ctx.namespace : undefined), query: sel ? { labelSelector: sel } : undefined });
    if (r.code !== 200) {
      ctx.errors.push({ status: statusOf(r.code, r.body) });
      return;
    }
    const items = (r.body as { items?: { metadata?: { name?: string } }[] }).items ?? [];
    if (items.length === 0) {
      ctx.stderr.push(res.namespaced ? `No resources found in ${ctx.namespace} namespace.\n` : 'No resources found\n');
      return;
    }
    ctx.stdout.push(items.map((o) => describer(o)).join('\n\n'));
    return;
  }
  const out: string[] = [];
  for (const name of names) {
    const r = send(ctx, { verb: 'GET', path: pathFor(res, ctx.namespace, name) });
    if (r.code !== 200) {
      ctx.errors.push({ status: statusOf(r.code, r.body) });
      continue;
    }
    out.push(describer(r.body));
  }
  ctx.stdout.push(out.join('\n\n'));
}
