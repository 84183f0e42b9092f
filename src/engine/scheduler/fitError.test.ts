import { describe, expect, it } from 'vitest';
import { fitErrorMessage, preemptionMessage, reasonsHistogram, type NodeStatus } from './fitError.ts';
import { NodeInfo } from './nodeInfo.ts';
import type { V1Node } from './types.ts';

const taint = (node: string): NodeStatus => ({
  node, status: { code: 'UnschedulableAndUnresolvable', plugin: 'TaintToleration', reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'] },
});
const cpu = (node: string): NodeStatus => ({ node, status: { code: 'Unschedulable', plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'] } });

describe('FitError.Error()', () => {
  it('sorts the histogram as strings ("1 node(s)…" before "3 Insufficient…", "10" before "2")', () => {
    const statuses = [taint('control-plane'), cpu('worker-1'), cpu('worker-2'), cpu('worker-3')];
    const post = preemptionMessage({ priority: 0 }, statuses, () => undefined);
    expect(fitErrorMessage(4, statuses, post)).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. ' +
        'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    );
    const many = Array.from({ length: 10 }, (_, i) => cpu(`w${i}`)).concat([taint('a'), taint('b')]);
    expect(reasonsHistogram(many)).toBe('10 Insufficient cpu, 2 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }');
  });

  it('counts every reason of a node (cpu and memory both insufficient)', () => {
    const s: NodeStatus[] = [{ node: 'w', status: { code: 'Unschedulable', plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu', 'Insufficient memory'] } }];
    expect(fitErrorMessage(1, s, preemptionMessage({ priority: 0 }, s, () => undefined))).toBe(
      '0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    );
  });

  it('says "not eligible" for preemptionPolicy Never and nothing when victims exist', () => {
    expect(preemptionMessage({ priority: 0, preemptionPolicy: 'Never' }, [cpu('w')], () => undefined)).toBe(
      'preemption: not eligible due to preemptionPolicy=Never.',
    );
    const ni = new NodeInfo({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'w' }, status: { allocatable: {} } } as V1Node);
    ni.addPod({ requested: { milliCPU: 1, memory: 0, ephemeralStorage: 0 }, nonZero: { milliCPU: 1, memory: 0, ephemeralStorage: 0 }, priority: 0 });
    expect(preemptionMessage({ priority: 1000 }, [cpu('w')], () => ni)).toBe('');
  });
});
