import { describe, expect, it } from 'vitest';
import type { KubeObject, SchedulingExplanation } from '../../protocol/types.ts';
import { reasonHistogram } from '../../store/index.ts';
import { fixSuggestions, formatQuantity, freeOn, nodeUsage, parseQuantity, podRequest, shortReason, tolerationYaml } from './schedulingFixes.ts';

const TAINT = 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }';
const node = (name: string, extra: { taints?: unknown[]; labels?: Record<string, string>; cpu?: string } = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name, ...extra.labels } },
  spec: extra.taints ? { taints: extra.taints } : {},
  status: { allocatable: { cpu: extra.cpu ?? '2', memory: '4Gi', pods: '110' } },
} as KubeObject);
const pod = (name: string, spec: Record<string, unknown>, nodeName?: string): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { ...spec, ...(nodeName ? { nodeName } : {}) }, status: { phase: nodeName ? 'Running' : 'Pending' },
} as KubeObject);
const cpuPod = (name: string, cpu: string, nodeName?: string) => pod(name, { containers: [{ name: 'c', resources: { requests: { cpu } } }] }, nodeName);

const NODES = [
  node('control-plane', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }),
  node('worker-1'), node('worker-2'), node('worker-3'),
];
const expl = (filtered: SchedulingExplanation['filtered'], message = ''): SchedulingExplanation => ({
  pod: 'default/big', attempt: 1, at: 0, numAllNodes: 4, evaluated: 4, feasible: 0, plugins: [], filtered, filteredTotal: filtered.length, scored: [], message,
});

describe('quantities', () => {
  it('parses and prints like kubectl', () => {
    expect(parseQuantity('500m')).toBe(0.5);
    expect(parseQuantity('2')).toBe(2);
    expect(parseQuantity('4Gi')).toBe(4 * 2 ** 30);
    expect(parseQuantity('1e3')).toBe(1000);
    expect(parseQuantity('bad')).toBeNaN();
    expect(formatQuantity('cpu', 1.9)).toBe('1900m');
    expect(formatQuantity('cpu', 3)).toBe('3');
    expect(formatQuantity('memory', 3 * 2 ** 30)).toBe('3Gi');
    expect(formatQuantity('memory', 1536 * 2 ** 20)).toBe('1536Mi');
  });
  it('effective request: max(sum of containers, largest init) + overhead; free = allocatable - bound requests', () => {
    const p = pod('p', { containers: [{ resources: { requests: { cpu: '200m' } } }, { resources: { requests: { cpu: '300m' } } }], initContainers: [{ resources: { requests: { cpu: '1' } } }] });
    expect(podRequest(p, 'cpu')).toBe(1);
    const pods = [cpuPod('a', '100m', 'worker-1'), cpuPod('b', '250m', 'worker-1'), cpuPod('c', '1', 'worker-2')];
    const usage = nodeUsage(pods, ['cpu', 'pods']);
    expect(freeOn(NODES[1]!, usage, 'cpu')).toBeCloseTo(1.65);
    expect(freeOn(NODES[1]!, usage, 'pods')).toBe(108);
    expect(freeOn(NODES[3]!, usage, 'cpu')).toBe(2);
  });
});

describe('fixSuggestions', () => {
  it('too much cpu: lower the request (largest free on which node) or add a node; the control-plane toleration alone is not enough', () => {
    const e = expl([
      { node: 'control-plane', plugin: 'TaintToleration', reasons: [TAINT] },
      { node: 'worker-1', plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'] },
      { node: 'worker-2', plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'] },
      { node: 'worker-3', plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'] },
    ]);
    const big = cpuPod('big', '3');
    const pods = [cpuPod('a', '100m', 'worker-1'), cpuPod('b', '500m', 'worker-2')];
    const fixes = fixSuggestions(e, reasonHistogram(e), big, NODES, pods);
    expect(fixes).toEqual([
      { kind: 'lowerRequest', resource: 'cpu', request: '3', largestFree: '2', node: 'worker-3', addNode: 'sim node add worker-4 --cpu 3 --memory 4Gi' },
      {
        kind: 'toleration', key: 'node-role.kubernetes.io/control-plane', value: '', effect: 'NoSchedule', nodes: ['control-plane'],
        yaml: 'tolerations:\n- key: node-role.kubernetes.io/control-plane\n  operator: Exists\n  effect: NoSchedule', controlPlane: true, alsoShort: ['cpu'],
      },
    ]);
  });

  it('a taint with a value: Equal toleration with the node\'s effect', () => {
    const nodes = [node('gpu-1', { taints: [{ key: 'gpu', value: 'true', effect: 'NoExecute' }] })];
    const r = 'node(s) had untolerated taint {gpu: true}';
    const e = expl([{ node: 'gpu-1', plugin: 'TaintToleration', reasons: [r] }]);
    const [fix] = fixSuggestions(e, reasonHistogram(e), cpuPod('p', '100m'), nodes, []);
    expect(fix).toMatchObject({ kind: 'toleration', key: 'gpu', value: 'true', effect: 'NoExecute', controlPlane: false, alsoShort: [] });
    expect(tolerationYaml('gpu', 'true', 'NoExecute')).toBe('tolerations:\n- key: gpu\n  operator: Equal\n  value: "true"\n  effect: NoExecute');
  });

  it('nodeSelector no node has: label a node; cordoned nodes: uncordon; ports, spread, affinity, unknown reasons', () => {
    const sel = "node(s) didn't match Pod's node affinity/selector";
    const e = expl([
      { node: 'worker-1', plugin: 'NodeAffinity', reasons: [sel] },
      { node: 'worker-2', plugin: 'NodeUnschedulable', reasons: ['node(s) were unschedulable'] },
      { node: 'worker-3', plugin: 'NodePorts', reasons: ["node(s) didn't have free ports for the requested pod ports"] },
    ]);
    const p = pod('p', { nodeSelector: { disktype: 'ssd', 'kubernetes.io/os': 'linux' }, containers: [{ ports: [{ containerPort: 80, hostPort: 8080 }] }] });
    const nodes = NODES.map((n) => ({ ...n, metadata: { ...n.metadata, labels: { ...n.metadata.labels, 'kubernetes.io/os': 'linux' } } }));
    // Equal counts keep the histogram's (upstream sort.Strings) order.
    expect(fixSuggestions(e, reasonHistogram(e), p, nodes, [])).toEqual([
      { kind: 'hostPorts', ports: '8080/TCP' },
      { kind: 'labelNode', label: 'disktype=ssd', command: 'kubectl label node worker-1 disktype=ssd' },
      { kind: 'uncordon', nodes: ['worker-2'], commands: ['kubectl uncordon worker-2'] },
    ]);
    const more = expl([
      { node: 'a', plugin: 'PodTopologySpread', reasons: ["node(s) didn't match pod topology spread constraints (missing required label)"] },
      { node: 'b', plugin: 'InterPodAffinity', reasons: ["node(s) didn't match pod anti-affinity rules"] },
      { node: 'c', plugin: 'Custom', reasons: ['node(s) were eaten by a grue'] },
      { node: 'd', plugin: 'NodeResourcesFit', reasons: ['Too many pods'] },
    ]);
    expect(fixSuggestions(more, reasonHistogram(more), p, nodes, []).map((f) => f.kind)).toEqual(['tooManyPods', 'podAntiAffinity', 'topologySpread', 'other']);
  });

  it('no nodes at all: add a node', () => {
    const e = { ...expl([]), numAllNodes: 0, message: 'no nodes available to schedule pods' };
    expect(fixSuggestions(e, [], cpuPod('p', '100m'), [], [])).toEqual([{ kind: 'noNodes', addNode: 'sim node add worker-0 --cpu 2 --memory 4Gi' }]);
  });

  it('shortReason drops the histogram lead-in', () => {
    expect(shortReason(TAINT)).toBe('untolerated taint {node-role.kubernetes.io/control-plane: }');
    expect(shortReason('node(s) were unschedulable')).toBe('unschedulable');
    expect(shortReason('Insufficient cpu')).toBe('Insufficient cpu');
  });
});
