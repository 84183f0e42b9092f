/**
 * `kubectl describe pod|node NAME`. Mirrors k8s.io/kubectl/pkg/describe/describe.go
 * (the describers are in describePod.ts and describeNode.ts).
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Ctx } from './context.ts';
import { send } from './context.ts';
import { statusOf } from './errors.ts';
import { describeNode } from './describeNode.ts';
import { describePod } from './describePod.ts';
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
  if (res.resource !== 'pods' && res.resource !== 'nodes') {
    ctx.errors.push({ message: `describe ${res.resource} is not supported by this simulator yet (simplified)` });
    return;
  }
  const out: string[] = [];
  for (const name of names) {
    const r = send(ctx, { verb: 'GET', path: pathFor(res, ctx.namespace, name) });
    if (r.code !== 200) {
      ctx.errors.push({ status: statusOf(r.code, r.body) });
      continue;
    }
    out.push(res.resource === 'pods' ? describePod(ctx, r.body as Pod) : describeNode(ctx, r.body as Node));
  }
  ctx.stdout.push(out.join('\n\n'));
}
