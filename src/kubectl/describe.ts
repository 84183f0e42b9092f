/**
 * `kubectl describe pod|node NAME`. Mirrors k8s.io/kubectl/pkg/describe/describe.go:
 * describePod, describeContainers, DescribeEvents, describeNode (v1.34: no fieldPath prefix on
 * event messages), laid out by a tabwriter with minwidth 0 and padding 2.
 */
import type { Container, ContainerState, ContainerStatus, Event, Node, Pod, Toleration, Volume } from 'kubernetes-types/core/v1';
import type { Ctx } from './context.ts';
import { send } from './context.ts';
import { ageSince } from './duration.ts';
import { statusOf } from './errors.ts';
import { nodeRoles } from './printers/node.ts';
import { describeNodeResources } from './describeNode.ts';
import { byName, pathFor } from './resources.ts';
import { tabformat } from './tabwriter.ts';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z in UTC: `Mon, 02 Jan 2006 15:04:05 +0000`. */
export function rfc1123z(ts: string | undefined): string {
  const d = new Date(ts ?? 0);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** PrefixWriter: lines with 2-space levels, tab-separated cells. */
export class PrefixWriter {
  buf = '';
  write(level: number, s: string): void {
    this.buf += '  '.repeat(level) + s;
  }
  toString(): string {
    return tabformat(this.buf, 0, 2);
  }
}

export function multiline(w: PrefixWriter, title: string, entries: [string, string][], sep: string): void {
  w.write(0, `${title}:\t`);
  if (entries.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  entries.forEach(([k, v], i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${k}${sep}${v}\n`);
  });
}

function tolerations(w: PrefixWriter, title: string, ts: Toleration[]): void {
  w.write(0, `${title}:\t`);
  if (ts.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  ts.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
    w.write(0, s + '\n');
  });
}

function state(w: PrefixWriter, name: string, s: ContainerState | undefined): void {
  if (s?.running) {
    w.write(2, `${name}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(s.running.startedAt)}\n`);
  } else if (s?.terminated) {
    const t = s.terminated;
    w.write(2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(3, `Message:\t${t.message}\n`);
    w.write(3, `Exit Code:\t${t.exitCode}\n`);
    if (t.signal) w.write(3, `Signal:\t${t.signal}\n`);
    w.write(3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(2, `${name}:\tWaiting\n`);
    if (s?.waiting?.reason) w.write(3, `Reason:\t${s.waiting.reason}\n`);
  }
}

function containers(w: PrefixWriter, label: string, cs: Container[], statuses: ContainerStatus[]): void {
  w.write(0, `${label}:\n`);
  for (const c of cs) {
    const st = statuses.find((s) => s.name === c.name);
    w.write(1, `${c.name}:\n`);
    if (st) w.write(2, `Container ID:\t${st.containerID ?? ''}\n`);
    w.write(2, `Image:\t${c.image ?? ''}\n`);
    if (st) w.write(2, `Image ID:\t${st.imageID ?? ''}\n`);
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');
    w.write(2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`);
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ');
    w.write(2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`);
    if (c.command?.length) {
      w.write(2, 'Command:\n');
      for (const a of c.command) w.write(3, `${a}\n`);
    }
    if (c.args?.length) {
      w.write(2, 'Args:\n');
      for (const a of c.args) w.write(3, `${a}\n`);
    }
    if (st) {
      state(w, 'State', st.state);
      if (st.lastState?.terminated) state(w, 'Last State', st.lastState);
      w.write(2, `Ready:\t${st.ready ? 'True' : 'False'}\n`);
      w.write(2, `Restart Count:\t${st.restartCount ?? 0}\n`);
    }
    for (const [title, m] of [['Limits', c.resources?.limits], ['Requests', c.resources?.requests]] as const) {
      if (!m || Object.keys(m).length === 0) continue;
      w.write(2, `${title}:\n`);
      for (const k of Object.keys(m).sort()) w.write(3, `${k}:\t${m[k]}\n`);
    }
    const env = c.env ?? [];
    if (env.length === 0) w.write(2, 'Environment:\t<none>\n');
    else {
      w.write(2, 'Environment:\n');
      for (const e of env) {
        if (e.valueFrom?.configMapKeyRef) {
          const r = e.valueFrom.configMapKeyRef;
          w.write(3, `${e.name}:\t<set to the key '${r.key}' of config map '${r.name}'>\tOptional: ${r.optional ? 'true' : 'false'}\n`);
        } else if (e.valueFrom?.secretKeyRef) {
          const r = e.valueFrom.secretKeyRef;
          w.write(3, `${e.name}:\t<set to the key '${r.key}' in secret '${r.name}'>\tOptional: ${r.optional ? 'true' : 'false'}\n`);
        } else if (e.valueFrom?.fieldRef) {
          w.write(3, `${e.name}:\t (${e.valueFrom.fieldRef.apiVersion ?? 'v1'}:${e.valueFrom.fieldRef.fieldPath})\n`);
        } else w.write(3, `${e.name}:\t${e.value ?? ''}\n`);
      }
    }
    const mounts = c.volumeMounts ?? [];
    if (mounts.length === 0) w.write(2, 'Mounts:\t<none>\n');
    else {
      w.write(2, 'Mounts:\n');
      for (const m of mounts) w.write(3, `${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'})\n`);
    }
  }
}

const optional = (b: boolean | undefined) => (b === undefined ? '<nil>' : String(b));

/** describeVolumes: the sources this simulator creates (describe.go print*VolumeSource). */
function describeVolume(w: PrefixWriter, v: Volume): void {
  if (v.projected) {
    w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
    for (const src of v.projected.sources ?? []) {
      if (src.secret) w.write(2, `SecretName:\t${src.secret.name}\n    SecretOptionalName:\t${optional(src.secret.optional)}\n`);
      else if (src.downwardAPI) w.write(2, 'DownwardAPI:\ttrue\n');
      else if (src.configMap) w.write(2, `ConfigMapName:\t${src.configMap.name}\n    ConfigMapOptional:\t${optional(src.configMap.optional)}\n`);
      else if (src.serviceAccountToken) w.write(2, `TokenExpirationSeconds:\t${src.serviceAccountToken.expirationSeconds ?? 3600}\n`);
    }
  } else if (v.configMap) {
    w.write(2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name}\n    Optional:\t${optional(v.configMap.optional)}\n`);
  } else if (v.secret) {
    w.write(2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName}\n    Optional:\t${v.secret.optional === true}\n`);
  } else if (v.emptyDir) {
    w.write(2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${v.emptyDir.sizeLimit ?? '<unset>'}\n`);
  } else {
    w.write(2, `<unknown>\n`);
  }
}

/** DescribeEvents: sorted by lastTimestamp, `Age` with `(xN over …)` for repeats. */
export function describeEvents(w: PrefixWriter, events: Event[], nowMs: number): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  const last = (e: Event) => Date.parse(e.lastTimestamp ?? e.series?.lastObservedTime ?? e.eventTime ?? e.firstTimestamp ?? '') || 0;
  const sorted = events.map((e, i) => [e, i] as const).sort((a, b) => last(a[0]) - last(b[0]) || a[1] - b[1]);
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const [e] of sorted) {
    const first = e.eventTime ? ageSince(e.eventTime, nowMs) : ageSince(e.firstTimestamp, nowMs);
    let interval = first;
    if (e.series) interval = `${ageSince(e.series.lastObservedTime, nowMs)} (x${e.series.count} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${ageSince(e.lastTimestamp, nowMs)} (x${e.count} over ${first})`;
    const from = e.source?.component || e.reportingComponent || '';
    w.write(1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${from}\t${(e.message ?? '').trim()}\n`);
  }
}

function eventsFor(ctx: Ctx, kind: string, name: string, namespace: string | undefined, uid: string | undefined): Event[] {
  const fs = [`involvedObject.kind=${kind}`, `involvedObject.name=${name}`];
  if (namespace) fs.push(`involvedObject.namespace=${namespace}`);
  if (uid) fs.push(`involvedObject.uid=${uid}`);
  const path = namespace ? `/api/v1/namespaces/${namespace}/events` : '/api/v1/events';
  const r = send(ctx, { verb: 'GET', path, query: { fieldSelector: fs.join(',') } });
  if (r.code !== 200) return [];
  const items = ((r.body as { items?: Event[] }).items ?? []) as Event[];
  return items.filter((e) => e.involvedObject.name === name && e.involvedObject.kind === kind && (!uid || !e.involvedObject.uid || e.involvedObject.uid === uid));
}

function describePod(ctx: Ctx, pod: Pod): string {
  const w = new PrefixWriter();
  const now = ctx.io.nowMs();
  const m = pod.metadata ?? {};
  const spec = pod.spec ?? { containers: [] };
  const st = pod.status ?? {};
  w.write(0, `Name:\t${m.name}\n`);
  w.write(0, `Namespace:\t${m.namespace}\n`);
  if (spec.priority !== undefined) w.write(0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.runtimeClassName) w.write(0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(0, spec.nodeName ? `Node:\t${spec.nodeName}/${st.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (st.startTime) w.write(0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
  multiline(w, 'Labels', Object.entries(m.labels ?? {}), '=');
  multiline(w, 'Annotations', Object.entries(m.annotations ?? {}).filter(([k]) => k !== LAST_APPLIED), ': ');
  if (m.deletionTimestamp && st.phase !== 'Failed' && st.phase !== 'Succeeded') {
    w.write(0, `Status:\tTerminating (lasts ${ageSince(m.deletionTimestamp, now)})\n`);
    w.write(0, `Termination Grace Period:\t${m.deletionGracePeriodSeconds ?? 0}s\n`);
  } else w.write(0, `Status:\t${st.phase ?? ''}\n`);
  if (st.reason) w.write(0, `Reason:\t${st.reason}\n`);
  if (st.message) w.write(0, `Message:\t${st.message}\n`);
  w.write(0, `IP:\t${st.podIP ?? ''}\n`);
  if (!st.podIPs?.length) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of st.podIPs) w.write(1, `IP:\t${ip.ip}\n`);
  }
  const owner = (m.ownerReferences ?? []).find((o) => o.controller);
  if (owner) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  if (st.nominatedNodeName) w.write(0, `NominatedNodeName:\t${st.nominatedNodeName}\n`);
  if (spec.initContainers?.length) containers(w, 'Init Containers', spec.initContainers, st.initContainerStatuses ?? []);
  containers(w, 'Containers', spec.containers ?? [], st.containerStatuses ?? []);
  if (spec.readinessGates?.length) {
    w.write(0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of spec.readinessGates) {
      const c = (st.conditions ?? []).find((x) => x.type === g.conditionType);
      w.write(1, `${g.conditionType} \t${c?.status ?? '<none>'} \n`);
    }
  }
  if (st.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of st.conditions) w.write(1, `${c.type} \t${c.status} \n`);
  }
  const vols = spec.volumes ?? [];
  if (vols.length === 0) w.write(0, 'Volumes:\t<none>\n');
  else {
    w.write(0, 'Volumes:\n');
    for (const v of vols) {
      w.write(1, `${v.name}:\n`);
      describeVolume(w, v);
    }
  }
  w.write(0, `QoS Class:\t${st.qosClass ?? ''}\n`);
  multiline(w, 'Node-Selectors', Object.entries(spec.nodeSelector ?? {}), '=');
  tolerations(w, 'Tolerations', spec.tolerations ?? []);
  describeEvents(w, eventsFor(ctx, 'Pod', m.name ?? '', m.namespace, m.uid), now);
  return w.toString();
}

function describeNode(ctx: Ctx, node: Node): string {
  const w = new PrefixWriter();
  const now = ctx.io.nowMs();
  const m = node.metadata ?? {};
  w.write(0, `Name:\t${m.name}\n`);
  w.write(0, `Roles:\t${nodeRoles(node).join(',') || '<none>'}\n`);
  multiline(w, 'Labels', Object.entries(m.labels ?? {}), '=');
  multiline(w, 'Annotations', Object.entries(m.annotations ?? {}).filter(([k]) => k !== LAST_APPLIED), ': ');
  w.write(0, `CreationTimestamp:\t${rfc1123z(m.creationTimestamp)}\n`);
  const taints = node.spec?.taints ?? [];
  w.write(0, 'Taints:\t');
  if (taints.length === 0) w.write(0, '<none>\n');
  taints.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}\n`);
  });
  w.write(0, `Unschedulable:\t${node.spec?.unschedulable ? 'true' : 'false'}\n`);
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
