/**
 * What a node card shows, derived from a v1 Node the way kubectl prints it
 * (pkg/printers/internalversion/printers.go: printNode, getNodeStatus / findNodeRoles).
 */
import type { KubeObject } from '../../protocol/types.ts';

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

interface NodeLike {
  metadata: KubeObject['metadata'];
  spec?: { taints?: Taint[]; unschedulable?: boolean; podCIDR?: string };
  status?: {
    capacity?: Record<string, string>;
    allocatable?: Record<string, string>;
    conditions?: { type: string; status: string; reason?: string; message?: string; lastHeartbeatTime?: string }[];
    addresses?: { type: string; address: string }[];
    nodeInfo?: { kubeletVersion?: string };
  };
}

/** `True` / `False` / `Unknown`, from the Ready condition (Unknown when absent). */
export function nodeReady(node: KubeObject): 'True' | 'False' | 'Unknown' {
  const c = (node as unknown as NodeLike).status?.conditions?.find((x) => x.type === 'Ready');
  return c?.status === 'True' ? 'True' : c?.status === 'False' ? 'False' : 'Unknown';
}

/** kubectl's STATUS column for nodes: `Ready`, `NotReady`, `Unknown`, plus `,SchedulingDisabled`. */
export function nodeStatusText(node: KubeObject): string {
  const r = nodeReady(node);
  const base = r === 'True' ? 'Ready' : r === 'False' ? 'NotReady' : 'Unknown';
  return (node as unknown as NodeLike).spec?.unschedulable ? `${base},SchedulingDisabled` : base;
}

/** kubectl's ROLES column: `node-role.kubernetes.io/<role>` and `kubernetes.io/role` labels, else `<none>`. */
export function nodeRoles(node: KubeObject): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) {
      roles.add(v);
    }
  }
  return roles.size ? [...roles].sort().join(',') : '<none>';
}

/** `key=value:Effect` or `key:Effect`, as kubectl describe node prints taints. */
export function taintText(t: Taint): string {
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

export function nodeTaints(node: KubeObject): Taint[] {
  return (node as unknown as NodeLike).spec?.taints ?? [];
}

export function nodeResources(node: KubeObject): { capacity: Record<string, string>; allocatable: Record<string, string> } {
  const st = (node as unknown as NodeLike).status;
  return { capacity: st?.capacity ?? {}, allocatable: st?.allocatable ?? st?.capacity ?? {} };
}

export function nodeConditions(node: KubeObject) {
  return (node as unknown as NodeLike).status?.conditions ?? [];
}

export function nodeInternalIP(node: KubeObject): string | undefined {
  return (node as unknown as NodeLike).status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
}

/** Colour class of a pod chip: by phase, with kubectl STATUS values that mean trouble in red. */
export function podTone(phase: string | undefined, status: string): 'running' | 'pending' | 'succeeded' | 'failed' | 'terminating' | 'warning' {
  if (status === 'Terminating') return 'terminating';
  if (/BackOff|Err|Error|OOMKilled|Failed|Invalid|ExitCode|Signal|Unknown|Evicted/.test(status)) return 'warning';
  switch (phase) {
    case 'Running':
      return status === 'Running' ? 'running' : 'pending';
    case 'Succeeded':
      return 'succeeded';
    case 'Failed':
      return 'failed';
    default:
      return 'pending';
  }
}

/** Labels every kubelet (or kubeadm) sets: hidden on cards until expanded. */
export function standardLabel(key: string): boolean {
  return (
    key === 'kubernetes.io/hostname' ||
    key === 'kubernetes.io/os' ||
    key === 'kubernetes.io/arch' ||
    key.startsWith('beta.kubernetes.io/') ||
    key.startsWith('node-role.kubernetes.io/') ||
    key.startsWith('node.kubernetes.io/')
  );
}
