import { describe, expect, it } from 'vitest';
import { deploymentRow, formatLabelSelector, replicaSetRow } from './workloads.ts';
import { serviceRow } from './network.ts';

const NOW = Date.parse('2026-01-01T00:05:00Z');
const meta = { name: 'web', creationTimestamp: '2026-01-01T00:00:00Z' };

describe('service (network.ts), deployment and replicaset printers', () => {
  it('prints services with EXTERNAL-IP and PORT(S) as printService does', () => {
    expect(serviceRow({ metadata: { name: 'kubernetes', creationTimestamp: meta.creationTimestamp }, spec: { type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ port: 443, protocol: 'TCP' }] } }, NOW, false)).toEqual([
      'kubernetes', 'ClusterIP', '10.96.0.1', '<none>', '443/TCP', '5m',
    ]);
    expect(serviceRow({ metadata: meta, spec: { type: 'NodePort', clusterIP: '10.96.3.4', clusterIPs: ['10.96.3.4'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }], selector: { app: 'web' } } }, NOW, true)).toEqual([
      'web', 'NodePort', '10.96.3.4', '<none>', '80:30080/TCP', '5m', 'app=web',
    ]);
    expect(serviceRow({ metadata: meta, spec: { type: 'LoadBalancer', clusterIP: '10.96.3.5', clusterIPs: ['10.96.3.5'], ports: [{ port: 80, nodePort: 31000, protocol: 'TCP' }] } }, NOW, false)[3]).toBe('<pending>');
  });

  it('prints deployments and replicasets with READY and selectors', () => {
    const template = { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }, { name: 'side', image: 'envoy' }] } };
    const selector = { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['b', 'a'] }] };
    expect(deploymentRow({ metadata: meta, spec: { replicas: 3, selector, template }, status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 } }, NOW, true)).toEqual([
      'web', '2/3', '3', '2', '5m', 'nginx,side', 'nginx:1.27,envoy', 'app=web,tier in (a,b)',
    ]);
    expect(replicaSetRow({ metadata: meta, spec: { replicas: 3, selector, template }, status: { replicas: 3, readyReplicas: 1 } }, NOW, false)).toEqual(['web', '3', '3', '1', '5m']);
    expect(formatLabelSelector({})).toBe('<none>');
  });
});
