/** `kubectl describe pod`. Mirrors kubectl pkg/describe/describe.go: describePod, describeContainers, describeVolumes. */
import type { Container, ContainerState, ContainerStatus, Pod, Probe, Volume } from 'kubernetes-types/core/v1';
import type { Ctx } from './context.ts';
import { ageSince } from './duration.ts';
import { describeEvents, eventsFor, LAST_APPLIED, multiline, PrefixWriter, rfc1123z, tolerations } from './describeCommon.ts';

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

/** DescribeProbe: `http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const h = p.httpGet;
    const port = String(h.port ?? '');
    const host = h.host ?? '';
    // net.JoinHostPort brackets IPv6 hosts; url.URL.String() adds the path as given.
    const hostPort = port ? `${host.includes(':') ? `[${host}]` : host}:${port}` : host;
    return `http-get ${(h.scheme ?? 'HTTP').toLowerCase()}://${hostPort}${h.path ?? ''} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${String(p.tcpSocket.port ?? '')} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

/** describeContainers; `space` is the indent of a pod template ("  ") or of a pod (""). */
export function containers(w: PrefixWriter, label: string, cs: Container[], statuses: ContainerStatus[], space = ''): void {
  w.write(0, `${space}${label}:${cs.length === 0 ? ' <none>' : ''}\n`);
  for (const c of cs) {
    const st = statuses.find((s) => s.name === c.name);
    w.write(1, `${space ? ' ' : ''}${c.name}:\n`);
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
    if (c.livenessProbe) w.write(2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
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
export function describeVolume(w: PrefixWriter, v: Volume): void {
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

export function describePod(ctx: Ctx, pod: Pod): string {
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

