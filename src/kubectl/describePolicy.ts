/** `kubectl describe pdb`. Mirrors kubectl pkg/describe/describe.go: PodDisruptionBudgetDescriber. */
import type { Ctx } from './context.ts';
import { describeEvents, eventsFor, PrefixWriter } from './describeCommon.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

export interface Pdb {
  metadata?: { name?: string; namespace?: string; uid?: string };
  spec?: { minAvailable?: number | string; maxUnavailable?: number | string; selector?: unknown };
  status?: { disruptionsAllowed?: number; currentHealthy?: number; desiredHealthy?: number; expectedPods?: number };
}

/** metav1.FormatLabelSelector: requirements sorted by key, `<none>` when empty. */
export function formatLabelSelector(sel: unknown): string {
  if (!isObj(sel)) return '<none>';
  const reqs: [string, string][] = [];
  for (const [k, v] of Object.entries(isObj(sel.matchLabels) ? sel.matchLabels : {})) reqs.push([k, `${k}=${String(v)}`]);
  for (const e of Array.isArray(sel.matchExpressions) ? (sel.matchExpressions as Obj[]) : []) {
    const key = String(e.key ?? '');
    const values = (Array.isArray(e.values) ? (e.values as string[]) : []).slice().sort().join(',');
    if (e.operator === 'In') reqs.push([key, `${key} in (${values})`]);
    else if (e.operator === 'NotIn') reqs.push([key, `${key} notin (${values})`]);
    else if (e.operator === 'Exists') reqs.push([key, key]);
    else if (e.operator === 'DoesNotExist') reqs.push([key, `!${key}`]);
  }
  const s = reqs
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map((r) => r[1])
    .join(',');
  return s || '<none>';
}

export function describePodDisruptionBudget(ctx: Ctx, pdb: Pdb): string {
  const w = new PrefixWriter();
  const m = pdb.metadata ?? {};
  const spec = pdb.spec ?? {};
  const st = pdb.status ?? {};
  w.write(0, `Name:\t${m.name}\n`);
  w.write(0, `Namespace:\t${m.namespace}\n`);
  if (spec.minAvailable !== undefined && spec.minAvailable !== null) w.write(0, `Min available:\t${spec.minAvailable}\n`);
  else if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) w.write(0, `Max unavailable:\t${spec.maxUnavailable}\n`);
  w.write(0, isObj(spec.selector) ? `Selector:\t${formatLabelSelector(spec.selector)}\n` : 'Selector:\t<unset>\n');
  w.write(0, 'Status:\n');
  w.write(2, `Allowed disruptions:\t${st.disruptionsAllowed ?? 0}\n`);
  w.write(2, `Current:\t${st.currentHealthy ?? 0}\n`);
  w.write(2, `Desired:\t${st.desiredHealthy ?? 0}\n`);
  w.write(2, `Total:\t${st.expectedPods ?? 0}\n`);
  describeEvents(w, eventsFor(ctx, 'PodDisruptionBudget', m.name ?? '', m.namespace, m.uid), ctx.io.nowMs());
  return w.toString();
}
