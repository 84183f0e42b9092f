/**
 * Property tests (fast-check) for the scheduler on the real engine: whatever nodes join and
 * whatever pods arrive, no node is ever given more than it can hold, the control-plane taint is
 * honoured, a bound pod never moves, and a pod left Pending really fits nowhere and says why.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster.ts';
import { cpuMillis, memoryBytes } from '../index.ts';
import type { KubeObject } from '../types.ts';

interface PodSpecArb {
  cpu: number; // millicores, 0 = no request
  memMi: number; // MiB, 0 = no request
  tolerateControlPlane: boolean;
}

const nodeArb = fc.record({ cpu: fc.integer({ min: 1, max: 4 }), memGi: fc.integer({ min: 1, max: 8 }), pods: fc.integer({ min: 2, max: 8 }) });
const podArb = fc.record({
  cpu: fc.oneof(fc.constant(0), fc.integer({ min: 100, max: 2500 })),
  memMi: fc.oneof(fc.constant(0), fc.integer({ min: 64, max: 3000 })),
  tolerateControlPlane: fc.boolean(),
});

function podManifest(name: string, p: PodSpecArb): Record<string, unknown> {
  const requests: Record<string, string> = {};
  if (p.cpu) requests.cpu = `${p.cpu}m`;
  if (p.memMi) requests.memory = `${p.memMi}Mi`;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: {
      containers: [{ name: 'app', image: 'registry.k8s.io/pause:3.10', resources: { requests } }],
      ...(p.tolerateControlPlane ? { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] } : {}),
    },
  };
}

const requestOf = (pod: KubeObject, r: 'cpu' | 'memory') => {
  const c = (pod.spec as { containers: { resources?: { requests?: Record<string, string> } }[] }).containers[0]!;
  const q = c.resources?.requests?.[r];
  return (q ? (r === 'cpu' ? cpuMillis(q) : memoryBytes(q)) : 0) ?? 0;
};

describe('scheduler properties', () => {
  it('never overcommits a node, honours the control-plane taint, and leaves Pending only pods that fit nowhere', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.array(nodeArb, { minLength: 1, maxLength: 4 }), fc.array(podArb, { minLength: 1, maxLength: 25 }), (seed, nodes, pods) => {
        const c = new TestCluster({ seed, workers: 0 });
        nodes.forEach((n, i) => c.cluster.sim.nodeAdd(`n${i}`, { cpu: String(n.cpu), memory: `${n.memGi}Gi`, pods: n.pods }));
        c.runFor('1s');
        pods.forEach((p, i) => c.apply(podManifest(`p${i}`, p)));
        c.runFor('5s');
        const firstPlacement = new Map(c.pods().map((p) => [p.metadata.name, (p.spec as { nodeName?: string }).nodeName]));
        c.runFor('30s');

        const all = c.pods();
        const nodeObjs = c.nodes();
        const used = new Map<string, { cpu: number; mem: number; n: number }>();
        for (const pod of all) {
          const node = (pod.spec as { nodeName?: string }).nodeName;
          if (!node) continue;
          // A bound pod never moves.
          const before = firstPlacement.get(pod.metadata.name);
          if (before) expect(node).toBe(before);
          const u = used.get(node) ?? { cpu: 0, mem: 0, n: 0 };
          used.set(node, { cpu: u.cpu + requestOf(pod, 'cpu'), mem: u.mem + requestOf(pod, 'memory'), n: u.n + 1 });
          if (node === 'control-plane') {
            expect((pod.spec as { tolerations?: { key?: string }[] }).tolerations?.some((t) => t.key === 'node-role.kubernetes.io/control-plane')).toBe(true);
          }
        }
        const free = new Map<string, { cpu: number; mem: number; n: number; tainted: boolean }>();
        for (const node of nodeObjs) {
          const alloc = (node.status as { allocatable: Record<string, string> }).allocatable;
          const u = used.get(node.metadata.name) ?? { cpu: 0, mem: 0, n: 0 };
          const f = { cpu: cpuMillis(alloc.cpu!)! - u.cpu, mem: memoryBytes(alloc.memory!)! - u.mem, n: Number(alloc.pods) - u.n };
          // No node holds more requests than it has.
          expect(f.cpu).toBeGreaterThanOrEqual(0);
          expect(f.mem).toBeGreaterThanOrEqual(0);
          expect(f.n).toBeGreaterThanOrEqual(0);
          const taints = (node.spec as { taints?: { key: string }[] }).taints ?? [];
          free.set(node.metadata.name, { ...f, tainted: taints.some((t) => t.key === 'node-role.kubernetes.io/control-plane') });
        }
        for (const pod of all) {
          if ((pod.spec as { nodeName?: string }).nodeName) continue;
          // Space only shrinks here (no pod is deleted), so a pod the scheduler rejected fits nowhere now.
          // Admission adds the not-ready/unreachable tolerations to every pod; only ours matters here.
          const tolerates = !!(pod.spec as { tolerations?: { key?: string }[] }).tolerations?.some((t) => t.key === 'node-role.kubernetes.io/control-plane');
          for (const [, f] of free) {
            const fits = (!f.tainted || tolerates) && requestOf(pod, 'cpu') <= f.cpu && requestOf(pod, 'memory') <= f.mem && f.n >= 1;
            expect(fits).toBe(false);
          }
          const cond = ((pod.status as { conditions?: { type: string; status: string; reason?: string; message?: string }[] }).conditions ?? []).find((x) => x.type === 'PodScheduled');
          expect(cond?.status).toBe('False');
          expect(cond?.reason).toBe('Unschedulable');
          expect(cond?.message).toMatch(new RegExp(`^0/${nodeObjs.length} nodes are available: `));
        }
      }),
      { numRuns: 25 },
    );
  });

  it('honours hostPorts, required anti-affinity and nodeSelector whatever arrives, and never moves a bound pod', () => {
    const kindArb = fc.constantFrom('port', 'anti', 'selector', 'plain');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 4 }), fc.array(kindArb, { minLength: 1, maxLength: 12 }), (seed, nNodes, kinds) => {
        const c = new TestCluster({ seed, workers: 0 });
        for (let i = 0; i < nNodes; i++) c.cluster.sim.nodeAdd(`n${i}`, { labels: i % 2 ? { disk: 'ssd' } : {} });
        c.runFor('1s');
        kinds.forEach((k, i) => {
          const spec: Record<string, unknown> = {};
          const container: Record<string, unknown> = { name: 'app', image: 'registry.k8s.io/pause:3.10' };
          if (k === 'port') container.ports = [{ containerPort: 80, hostPort: 8080, protocol: 'TCP' }];
          if (k === 'anti') spec.affinity = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { role: 'anti' } }, topologyKey: 'kubernetes.io/hostname' }] } };
          if (k === 'selector') spec.nodeSelector = { disk: 'ssd' };
          c.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${i}`, labels: { role: k } }, spec: { ...spec, containers: [container] } });
        });
        c.runFor('5s');
        const first = new Map(c.pods().map((p) => [p.metadata.name, (p.spec as { nodeName?: string }).nodeName]));
        c.runFor('20s');
        const perNode = new Map<string, { port: number; anti: number }>();
        const labels = new Map(c.nodes().map((n) => [n.metadata.name, n.metadata.labels ?? {}]));
        for (const p of c.pods()) {
          const node = (p.spec as { nodeName?: string }).nodeName;
          if (!node) continue;
          const before = first.get(p.metadata.name);
          if (before) expect(node).toBe(before);
          const role = p.metadata.labels?.role;
          const u = perNode.get(node) ?? { port: 0, anti: 0 };
          if (role === 'port') u.port++;
          if (role === 'anti') u.anti++;
          perNode.set(node, u);
          if (role === 'selector') expect(labels.get(node)?.disk).toBe('ssd');
        }
        for (const u of perNode.values()) {
          expect(u.port).toBeLessThanOrEqual(1);
          expect(u.anti).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 20 },
    );
  });
});
