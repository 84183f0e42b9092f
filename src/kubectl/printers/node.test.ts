import { describe, expect, it } from 'vitest';
import type { Node } from 'kubernetes-types/core/v1';
import { nodeRow, nodeRoles, nodeStatus } from './node.ts';

const NOW = Date.parse('2026-01-01T01:00:00Z');

function node(labels: Record<string, string>, ready?: string, unschedulable = false): Node {
  return {
    metadata: { name: 'n1', labels, creationTimestamp: '2026-01-01T00:00:00Z' },
    spec: { unschedulable },
    status: {
      conditions: ready ? [{ type: 'Ready', status: ready }] : [],
      nodeInfo: { kubeletVersion: 'v1.34.1', osImage: '', kernelVersion: '', containerRuntimeVersion: 'containerd://2.1.0', architecture: 'amd64', bootID: '', machineID: '', operatingSystem: 'linux', systemUUID: '', kubeProxyVersion: '' },
      addresses: [{ type: 'InternalIP', address: '192.168.49.3' }],
    },
  };
}

describe('node printer (printNode)', () => {
  it('derives ROLES from node-role labels and kubernetes.io/role, sorted', () => {
    expect(nodeRoles(node({ 'node-role.kubernetes.io/worker': '', 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/role': 'gpu' }))).toEqual(['control-plane', 'gpu', 'worker']);
    expect(nodeRow(node({}, 'True'), NOW, false)[2]).toBe('<none>');
  });

  it('STATUS is Ready / NotReady / Unknown plus SchedulingDisabled', () => {
    expect(nodeStatus(node({}, 'True'))).toBe('Ready');
    expect(nodeStatus(node({}, 'False'))).toBe('NotReady');
    expect(nodeStatus(node({}, 'Unknown'))).toBe('NotReady');
    expect(nodeStatus(node({}))).toBe('Unknown');
    expect(nodeStatus(node({}, 'True', true))).toBe('Ready,SchedulingDisabled');
  });

  it('prints the wide columns with <none>/<unknown>', () => {
    expect(nodeRow(node({}, 'True'), NOW, true)).toEqual(['n1', 'Ready', '<none>', '60m', 'v1.34.1', '192.168.49.3', '<none>', '<unknown>', '<unknown>', 'containerd://2.1.0']);
  });
});
