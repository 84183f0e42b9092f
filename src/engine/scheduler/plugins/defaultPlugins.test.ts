/**
 * Table-driven tests of the default plugins built from the upstream formulas and the upstream
 * test tables (node_affinity_test.go, node_ports_test.go, balanced_allocation_test.go,
 * image_locality_test.go, podtopologyspread scoring_test.go, interpodaffinity *_test.go).
 */
import { describe, expect, it } from 'vitest';
import { SKIP, type FrameworkHandle, type PodInfo } from '../framework.ts';
import { fitErrorMessage } from '../fitError.ts';
import { NodeInfo, podResources } from '../nodeInfo.ts';
import { SchedulerCache } from '../cache.ts';
import { cacheHandle } from '../scheduleOne.ts';
import type { V1Node, V1Pod } from '../types.ts';
import { balancedResourceScore, NodeResourcesBalancedAllocation } from './balancedAllocation.ts';
import { createImageLocality, imageLocalityPriority, normalizedImageName, scaledImageScore } from './imageLocality.ts';
import { createInterPodAffinityFilter, createInterPodAffinityScore, normalizeMinMax } from './interPodAffinity.ts';
import { NodeAffinityFilter, NodeAffinityScore } from './nodeAffinity.ts';
import { NodeName } from './nodeName.ts';
import { NodePorts, portsConflict } from './nodePorts.ts';
import { requirementMatches } from './nodeSelectorMatch.ts';
import { createPodTopologySpreadFilter, createPodTopologySpreadScore, normalizeTopologyScores, scoreForCount } from './podTopologySpread.ts';

const MB = 1024 * 1024;

function nodeObj(name: string, labels: Record<string, string> = {}, extra: Record<string, unknown> = {}): V1Node {
  return {
    apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } },
    spec: {}, status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110' }, ...extra },
  } as V1Node;
}
function podObj(name: string, spec: Record<string, unknown> = {}, labels: Record<string, string> = {}, ns = 'default'): V1Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, labels }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } } as V1Pod;
}
function info(p: V1Pod): PodInfo {
  const r = podResources(p);
  return { pod: p, key: `${p.metadata.namespace}/${p.metadata.name}`, priority: 0, requests: r.requested, nonZero: r.nonZero, tolerations: p.spec?.tolerations ?? [], state: new Map() };
}
/** A cache with nodes and pods placed on them, and a handle over it. */
function world(nodes: V1Node[], pods: [V1Pod, string][] = [], extra: Partial<FrameworkHandle> = {}): { cache: SchedulerCache; h: FrameworkHandle } {
  const cache = new SchedulerCache();
  for (const n of nodes) cache.upsertNode(n);
  for (const [p, n] of pods) cache.addOrUpdatePod({ ...p, spec: { ...p.spec!, nodeName: n } } as V1Pod);
  return { cache, h: { ...cacheHandle(cache), ...extra } };
}

describe('NodeName', () => {
  it('rejects other nodes as UnschedulableAndUnresolvable', () => {
    const pi = info(podObj('p', { nodeName: 'a' }));
    expect(NodeName.filter(pi, new NodeInfo(nodeObj('a')))).toBeNull();
    expect(NodeName.filter(pi, new NodeInfo(nodeObj('b')))).toEqual({ code: 'UnschedulableAndUnresolvable', plugin: 'NodeName', reasons: ["node(s) didn't match the requested node name"] });
  });
});

describe('NodeAffinity', () => {
  it.each([
    ['In', ['a', 'b'], { k: 'a' }, true],
    ['In', ['a'], {}, false],
    ['NotIn', ['a'], { k: 'b' }, true],
    ['NotIn', ['a'], {}, true],
    ['NotIn', ['a'], { k: 'a' }, false],
    ['Exists', undefined, { k: '' }, true],
    ['Exists', undefined, {}, false],
    ['DoesNotExist', undefined, {}, true],
    ['DoesNotExist', undefined, { k: 'x' }, false],
    ['Gt', ['5'], { k: '6' }, true],
    ['Gt', ['5'], { k: '5' }, false],
    ['Gt', ['5'], { k: 'abc' }, false],
    ['Lt', ['5'], { k: '4' }, true],
    ['Lt', ['5'], {}, false],
  ] as const)('%s %j on %j → %s', (operator, values, labels, want) => {
    expect(requirementMatches({ key: 'k', operator, values: values as string[] | undefined }, labels)).toBe(want);
  });

  const n1 = new NodeInfo(nodeObj('n1', { disk: 'ssd', zone: 'a' }));
  const n2 = new NodeInfo(nodeObj('n2', { disk: 'hdd', zone: 'b' }));

  it('ANDs nodeSelector with the ORed required terms; matchFields metadata.name', () => {
    const p = info(podObj('p', {
      nodeSelector: { disk: 'ssd' },
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [
        { matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] },
        { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] },
      ] } } },
    }));
    expect(NodeAffinityFilter.preFilter!(p, world([]).h)).toBeNull();
    expect(NodeAffinityFilter.filter(p, n1)).toBeNull();
    expect(NodeAffinityFilter.filter(p, n2)).toEqual({ code: 'UnschedulableAndUnresolvable', plugin: 'NodeAffinity', reasons: ["node(s) didn't match Pod's node affinity/selector"] });
  });

  it('skips a pod without nodeSelector or required affinity', () => {
    expect(NodeAffinityFilter.preFilter!(info(podObj('p')), world([]).h)).toBe(SKIP);
    expect(NodeAffinityScore.preScore!(info(podObj('p')), [])).toBe(false);
  });

  it('scores the summed weights of matching preferred terms, normalized to 100', () => {
    const p = info(podObj('p', { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [
      { weight: 2, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } },
      { weight: 5, preference: { matchExpressions: [{ key: 'zone', operator: 'Exists' }] } },
    ] } } }));
    const n3 = new NodeInfo(nodeObj('n3'));
    expect(NodeAffinityScore.preScore!(p, [n1, n2, n3])).toBe(true);
    const s = [n1, n2, n3].map((n) => NodeAffinityScore.score(p, n));
    expect(s).toEqual([7, 5, 0]);
    NodeAffinityScore.normalizeScore!(p, s, 3);
    expect(s).toEqual([100, 71, 0]); // 100*5/7 = 71
  });
});

describe('NodePorts', () => {
  const withPort = (hostPort: number, protocol = 'TCP', hostIP?: string) =>
    podObj(`p${hostPort}${protocol}${hostIP ?? ''}`, { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80, hostPort, protocol, ...(hostIP && { hostIP }) }] }] });

  it.each([
    [{ ip: '0.0.0.0', protocol: 'TCP', port: 80 }, [{ ip: '127.0.0.1', protocol: 'TCP', port: 80 }], true],
    [{ ip: '127.0.0.1', protocol: 'TCP', port: 80 }, [{ ip: '0.0.0.0', protocol: 'TCP', port: 80 }], true],
    [{ ip: '127.0.0.1', protocol: 'TCP', port: 80 }, [{ ip: '127.0.0.2', protocol: 'TCP', port: 80 }], false],
    [{ ip: '0.0.0.0', protocol: 'UDP', port: 80 }, [{ ip: '0.0.0.0', protocol: 'TCP', port: 80 }], false],
    [{ ip: '0.0.0.0', protocol: 'TCP', port: 8080 }, [{ ip: '0.0.0.0', protocol: 'TCP', port: 80 }], false],
  ])('CheckConflict(%j, %j) = %s', (want, used, c) => expect(portsConflict(want, used)).toBe(c));

  it('rejects a node whose pods hold the hostPort; skips pods without hostPorts', () => {
    const { cache, h } = world([nodeObj('a'), nodeObj('b')], [[withPort(80), 'a']]);
    const p = info(withPort(80));
    expect(NodePorts.preFilter!(p, h)).toBeNull();
    expect(NodePorts.filter(p, cache.getNode('a')!)).toEqual({ code: 'Unschedulable', plugin: 'NodePorts', reasons: ["node(s) didn't have free ports for the requested pod ports"] });
    expect(NodePorts.filter(p, cache.getNode('b')!)).toBeNull();
    const udp = info(withPort(80, 'UDP'));
    NodePorts.preFilter!(udp, h);
    expect(NodePorts.filter(udp, cache.getNode('a')!)).toBeNull();
    expect(NodePorts.preFilter!(info(podObj('q')), h)).toBe(SKIP);
  });
});

describe('NodeResourcesBalancedAllocation (balanced_allocation_test.go)', () => {
  it.each([
    // cpu 3000/4000 = 0.75, memory 5000/10000 = 0.5 → std 0.125 → 87
    [[3000, 5000], [4000, 10000], 87],
    // cpu 3000/6000 = 0.5, memory 5000/10000 = 0.5 → 100
    [[3000, 5000], [6000, 10000], 100],
    // over capacity is capped at 1: cpu 1, memory 0.5 → std .25 → 75
    [[8000, 5000], [4000, 10000], 75],
    // three resources: population standard deviation of .2, .4, .6 = .1633 → 83
    [[2, 4, 6], [10, 10, 10], 83],
    // a resource with 0 allocatable is ignored
    [[1, 5], [0, 10], 100],
  ])('requested %j allocatable %j → %d', (req, alloc, want) => expect(balancedResourceScore(req, alloc)).toBe(want));

  it('uses actual requests (no non-zero defaults) and skips best-effort pods', () => {
    const n = new NodeInfo(nodeObj('n'));
    const be = info(podObj('be'));
    expect(NodeResourcesBalancedAllocation.preScore!(be, [n])).toBe(false);
    const p = info(podObj('p', { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '2', memory: '1Gi' } } }] }));
    expect(NodeResourcesBalancedAllocation.preScore!(p, [n])).toBe(true);
    // cpu 2/4 = .5, memory 1/8 = .125 → std .1875 → 81
    expect(NodeResourcesBalancedAllocation.score(p, n)).toBe(81);
  });
});

describe('ImageLocality (image_locality_test.go)', () => {
  it('normalizes untagged names to :latest', () => {
    expect(normalizedImageName('nginx')).toBe('nginx:latest');
    expect(normalizedImageName('localhost:5000/app')).toBe('localhost:5000/app:latest');
    expect(normalizedImageName('gcr.io/40:v1')).toBe('gcr.io/40:v1');
  });

  it('clamps to [23 MiB, 1000 MiB × containers] and scales to 0–100', () => {
    expect(imageLocalityPriority(10 * MB, 1)).toBe(0);
    expect(imageLocalityPriority(2000 * MB, 1)).toBe(100);
    // upstream table: gcr.io/40 (40 MiB) + gcr.io/300 (300 MiB) on one of two nodes, 2 containers
    // spread 1/2: (20 + 150) MiB = 170 MiB → 100*(170-23)/(2000-23) = 7
    const sum = scaledImageScore(40 * MB, 1, 2) + scaledImageScore(300 * MB, 1, 2);
    expect(imageLocalityPriority(sum, 2)).toBe(7);
  });

  it('scores a node by the images it has, ignoring init containers', () => {
    const img = (names: string[], size: number) => ({ names, sizeBytes: size });
    const { cache, h } = world([
      nodeObj('a', {}, { images: [img(['gcr.io/250:latest'], 250 * MB), img(['gcr.io/10:v1'], 10 * MB)] }),
      nodeObj('b', {}, { images: [img(['gcr.io/250:latest'], 250 * MB)] }),
      nodeObj('c'),
    ]);
    const il = createImageLocality(h);
    const p = info(podObj('p', { initContainers: [{ name: 'i', image: 'gcr.io/10:v1' }], containers: [{ name: 'c', image: 'gcr.io/250' }] }));
    // gcr.io/250 on 2 of 3 nodes: 250 MiB × 2/3 = 166.67 MiB; 2 containers → max 2000 MiB
    expect(il.score(p, cache.getNode('a')!)).toBe(Math.trunc((100 * (Math.trunc((250 * MB * 2) / 3) - 23 * MB)) / (2000 * MB - 23 * MB)));
    expect(il.score(p, cache.getNode('a')!)).toBe(7);
    expect(il.score(p, cache.getNode('c')!)).toBe(0);
  });
});

describe('PodTopologySpread', () => {
  const zone = (z: string) => ({ 'topology.kubernetes.io/zone': z });
  const web = (name: string, extra: Record<string, unknown> = {}) => podObj(name, extra, { app: 'web' });
  const nodes = () => [nodeObj('a1', zone('a')), nodeObj('a2', zone('a')), nodeObj('b1', zone('b')), nodeObj('c1')];

  it('filters DoNotSchedule by skew against the global minimum; a node without the key is unresolvable', () => {
    const { cache, h } = world(nodes(), [[web('w1'), 'a1'], [web('w2'), 'a2']]);
    const pts = createPodTopologySpreadFilter(h);
    const p = info(web('new', { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } }] }));
    expect(pts.preFilter!(p, h)).toBeNull();
    // zone a: 2, zone b: 0 → min 0. Placing in a: 2+1-0 = 3 > 1; in b: 0+1-0 = 1.
    expect(pts.filter(p, cache.getNode('a1')!)).toEqual({ code: 'Unschedulable', plugin: 'PodTopologySpread', reasons: ["node(s) didn't match pod topology spread constraints"] });
    expect(pts.filter(p, cache.getNode('b1')!)).toBeNull();
    expect(pts.filter(p, cache.getNode('c1')!)).toEqual({ code: 'UnschedulableAndUnresolvable', plugin: 'PodTopologySpread', reasons: ["node(s) didn't match pod topology spread constraints (missing required label)"] });
  });

  it('minDomains above the number of domains makes the global minimum 0', () => {
    const { cache, h } = world([nodeObj('a1', zone('a')), nodeObj('b1', zone('b'))], [[web('w1'), 'a1'], [web('w2'), 'b1']]);
    const pts = createPodTopologySpreadFilter(h);
    const c = { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } };
    const p = info(web('new', { topologySpreadConstraints: [c] }));
    pts.preFilter!(p, h);
    expect(pts.filter(p, cache.getNode('a1')!)).toBeNull(); // 1+1-1 = 1
    const q = info(web('new', { topologySpreadConstraints: [{ ...c, minDomains: 3 }] }));
    pts.preFilter!(q, h);
    expect(pts.filter(q, cache.getNode('a1')!)?.reasons).toEqual(["node(s) didn't match pod topology spread constraints"]); // 1+1-0 = 2
  });

  it('scores with the system defaults over the default selector: cnt*log(size+2) + maxSkew-1, then 100*(max+min-s)/max', () => {
    const sel = [{ key: 'app', op: '=' as const, values: ['web'] }];
    const { cache, h } = world(nodes(), [[web('w1'), 'a1'], [web('w2'), 'a1'], [web('w3'), 'b1']], { defaultSelector: () => sel });
    const pts = createPodTopologySpreadScore(h);
    const p = info(web('new'));
    const feasible = ['a1', 'a2', 'b1', 'c1'].map((n) => cache.getNode(n)!);
    expect(pts.preScore!(p, feasible)).toBe(true);
    const raw = feasible.map((n) => pts.score(p, n));
    // hostname: 4 nodes → log(6); zone: 2 zones among feasible → log(4); zone a has 2, b has 1.
    const hw = Math.log(6);
    const zw = Math.log(4);
    expect(raw).toEqual([
      Math.round(scoreForCount(2, 3, hw) + scoreForCount(2, 5, zw)),
      Math.round(scoreForCount(0, 3, hw) + scoreForCount(2, 5, zw)),
      Math.round(scoreForCount(1, 3, hw) + scoreForCount(1, 5, zw)),
      Math.round(scoreForCount(0, 3, hw)), // c1 has no zone: only the hostname constraint counts
    ]);
    expect(raw).toEqual([12, 9, 9, 2]);
    pts.normalizeScore!(p, raw, 4, feasible);
    // max 12, min 2: 100*(14-s)/12
    expect(raw).toEqual([16, 41, 41, 100]);
  });

  it('skips when the pod has no constraints and nothing selects it', () => {
    const { h } = world(nodes());
    expect(createPodTopologySpreadScore(h).preScore!(info(web('x')), [])).toBe(false);
    expect(createPodTopologySpreadFilter(h).preFilter!(info(web('x')), h)).toBe(SKIP);
  });

  it('normalizes all-zero scores to 100 and ignored nodes to 0', () => {
    const s = [0, 0];
    normalizeTopologyScores(s, 2);
    expect(s).toEqual([100, 100]);
    const t = [4, 2, 9];
    normalizeTopologyScores(t, 3, (i) => i === 2);
    expect(t).toEqual([50, 100, 0]);
  });
});

describe('InterPodAffinity', () => {
  const zone = (z: string) => ({ 'topology.kubernetes.io/zone': z });
  const term = (labels: Record<string, string>, topologyKey = 'kubernetes.io/hostname', extra: Record<string, unknown> = {}) => ({ labelSelector: { matchLabels: labels }, topologyKey, ...extra });

  it('required anti-affinity: one per node; the three upstream reasons', () => {
    const anti = { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'db' })] } } };
    const { cache, h } = world([nodeObj('a'), nodeObj('b'), nodeObj('c')], [[podObj('db1', anti, { app: 'db' }), 'a'], [podObj('web1', {}, { app: 'web' }), 'c']]);
    const ipa = createInterPodAffinityFilter(h);
    const p = info(podObj('db2', anti, { app: 'db' }));
    expect(ipa.preFilter!(p, h)).toBeNull();
    expect(ipa.filter(p, cache.getNode('a')!)?.reasons).toEqual(["node(s) didn't match pod anti-affinity rules"]);
    expect(ipa.filter(p, cache.getNode('b')!)).toBeNull();
    // Symmetry: a plain app=db pod may not join db1 either.
    const plain = info(podObj('db3', {}, { app: 'db' }));
    expect(ipa.preFilter!(plain, h)).toBeNull();
    expect(ipa.filter(plain, cache.getNode('a')!)).toEqual({ code: 'Unschedulable', plugin: 'InterPodAffinity', reasons: ["node(s) didn't satisfy existing pods anti-affinity rules"] });
    // Required affinity to web: only node c; the first pod of a self-selecting group goes anywhere.
    const aff = info(podObj('cache', { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'web' })] } } }));
    ipa.preFilter!(aff, h);
    expect(ipa.filter(aff, cache.getNode('b')!)).toEqual({ code: 'UnschedulableAndUnresolvable', plugin: 'InterPodAffinity', reasons: ["node(s) didn't match pod affinity rules"] });
    expect(ipa.filter(aff, cache.getNode('c')!)).toBeNull();
    const self = info(podObj('g1', { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'g' })] } } }, { app: 'g' }));
    ipa.preFilter!(self, h);
    expect(ipa.filter(self, cache.getNode('b')!)).toBeNull();
  });

  it('namespaces and namespaceSelector decide which pods a term sees', () => {
    const { cache, h } = world([nodeObj('a'), nodeObj('b')], [[podObj('x', {}, { app: 'x' }, 'other'), 'a']], {
      namespaceLabels: (ns): Record<string, string> => (ns === 'other' ? { team: 'x' } : {}),
    });
    const ipa = createInterPodAffinityFilter(h);
    const sameNs = info(podObj('p', { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'x' })] } } }));
    ipa.preFilter!(sameNs, h);
    expect(ipa.filter(sameNs, cache.getNode('a')!)).toBeNull();
    const listed = info(podObj('p', { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'x' }, undefined, { namespaces: ['other'] })] } } }));
    ipa.preFilter!(listed, h);
    expect(ipa.filter(listed, cache.getNode('a')!)?.reasons).toEqual(["node(s) didn't match pod anti-affinity rules"]);
    const selected = info(podObj('p', { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'x' }, undefined, { namespaceSelector: { matchLabels: { team: 'x' } } })] } } }));
    ipa.preFilter!(selected, h);
    expect(ipa.filter(selected, cache.getNode('a')!)?.reasons).toEqual(["node(s) didn't match pod anti-affinity rules"]);
  });

  it('skips when neither the pod nor any placed pod has affinity', () => {
    const { h } = world([nodeObj('a')], [[podObj('x'), 'a']]);
    expect(createInterPodAffinityFilter(h).preFilter!(info(podObj('p')), h)).toBe(SKIP);
    expect(createInterPodAffinityScore(h).preScore!(info(podObj('p')), [])).toBe(false);
  });

  it('scores preferred terms per topology (and existing pods\' terms), normalized min–max', () => {
    const { cache, h } = world(
      [nodeObj('a1', zone('a')), nodeObj('a2', zone('a')), nodeObj('b1', zone('b'))],
      [
        [podObj('web', {}, { app: 'web' }), 'a1'],
        [podObj('cache', { affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 3, podAffinityTerm: term({ app: 'api' }) }] } } }, { app: 'cache' }), 'b1'],
      ],
    );
    const ipa = createInterPodAffinityScore(h);
    const p = info(podObj('api', { affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: term({ app: 'web' }, 'topology.kubernetes.io/zone') }] } } }, { app: 'api' }));
    const feasible = ['a1', 'a2', 'b1'].map((n) => cache.getNode(n)!);
    expect(ipa.preScore!(p, feasible)).toBe(true);
    const raw = feasible.map((n) => ipa.score(p, n));
    // zone a: +10 (web there); b1 hostname: +3 (cache prefers api pods on its node)
    expect(raw).toEqual([10, 10, 3]);
    ipa.normalizeScore!(p, raw, 3);
    expect(raw).toEqual([100, 100, 0]);
    const z = [-5, 0, 5];
    normalizeMinMax(z, 3);
    expect(z).toEqual([0, 50, 100]);
  });
});

describe('FailedScheduling message', () => {
  it('sorts the histogram as strings and puts a PreFilter message in its place', () => {
    const st = (node: string, reasons: string[]) => ({ node, status: { code: 'Unschedulable' as const, plugin: 'X', reasons } });
    expect(fitErrorMessage(5, [
      st('a', ['Insufficient cpu']), st('b', ['Insufficient cpu', 'Insufficient memory']),
      st('c', ["node(s) didn't match Pod's node affinity/selector"]), st('d', ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }']),
    ])).toBe("0/5 nodes are available: 1 Insufficient memory, 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu.");
    expect(fitErrorMessage(3, [], '', 'node(s) didn\'t satisfy plugin(s) [NodeAffinity]')).toBe("0/3 nodes are available: node(s) didn't satisfy plugin(s) [NodeAffinity].");
  });
});
