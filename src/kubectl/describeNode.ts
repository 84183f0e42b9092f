/** describe node's resource tables. Mirrors kubectl pkg/describe/describe.go: describeNodeResource. */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { ageSince } from './duration.ts';
import { formatQuantity, parseQuantity, type Qty } from './quantity.ts';
import type { PrefixWriter } from './describe.ts';

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

export function describeNodeResources(w: PrefixWriter, node: Node, pods: Pod[], nowMs: number): void {
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
}
