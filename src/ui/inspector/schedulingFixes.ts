/**
 * "What would fix it?" for a Pending pod, derived from kube-scheduler's filter reasons (the
 * FailedScheduling histogram) and the cluster the UI holds. Pure: the Scheduling tab translates
 * each {@link Fix} and shows its command or YAML. Reason strings are the upstream ones
 * (pkg/scheduler/framework/plugins/*: TaintToleration, NodeResourcesFit, NodeAffinity, …).
 */
import type { KubeObject, SchedulingExplanation } from '../../protocol/types.ts';
import type { ReasonCount } from '../../store/index.ts';

export type Fix =
  /** Tolerate a taint (`yaml` is the snippet for spec.tolerations); `alsoShort`: what else that node lacks. */
  | { kind: 'toleration'; key: string; value: string; effect: string; nodes: string[]; yaml: string; controlPlane: boolean; alsoShort: string[] }
  /** Lower the request (largest free amount on any node, if known), or add a node. */
  | { kind: 'lowerRequest'; resource: string; request: string; largestFree?: string; node?: string; addNode: string }
  | { kind: 'tooManyPods'; addNode: string }
  /** A nodeSelector label no node has. */
  | { kind: 'labelNode'; label: string; command: string }
  | { kind: 'nodeAffinity' }
  | { kind: 'uncordon'; nodes: string[]; commands: string[] }
  | { kind: 'hostPorts'; ports: string }
  | { kind: 'podAffinity' }
  | { kind: 'podAntiAffinity' }
  | { kind: 'existingAntiAffinity' }
  | { kind: 'topologySpread' }
  | { kind: 'nodeName'; nodeName: string }
  | { kind: 'noNodes'; addNode: string }
  /** A reason this list does not know: shown verbatim. */
  | { kind: 'other'; reason: string };

interface Container { resources?: { requests?: Record<string, string> }; ports?: { hostPort?: number; protocol?: string }[] }
interface PodLike {
  metadata: KubeObject['metadata'];
  spec?: { nodeName?: string; nodeSelector?: Record<string, string>; containers?: Container[]; initContainers?: Container[]; overhead?: Record<string, string> };
  status?: { phase?: string };
}
interface NodeLike {
  metadata: KubeObject['metadata'];
  spec?: { taints?: { key: string; value?: string; effect: string }[] };
  status?: { allocatable?: Record<string, string>; capacity?: Record<string, string> };
}

const SUFFIX: Record<string, number> = {
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
};

/** A resource quantity in base units (cores for cpu, bytes for memory); NaN when unreadable. */
export function parseQuantity(q: string | number | undefined): number {
  if (q === undefined) return 0;
  if (typeof q === 'number') return q;
  const m = /^([+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|K|M|G|T|P|E)?$/.exec(q.trim());
  if (!m) return Number.NaN;
  return Number(m[1]) * SUFFIX[m[2] ?? '']!;
}

/** A quantity as kubectl would print it: `1900m`, `2`, `512Mi`, `3Gi`. */
export function formatQuantity(resource: string, v: number): string {
  if (resource === 'cpu') {
    const milli = Math.round(v * 1000);
    return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
  }
  if (resource === 'memory' || resource === 'ephemeral-storage') {
    if (v >= 2 ** 30 && v % 2 ** 30 === 0) return `${v / 2 ** 30}Gi`;
    if (v >= 2 ** 20) return `${Math.floor(v / 2 ** 20)}Mi`;
    if (v >= 2 ** 10) return `${Math.floor(v / 2 ** 10)}Ki`;
  }
  return String(Math.round(v));
}

/** The pod's effective request for `resource`: max(sum of containers, largest init container) + overhead. */
export function podRequest(pod: KubeObject, resource: string): number {
  const spec = (pod as PodLike).spec;
  const req = (c: Container) => parseQuantity(c.resources?.requests?.[resource]) || 0;
  const sum = (spec?.containers ?? []).reduce((a, c) => a + req(c), 0);
  const init = Math.max(0, ...(spec?.initContainers ?? []).map(req));
  return Math.max(sum, init) + (parseQuantity(spec?.overhead?.[resource]) || 0);
}

/** Requests of non-terminal pods per node and resource (`pods` counts them): one pass over the pods. */
export type Usage = Map<string, Map<string, number>>;

export function nodeUsage(pods: readonly KubeObject[], resources: readonly string[]): Usage {
  const usage: Usage = new Map();
  for (const p of pods) {
    const pl = p as PodLike;
    const node = pl.spec?.nodeName;
    if (!node || pl.status?.phase === 'Succeeded' || pl.status?.phase === 'Failed') continue;
    let m = usage.get(node);
    if (!m) usage.set(node, (m = new Map()));
    for (const r of resources) m.set(r, (m.get(r) ?? 0) + (r === 'pods' ? 1 : podRequest(p, r)));
  }
  return usage;
}

/** Allocatable minus the requests of the node's non-terminal pods. */
export function freeOn(node: KubeObject, usage: Usage, resource: string): number {
  const st = (node as NodeLike).status;
  const alloc = parseQuantity((st?.allocatable ?? st?.capacity ?? {})[resource]);
  return (Number.isNaN(alloc) ? 0 : alloc) - (usage.get(node.metadata.name)?.get(resource) ?? 0);
}

const TAINT_RE = /untolerated taint \{(.*): (.*)\}$/;
const INSUFFICIENT_RE = /^Insufficient (.+)$/;

/** The `sim node add` line for a new worker big enough for the pod. */
function addNodeLine(pod: KubeObject, nodes: readonly KubeObject[]): string {
  const names = new Set(nodes.map((n) => n.metadata.name));
  let i = nodes.length;
  while (names.has(`worker-${i}`)) i++;
  const cpu = Math.max(2, Math.ceil(podRequest(pod, 'cpu')));
  const memGi = Math.max(4, Math.ceil(podRequest(pod, 'memory') / 2 ** 30));
  return `sim node add worker-${i} --cpu ${cpu} --memory ${memGi}Gi`;
}

/** The toleration YAML for spec.tolerations (Exists when the taint has no value). */
export function tolerationYaml(key: string, value: string, effect: string): string {
  const lines = ['tolerations:', `- key: ${key}`];
  if (value) lines.push('  operator: Equal', `  value: ${JSON.stringify(value)}`);
  else lines.push('  operator: Exists');
  lines.push(`  effect: ${effect}`);
  return lines.join('\n');
}

/**
 * What would let the pod schedule, one {@link Fix} per reason in the histogram (most frequent
 * first), from the attempt's rows (which node said what) and the cluster's nodes and pods.
 */
export function fixSuggestions(
  e: SchedulingExplanation,
  histogram: readonly ReasonCount[],
  pod: KubeObject | undefined,
  nodes: readonly KubeObject[],
  pods: readonly KubeObject[],
): Fix[] {
  const p = pod ?? ({ metadata: { name: e.pod.split('/')[1] ?? e.pod } } as KubeObject);
  const spec = (p as PodLike).spec;
  const nodeByName = new Map(nodes.map((n) => [n.metadata.name, n]));
  const resources = ['cpu', 'memory', 'pods', ...histogram.flatMap((h) => INSUFFICIENT_RE.exec(h.reason)?.[1] ?? [])];
  const usage = nodeUsage(pods, [...new Set(resources)]);
  const nodesWith = (reason: string) => e.filtered.filter((f) => f.reasons.includes(reason)).map((f) => f.node);
  const fixes: Fix[] = [];
  const seen = new Set<string>();
  const push = (id: string, fix: Fix) => {
    if (!seen.has(id)) {
      seen.add(id);
      fixes.push(fix);
    }
  };
  if (e.numAllNodes === 0 || /no nodes available/.test(e.message ?? '')) push('noNodes', { kind: 'noNodes', addNode: addNodeLine(p, nodes) });
  const ordered = [...histogram].sort((a, b) => b.count - a.count);
  for (const { reason } of ordered) {
    const taint = TAINT_RE.exec(reason);
    const insufficient = INSUFFICIENT_RE.exec(reason);
    if (taint) {
      const [, key, value] = taint as unknown as [string, string, string];
      const on = nodesWith(reason);
      const t = on.map((n) => (nodeByName.get(n) as NodeLike | undefined)?.spec?.taints?.find((x) => x.key === key)).find(Boolean);
      const effect = t?.effect ?? 'NoSchedule';
      const alsoShort = ['cpu', 'memory'].filter((r) => on.length > 0 && on.every((n) => {
        const node = nodeByName.get(n);
        return node !== undefined && podRequest(p, r) > freeOn(node, usage, r);
      }));
      push(`taint:${key}=${value}`, {
        kind: 'toleration', key, value, effect, nodes: on, yaml: tolerationYaml(key, value, effect),
        controlPlane: key === 'node-role.kubernetes.io/control-plane' || key === 'node-role.kubernetes.io/master', alsoShort,
      });
    } else if (insufficient) {
      const resource = insufficient[1]!;
      const candidates = nodesWith(reason).map((n) => nodeByName.get(n)).filter((n): n is KubeObject => !!n);
      let best: { node: string; free: number } | undefined;
      for (const n of candidates.length ? candidates : nodes) {
        const free = freeOn(n, usage, resource);
        if (!best || free > best.free) best = { node: n.metadata.name, free };
      }
      push(`res:${resource}`, {
        kind: 'lowerRequest', resource, request: formatQuantity(resource, podRequest(p, resource)),
        ...(best ? { largestFree: formatQuantity(resource, Math.max(0, best.free)), node: best.node } : {}),
        addNode: addNodeLine(p, nodes),
      });
    } else if (reason === 'Too many pods') {
      push('pods', { kind: 'tooManyPods', addNode: addNodeLine(p, nodes) });
    } else if (reason === "node(s) didn't match Pod's node affinity/selector") {
      const missing = Object.entries(spec?.nodeSelector ?? {}).filter(([k, v]) => !nodes.some((n) => n.metadata.labels?.[k] === v));
      const target = nodes.find((n) => !(n as NodeLike).spec?.taints?.length)?.metadata.name ?? nodes[0]?.metadata.name ?? 'NODE';
      for (const [k, v] of missing) push(`label:${k}=${v}`, { kind: 'labelNode', label: `${k}=${v}`, command: `kubectl label node ${target} ${k}=${v}` });
      if (missing.length === 0) push('affinity', { kind: 'nodeAffinity' });
    } else if (reason === 'node(s) were unschedulable') {
      const on = nodesWith(reason);
      push('uncordon', { kind: 'uncordon', nodes: on, commands: (on.length ? on : ['NODE']).map((n) => `kubectl uncordon ${n}`) });
    } else if (reason === "node(s) didn't have free ports for the requested pod ports") {
      const ports = (spec?.containers ?? []).flatMap((c) => c.ports ?? []).filter((x) => x.hostPort).map((x) => `${x.hostPort}/${x.protocol ?? 'TCP'}`);
      push('ports', { kind: 'hostPorts', ports: ports.join(', ') });
    } else if (reason === "node(s) didn't match pod affinity rules") {
      push('podAffinity', { kind: 'podAffinity' });
    } else if (reason === "node(s) didn't match pod anti-affinity rules") {
      push('podAntiAffinity', { kind: 'podAntiAffinity' });
    } else if (reason === "node(s) didn't satisfy existing pods anti-affinity rules") {
      push('existingAntiAffinity', { kind: 'existingAntiAffinity' });
    } else if (reason.startsWith("node(s) didn't match pod topology spread constraints")) {
      push('spread', { kind: 'topologySpread' });
    } else if (reason === "node(s) didn't match the requested node name") {
      push('nodeName', { kind: 'nodeName', nodeName: spec?.nodeName ?? '' });
    } else {
      push(`other:${reason}`, { kind: 'other', reason });
    }
  }
  return fixes;
}

/** A filter reason without the histogram's `node(s) had ` lead-in, as a node card shows it. */
export function shortReason(reason: string): string {
  return reason.replace(/^node\(s\) (had |were |)/, '');
}
