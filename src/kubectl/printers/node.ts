/** Node table rows. Mirrors pkg/printers/internalversion/printers.go: printNode, findNodeRoles. */
import type { Node } from 'kubernetes-types/core/v1';
import { ageSince } from '../duration.ts';

export const NODE_COLUMNS = ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'];
export const NODE_WIDE_COLUMNS = ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'];

const ROLE_PREFIX = 'node-role.kubernetes.io/';

/** Roles from `node-role.kubernetes.io/<role>` label keys and the `kubernetes.io/role` label, sorted. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX)) {
      const role = k.slice(ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort();
}

/** `Ready`, `NotReady`, `Unknown`, plus `,SchedulingDisabled`. */
export function nodeStatus(node: Node): string {
  const ready = (node.status?.conditions ?? []).find((c) => c.type === 'Ready');
  const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

function address(node: Node, type: string): string {
  return (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? '<none>';
}

export function nodeRow(node: Node, nowMs: number, wide: boolean): string[] {
  const info = node.status?.nodeInfo;
  const row = [
    node.metadata?.name ?? '',
    nodeStatus(node),
    nodeRoles(node).join(',') || '<none>',
    ageSince(node.metadata?.creationTimestamp, nowMs),
    info?.kubeletVersion ?? '',
  ];
  if (wide) {
    row.push(
      address(node, 'InternalIP'),
      address(node, 'ExternalIP'),
      info?.osImage || '<unknown>',
      info?.kernelVersion || '<unknown>',
      info?.containerRuntimeVersion || '<unknown>',
    );
  }
  return row;
}
