/**
 * The scheduler on the whole engine (API server, controllers, kubelets): placement stories and
 * the FailedScheduling story as a user sees them.
 */
import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster.ts';
import type { SchedulingExplanation } from './scheduleOne.ts';
import type { KubeObject } from '../types.ts';

const nodeOf = (p: KubeObject) => (p.spec as { nodeName?: string }).nodeName;
const deployment = (name: string, replicas: number, podSpec: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name },
  spec: {
    replicas, selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'nginx:1.25' }], ...podSpec } },
  },
});
const pod = (name: string, spec: Record<string, unknown> = {}, labels: Record<string, string> = {}) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { containers: [{ name: 'app', image: 'nginx:1.25' }], ...spec },
});

describe('scheduler on the engine', () => {
  it('spreads 3 replicas one per worker on an empty cluster', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const c = new TestCluster({ seed });
      c.apply(deployment('web', 3));
      c.runFor('10s');
      const nodes = c.pods('app=web').map(nodeOf);
      expect(nodes).toHaveLength(3);
      expect(new Set(nodes)).toEqual(new Set(['worker-1', 'worker-2', 'worker-3']));
    }
  });

  it('uses the system default topology spread for pods a ReplicaSet selects', () => {
    const c = new TestCluster({ seed: 7 });
    c.apply(deployment('web', 1));
    c.runFor('10s');
    const key = `default/${c.pods('app=web')[0]!.metadata.name}`;
    const why = c.cluster.scheduling.explain(key)!;
    const pts = why.plugins.findIndex((p) => p.name === 'PodTopologySpread');
    expect(why.plugins[pts]).toEqual({ name: 'PodTopologySpread', weight: 2 });
    // Nobody matches yet: every node scores (3-1) + ... the same raw score, normalized to 100 → 200 weighted.
    for (const s of why.scored) expect(s.scores.slice(pts * 3, pts * 3 + 3)).toEqual([2, 100, 200]);
  });

  it('a pod too big for every node stays Pending with the upstream message, event, condition and span', () => {
    const c = new TestCluster();
    c.apply(pod('huge', { containers: [{ name: 'app', image: 'nginx:1.25', resources: { requests: { cpu: '64' } } }] }));
    c.runFor('5s');
    const p = c.pod('huge')!;
    expect(nodeOf(p)).toBeUndefined();
    const msg =
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. ' +
      'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.';
    const cond = (p.status as { conditions: { type: string; status: string; reason: string; message: string }[] }).conditions.find((x) => x.type === 'PodScheduled')!;
    expect(cond).toMatchObject({ status: 'False', reason: 'Unschedulable', message: msg });
    const ev = c.events('huge').find((e) => (e as { reason?: string }).reason === 'FailedScheduling') as { message: string; type: string } | undefined;
    expect(ev).toMatchObject({ type: 'Warning', message: msg });
    const span = c.spansOf('schedulingFailed')[0]!;
    expect(span).toMatchObject({ from: 'scheduler', to: 'scheduler', verb: 'Schedule', object: 'Pod/default/huge', args: { pod: 'huge', namespace: 'default', message: msg } });
    expect(span.summary).toBe(`The scheduler found no node for pod default/huge: ${msg}`);
    const expl = span.payload as SchedulingExplanation;
    expect(expl.reasons).toEqual({ 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }': 1, 'Insufficient cpu': 3 });
    expect(expl.filtered.map((f) => f.plugin).sort()).toEqual(['NodeResourcesFit', 'NodeResourcesFit', 'NodeResourcesFit', 'TaintToleration']);
    expect(c.cluster.scheduling.explain('default/huge')!.message).toBe(msg);
  });

  it('nodeSelector, required anti-affinity and a toleration decide placement', () => {
    const c = new TestCluster();
    c.cluster.sim.nodeAdd('gpu-1', { labels: { accelerator: 'gpu' }, taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] });
    c.runFor('2s');
    c.apply(pod('no-toleration', { nodeSelector: { accelerator: 'gpu' } }));
    c.apply(pod('trainer', { nodeSelector: { accelerator: 'gpu' }, tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }] }));
    c.runFor('5s');
    expect(nodeOf(c.pod('trainer')!)).toBe('gpu-1');
    expect(nodeOf(c.pod('no-toleration')!)).toBeUndefined();
    expect(c.cluster.scheduling.explain('default/no-toleration')!.message).toBe(
      // TaintToleration runs before NodeAffinity: the control plane fails on its taint.
      "0/5 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn't match Pod's node affinity/selector. " +
        'preemption: 0/5 nodes are available: 5 Preemption is not helpful for scheduling.',
    );
    const anti = (n: string) => pod(n, {
      affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'kubernetes.io/hostname' }] } },
    }, { app: 'db' });
    for (const n of ['db-0', 'db-1', 'db-2', 'db-3']) c.apply(anti(n));
    c.runFor('5s');
    const placed = ['db-0', 'db-1', 'db-2', 'db-3'].map((n) => nodeOf(c.pod(n)!));
    expect(new Set(placed.filter(Boolean)).size).toBe(3);
    const pending = ['db-0', 'db-1', 'db-2', 'db-3'].find((n) => !nodeOf(c.pod(n)!))!;
    expect(c.cluster.scheduling.explain(`default/${pending}`)!.message).toMatch(
      /^0\/5 nodes are available: 1 node\(s\) had untolerated taint \{dedicated: gpu\}, 1 node\(s\) had untolerated taint \{node-role.kubernetes.io\/control-plane: \}, 3 node\(s\) didn't match pod anti-affinity rules\./,
    );
  });

  it('pinning a pending pod explains it in full: every node with its rejecting plugin', () => {
    const c = new TestCluster();
    c.apply(pod('picky', { nodeSelector: { disk: 'ssd' } }));
    c.runFor('3s');
    c.cluster.scheduling.pin('default/picky');
    const e = c.cluster.scheduling.explain('default/picky')!;
    expect(e.full).toBe(true);
    expect(e.filtered.map((f) => [f.node, f.plugin]).sort()).toEqual([
      ['control-plane', 'TaintToleration'], ['worker-1', 'NodeAffinity'], ['worker-2', 'NodeAffinity'], ['worker-3', 'NodeAffinity'],
    ]);
    c.cluster.scheduling.pin(undefined);
  });

  it('leaves a pod whose nodeName names a missing node to nobody (no scheduling attempt)', () => {
    const c = new TestCluster();
    c.apply(pod('ghost', { nodeName: 'no-such-node' }));
    c.runFor('3s');
    expect(c.cluster.scheduling.explain('default/ghost')).toBeUndefined();
    expect(c.events('ghost').filter((e) => (e as { reason?: string }).reason === 'FailedScheduling')).toEqual([]);
  });
});
