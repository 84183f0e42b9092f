/**
 * `kubectl describe deployment|replicaset`. Mirrors k8s.io/kubectl/pkg/describe/describe.go:
 * describeDeployment, printReplicaSetsByLabels, describeReplicaSet, getPodStatusForController,
 * DescribePodTemplate (also what `rollout history --revision=N` prints, untabbed).
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { Ctx } from './context.ts';
import { send } from './context.ts';
import { describeEvents, eventsFor, LAST_APPLIED, multiline, PrefixWriter, rfc1123z, tolerations } from './describeCommon.ts';
import { containers, describeVolume } from './describePod.ts';
import { getAllReplicaSets } from './deployutil.ts';
import { formatLabelSelector } from './printers/workloads.ts';

/** DescribePodTemplate. */
export function describePodTemplate(w: PrefixWriter, t: PodTemplateSpec | undefined): void {
  w.write(0, 'Pod Template:\n');
  if (!t) {
    w.write(1, '<unset>');
    return;
  }
  multiline(w, '  Labels', Object.entries(t.metadata?.labels ?? {}), '=');
  const ann = Object.entries(t.metadata?.annotations ?? {});
  if (ann.length) multiline(w, '  Annotations', ann, ': ');
  const spec = t.spec;
  if (spec?.serviceAccountName) w.write(1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec?.initContainers?.length) containers(w, 'Init Containers', spec.initContainers, [], '  ');
  containers(w, 'Containers', spec?.containers ?? [], [], '  ');
  const vols = spec?.volumes ?? [];
  if (vols.length === 0) w.write(0, '  Volumes:\t<none>\n');
  else {
    w.write(0, '  Volumes:\n');
    for (const v of vols) {
      w.write(1, ` ${v.name}:\n`);
      describeVolume(w, v);
    }
  }
  if (spec?.priorityClassName) w.write(1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  multiline(w, '  Node-Selectors', Object.entries(spec?.nodeSelector ?? {}), '=');
  tolerations(w, '  Tolerations', spec?.tolerations ?? []);
}

/** The pod template as `rollout history --revision=N` prints it (a PrefixWriter without tabwriter). */
export function printTemplate(t: PodTemplateSpec | undefined): string {
  const w = new PrefixWriter();
  describePodTemplate(w, t);
  return w.buf;
}

function conditionsTable(w: PrefixWriter, conds: { type: string; status: string; reason?: string }[] | undefined): void {
  if (!conds?.length) return;
  w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(1, '----\t------\t------\n');
  for (const c of conds) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

function rsList(list: ReplicaSet[]): string {
  const s = list.map((rs) => `${rs.metadata?.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 1} replicas created)`).join(', ');
  return s || '<none>';
}

/** describeDeployment. */
export function describeDeployment(ctx: Ctx, d: Deployment): string {
  const w = new PrefixWriter();
  const m = d.metadata ?? {};
  const s = d.status ?? {};
  w.write(0, `Name:\t${m.name}\n`);
  w.write(0, `Namespace:\t${m.namespace}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(m.creationTimestamp)}\n`);
  multiline(w, 'Labels', Object.entries(m.labels ?? {}), '=');
  multiline(w, 'Annotations', Object.entries(m.annotations ?? {}).filter(([k]) => k !== LAST_APPLIED), ': ');
  w.write(0, `Selector:\t${formatLabelSelector(d.spec?.selector)}\n`);
  w.write(0, `Replicas:\t${d.spec?.replicas ?? 1} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable\n`);
  w.write(0, `StrategyType:\t${d.spec?.strategy?.type ?? ''}\n`);
  w.write(0, `MinReadySeconds:\t${d.spec?.minReadySeconds ?? 0}\n`);
  const ru = d.spec?.strategy?.rollingUpdate;
  if (ru) w.write(0, `RollingUpdateStrategy:\t${String(ru.maxUnavailable ?? '')} max unavailable, ${String(ru.maxSurge ?? '')} max surge\n`);
  describePodTemplate(w, d.spec?.template);
  conditionsTable(w, s.conditions);
  const sets = getAllReplicaSets(ctx, d);
  if (sets) {
    w.write(0, `OldReplicaSets:\t${rsList(sets.oldRSs)}\n`);
    w.write(0, `NewReplicaSet:\t${rsList(sets.newRS ? [sets.newRS] : [])}\n`);
  }
  describeEvents(w, eventsFor(ctx, 'Deployment', m.name ?? '', m.namespace, m.uid), ctx.io.nowMs());
  return w.toString();
}

/** getPodStatusForController: phases of the pods the controller owns. */
function podPhases(ctx: Ctx, rs: ReplicaSet): string {
  const ns = rs.metadata?.namespace ?? ctx.namespace;
  const sel = formatLabelSelector(rs.spec?.selector);
  const r = send(ctx, { verb: 'GET', path: `/api/v1/namespaces/${encodeURIComponent(ns)}/pods`, query: sel !== '<none>' ? { labelSelector: sel } : undefined });
  if (r.code !== 200) return `error in fetching pods: ${(r.body as { message?: string })?.message ?? ''}`;
  let running = 0;
  let waiting = 0;
  let succeeded = 0;
  let failed = 0;
  for (const p of (r.body as { items?: Pod[] }).items ?? []) {
    if (!(p.metadata?.ownerReferences ?? []).some((o) => o.controller && o.uid === rs.metadata?.uid)) continue;
    const phase = p.status?.phase;
    if (phase === 'Running') running++;
    else if (phase === 'Pending') waiting++;
    else if (phase === 'Succeeded') succeeded++;
    else if (phase === 'Failed') failed++;
  }
  return `${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed`;
}

/** describeReplicaSet. */
export function describeReplicaSet(ctx: Ctx, rs: ReplicaSet): string {
  const w = new PrefixWriter();
  const m = rs.metadata ?? {};
  w.write(0, `Name:\t${m.name}\n`);
  w.write(0, `Namespace:\t${m.namespace}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
  multiline(w, 'Labels', Object.entries(m.labels ?? {}), '=');
  multiline(w, 'Annotations', Object.entries(m.annotations ?? {}).filter(([k]) => k !== LAST_APPLIED), ': ');
  const owner = (m.ownerReferences ?? []).find((o) => o.controller);
  if (owner) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired\n`);
  w.write(0, `Pods Status:\t${podPhases(ctx, rs)}\n`);
  describePodTemplate(w, rs.spec?.template);
  conditionsTable(w, rs.status?.conditions);
  describeEvents(w, eventsFor(ctx, 'ReplicaSet', m.name ?? '', m.namespace, m.uid), ctx.io.nowMs());
  return w.toString();
}
