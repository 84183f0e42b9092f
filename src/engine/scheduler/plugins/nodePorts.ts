/**
 * Mirrors pkg/scheduler/framework/plugins/nodeports/node_ports.go and framework HostPortInfo
 * (CheckConflict): a hostPort is taken per (hostIP, protocol, port); 0.0.0.0 (the default)
 * conflicts with every address.
 */
import { SKIP, type FilterPlugin, type FilterStatus } from '../framework.ts';
import type { NodeInfo } from '../nodeInfo.ts';
import type { V1Pod } from '../types.ts';

const NAME = 'NodePorts';
export const ErrReasonNodePorts = "node(s) didn't have free ports for the requested pod ports";
const REJECT: FilterStatus = { code: 'Unschedulable', reasons: [ErrReasonNodePorts], plugin: NAME };
const ANY_IP = '0.0.0.0';

export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

/** GetHostPorts: hostPorts of the containers and the restartable init (sidecar) containers. */
export function hostPorts(pod: V1Pod): HostPort[] {
  const out: HostPort[] = [];
  const add = (cs: { ports?: { hostPort?: number; hostIP?: string; protocol?: string }[] }[] | undefined) => {
    for (const c of cs ?? []) {
      for (const p of c.ports ?? []) {
        if (!p.hostPort || p.hostPort <= 0) continue;
        out.push({ ip: p.hostIP || ANY_IP, protocol: p.protocol || 'TCP', port: p.hostPort });
      }
    }
  };
  add(pod.spec?.containers);
  add((pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always'));
  return out;
}

/** HostPortInfo.CheckConflict. */
export function portsConflict(want: HostPort, used: readonly HostPort[]): boolean {
  for (const u of used) {
    if (u.port !== want.port || u.protocol !== want.protocol) continue;
    if (want.ip === ANY_IP || u.ip === ANY_IP || u.ip === want.ip) return true;
  }
  return false;
}

function usedPorts(node: NodeInfo): HostPort[] {
  const used: HostPort[] = [];
  for (const p of node.pods.values()) for (const hp of hostPorts(p)) used.push(hp);
  return used;
}

export const NodePorts: FilterPlugin = {
  name: NAME,
  preFilter(pod) {
    const spec = pod.pod.spec;
    if (!spec?.initContainers?.length && !spec?.containers?.some((c) => c.ports?.length)) return SKIP;
    const ports = hostPorts(pod.pod);
    if (ports.length === 0) return SKIP;
    pod.state.set(NAME, ports);
    return null;
  },
  filter(pod, node) {
    const want = (pod.state.get(NAME) as HostPort[] | undefined) ?? hostPorts(pod.pod);
    if (want.length === 0 || node.pods.size === 0) return null;
    const used = usedPorts(node);
    for (const w of want) if (portsConflict(w, used)) return REJECT;
    return null;
  },
};
