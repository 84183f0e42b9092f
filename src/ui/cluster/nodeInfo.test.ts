import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../protocol/types.ts';
import { nodeReady, nodeRoles, nodeStatusText, podTone, taintText } from './nodeInfo.ts';

const node = (extra: Partial<KubeObject> & { labels?: Record<string, string> }): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'control-plane', labels: extra.labels },
  ...extra,
});

describe('node helpers', () => {
  it('prints roles like kubectl get nodes', () => {
    expect(nodeRoles(node({ labels: { 'node-role.kubernetes.io/control-plane': '' } }))).toBe('control-plane');
    expect(nodeRoles(node({ labels: { 'kubernetes.io/hostname': 'worker-1' } }))).toBe('<none>');
  });
  it('derives Ready from the Ready condition', () => {
    const n = node({ spec: { unschedulable: true }, status: { conditions: [{ type: 'Ready', status: 'False' }] } });
    expect(nodeReady(n)).toBe('False');
    expect(nodeStatusText(n)).toBe('NotReady,SchedulingDisabled');
    expect(nodeReady(node({}))).toBe('Unknown');
  });
  it('formats taints as key[=value]:Effect', () => {
    expect(taintText({ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' })).toBe('node-role.kubernetes.io/control-plane:NoSchedule');
    expect(taintText({ key: 'gpu', value: 'true', effect: 'NoExecute' })).toBe('gpu=true:NoExecute');
  });
  it('colours pods by phase, errors in red', () => {
    expect(podTone('Running', 'Running')).toBe('running');
    expect(podTone('Pending', 'ContainerCreating')).toBe('pending');
    expect(podTone('Running', 'CrashLoopBackOff')).toBe('warning');
    expect(podTone('Pending', 'ErrImagePull')).toBe('warning');
    expect(podTone('Running', 'Terminating')).toBe('terminating');
  });
});
