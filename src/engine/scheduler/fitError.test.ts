import { describe, expect, it } from 'vitest';
import { fitErrorMessage, reasonsHistogram, type NodeStatus } from './fitError.ts';

const taint = (node: string): NodeStatus => ({
  node, status: { code: 'UnschedulableAndUnresolvable', plugin: 'TaintToleration', reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'] },
});
const cpu = (node: string): NodeStatus => ({ node, status: { code: 'Unschedulable', plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'] } });

describe('FitError.Error()', () => {
  it('sorts the histogram as strings ("1 node(s)…" before "3 Insufficient…", "10" before "2")', () => {
    const statuses = [taint('control-plane'), cpu('worker-1'), cpu('worker-2'), cpu('worker-3')];
    const post = 'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.';
    expect(fitErrorMessage(4, statuses, post)).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. ' +
        'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    );
    const many = Array.from({ length: 10 }, (_, i) => cpu(`w${i}`)).concat([taint('a'), taint('b')]);
    expect(reasonsHistogram(many)).toBe('10 Insufficient cpu, 2 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }');
  });

  it('counts every reason of a node (cpu and memory both insufficient)', () => {
    const s: NodeStatus[] = [{ node: 'w', status: { code: 'Unschedulable', plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu', 'Insufficient memory'] } }];
    expect(fitErrorMessage(1, s)).toBe('0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory.');
  });

  it('puts a PreFilter rejection in place of the histogram', () => {
    expect(fitErrorMessage(3, [], '', "node(s) didn't match Pod's node affinity/selector")).toBe(
      "0/3 nodes are available: node(s) didn't match Pod's node affinity/selector.",
    );
  });
});
