/** `kubectl describe node`. Mirrors kubectl pkg/describe/describe.go: describeNode, describeNodeResource. */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { ageSince } from './duration.ts';
import { formatQuantity, parseQuantity, type Qty } from './quantity.ts';
import type { Ctx } from './context.ts';
import { send } from './context.ts';
import { describeEvents, eventsFor, LAST_APPLIED, multiline, PrefixWriter, rfc1123z } from './describeCommon.ts';
import { nodeRoles } from './printers/node.ts';

function podTotals(pod: Pod): Record<string, { req: Qty; lim: Qty }> {
  const out: Record<string, { req: Qty; lim: Qty }> = {};
  for (const r of ['cpu', 'memory', 'ephemeral-storage']) {
    const req: Qty = { value: 0, binary: r !== 'cpu' };
    const lim: Qty = { value: 0, binary: r !== 'cpu' };
    for (const c of pod.spec?.containers ?? []) {
      const rq = c.resources?.requests?.[r] ?? c.resources?.limits?.[r];
      const lm = c.resources?.limits?.[r];
      if (rq !== undefined) {
        const q = parseQuantity(rq);
        req.value += q.value;
        req.binary = q.binary;
      }
      if (lm !== undefined) {
        const q = parseQuantity(lm);
        lim.value += q.value;
        lim.binary = q.binary;
      }
    }
    out[r] = { req, lim };
  }
  return out;
}

const pct = (v: number, of: number) => (of > 0 ? Math.trunc((v / of) * 100) : 0);

function describeNodeResources(w: PrefixWriter, node: Node, pods: Pod[], nowMs: number): void {
  const alloc = node.status?.allocatable && Object.keys(node.status.allocatable).length ? node.status.allocatable : (node.status?.capacity ?? {});
  const cpu = parseQuantity(alloc.cpu).value;
  const mem = parseQuantity(alloc.memory).value;
  const eph = parseQuantity(alloc['ephemeral-storage']).value;
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const sum: Record<string, { req: Qty; lim: Qty }> = {};
  for (const p of pods) {
    const t = podTotals(p);
    const c = t.cpu!;
    const m = t.memory!;
    w.write(
      1,
      `${p.metadata?.namespace}\t${p.metadata?.name}\t\t${formatQuantity(c.req)} (${pct(c.req.value, cpu)}%)\t${formatQuantity(c.lim)} (${pct(c.lim.value, cpu)}%)\t${formatQuantity(m.req)} (${pct(m.req.value, mem)}%)\t${formatQuantity(m.lim)} (${pct(m.lim.value, mem)}%)\t${ageSince(p.metadata?.creationTimestamp, nowMs)}\n`,
    );
    for (const [k, v] of Object.entries(t)) {
      const s = (sum[k] ??= { req: { value: 0, binary: v.req.binary }, lim: { value: 0, binary: v.lim.binary } });
      s.req.value += v.req.value;
      s.lim.value += v.lim.value;
      if (v.req.value) s.req.binary = v.req.binary;
      if (v.lim.value) s.lim.binary = v.lim.binary;
    }
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  for (const [r, of] of [['cpu', cpu], ['memory', mem], ['ephemeral-storage', eph]] as const) {
    const s = sum[r] ?? { req: { value: 0, binary: false }, lim: { value: 0, binary: false } };
    w.write(1, `${r}\t${formatQuantity(s.req)} (${pct(s.req.value, of)}%)\t${formatQuantity(s.lim)} (${pct(s.lim.value, of)}%)\n`);
  }
  // Huge pages follow, sorted (pods request none here, so 0 of whatever is allocatable).
  for (const r of Object.keys(alloc).filter((k) => k.startsWith('hugepages-')).sort()) w.write(1, `${r}\t0 (0%)\t0 (0%)\n`);
}

/** The node's Lease in kube-node-lease: holder, acquire and renew times (describe.go describeNode). */
function describeLease(ctx: Ctx, w: PrefixWriter, name: string): void {
  const r = send(ctx, { verb: 'GET', path: `/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${encodeURIComponent(name)}` });
  if (r.code !== 200) {
    w.write(0, `Lease:\tFailed to get lease: ${(r.body as { message?: string }).message ?? ''}\n`);
    return;
  }
  const spec = (r.body as { spec?: { holderIdentity?: string; acquireTime?: string; renewTime?: string } }).spec ?? {};
  w.write(0, 'Lease:\n');
  w.write(1, `HolderIdentity:\t${spec.holderIdentity ?? '<unset>'}\n`);
  w.write(1, `AcquireTime:\t${spec.acquireTime ? rfc1123z(spec.acquireTime) : '<unset>'}\n`);
  w.write(1, `RenewTime:\t${spec.renewTime ? rfc1123z(spec.renewTime) : '<unset>'}\n`);
}

export function describeNode(ctx: Ctx, node: Node): string {
  const w = new PrefixWriter();
  const now = ctx.io.nowMs();
  const m = node.metadata ?? {};
  w.write(0, `Name:\t${m.name}\n`);
  w.write(0, `Roles:\t${nodeRoles(node).join(',') || '<none>'}\n`);
  multiline(w, 'Labels', Object.entries(m.labels ?? {}), '=');
  multiline(w, 'Annotations', Object.entries(m.annotations ?? {}).filter(([k]) => k !== LAST_APPLIED), ': ');
  w.write(0, `CreationTimestamp:\t${rfc1123z(m.creationTimestamp)}\n`);
  // printTaintsMultilineWithIndent sorts by effect, then key.
  const taintKey = (t: { effect: string; key: string }) => `${t.effect},${t.key}`;
  const taints = [...(node.spec?.taints ?? [])].sort((a, b) => (taintKey(a) < taintKey(b) ? -1 : taintKey(a) > taintKey(b) ? 1 : 0));
  w.write(0, 'Taints:\t');
  if (taints.length === 0) w.write(0, '<none>\n');
  taints.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}\n`);
  });
  w.write(0, `Unschedulable:\t${node.spec?.unschedulable ? 'true' : 'false'}\n`);
  describeLease(ctx, w, m.name ?? '');
  const conds = node.status?.conditions ?? [];
  if (conds.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conds) {
      w.write(1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
  }
  const addrs = node.status?.addresses ?? [];
  if (addrs.length) {
    w.write(0, 'Addresses:\n');
    for (const a of addrs) w.write(1, `${a.type}:\t${a.address}\n`);
  }
  for (const [title, rl] of [['Capacity', node.status?.capacity], ['Allocatable', node.status?.allocatable]] as const) {
    if (!rl) continue;
    w.write(0, `${title}:\n`);
    for (const k of Object.keys(rl).sort()) w.write(1, `${k}:\t${rl[k]}\n`);
  }
  const ni = node.status?.nodeInfo;
  if (ni) {
    w.write(0, 'System Info:\n');
    w.write(1, `Machine ID:\t${ni.machineID}\n`);
    w.write(1, `System UUID:\t${ni.systemUUID}\n`);
    w.write(1, `Boot ID:\t${ni.bootID}\n`);
    w.write(1, `Kernel Version:\t${ni.kernelVersion}\n`);
    w.write(1, `OS Image:\t${ni.osImage}\n`);
    w.write(1, `Operating System:\t${ni.operatingSystem}\n`);
    w.write(1, `Architecture:\t${ni.architecture}\n`);
    w.write(1, `Container Runtime Version:\t${ni.containerRuntimeVersion}\n`);
    w.write(1, `Kubelet Version:\t${ni.kubeletVersion}\n`);
  }
  if (node.spec?.podCIDR) w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if (node.spec?.podCIDRs?.length) w.write(0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`);
  const pods = send(ctx, { verb: 'GET', path: '/api/v1/pods', query: { fieldSelector: `spec.nodeName=${m.name},status.phase!=Failed,status.phase!=Succeeded` } });
  const podItems = pods.code === 200 ? (((pods.body as { items?: Pod[] }).items ?? []) as Pod[]).filter((p) => p.spec?.nodeName === m.name && p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded') : [];
  describeNodeResources(w, node, podItems, now);
  describeEvents(w, eventsFor(ctx, 'Node', m.name ?? '', undefined, undefined), now);
  return w.toString();
}

