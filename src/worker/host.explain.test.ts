/** The host answers `explain` from kube-scheduler's log (real engine): why Pending, why this node, pinning. */
import { describe, expect, it } from 'vitest';
import { createCluster, restoreCluster } from '../engine/index.ts';
import { kubectl } from '../kubectl/index.ts';
import type { Cluster } from '../engine/types.ts';
import type { ExplanationMessage, FromWorker } from '../protocol/messages.ts';
import { createHost } from './host.ts';
import { runTerminalLine } from './simLine.ts';

const pod = (name: string, cpu: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n    resources:\n      requests:\n        cpu: ${cpu}\n`;

function setup() {
  const sent: FromWorker[] = [];
  let wall = 0;
  let cluster!: Cluster;
  const host = createHost({
    createCluster: (o) => (cluster = createCluster(o)),
    restoreCluster,
    kubectl,
    runLine: runTerminalLine,
    post: (m) => sent.push(m),
    wallNow: () => wall,
  });
  const frames = (n: number) => {
    for (let i = 0; i < n; i++) {
      wall += 16;
      host.frame();
    }
  };
  const settle = () => new Promise((r) => setTimeout(r, 0));
  const answer = (id: number) => sent.find((m): m is ExplanationMessage => m.type === 'explanation' && m.id === id);
  return { host, sent, frames, settle, answer, cluster: () => cluster };
}

describe('worker host: explain', () => {
  it('answers with the FailedScheduling explanation of a pod too big for any node', async () => {
    const t = setup();
    t.host.handle({ type: 'init', seed: 7, workers: 3, speed: 8 });
    t.host.handle({ type: 'apply', id: 1, text: pod('big', '3'), file: 'manifest.yaml' });
    await t.settle();
    t.frames(300);
    const before = t.sent.length;
    t.host.handle({ type: 'explain', id: 2, pod: 'default/big' });
    // An explain is read-only: one answer, no delta, no snapshot.
    expect(t.sent.length - before).toBe(1);
    const a = t.answer(2)!;
    expect(a.pod).toBe('default/big');
    expect(a.explanation?.selected).toBeUndefined();
    expect(a.explanation?.message).toMatch(
      /^0\/4 nodes are available: 1 node\(s\) had untolerated taint \{node-role\.kubernetes\.io\/control-plane: \}, 3 Insufficient cpu\./,
    );
    expect(a.explanation?.filtered.map((f) => f.plugin).sort()).toEqual(['NodeResourcesFit', 'NodeResourcesFit', 'NodeResourcesFit', 'TaintToleration']);
  });

  it('answers with the chosen node and per-plugin scores of a scheduled pod; unknown pods get no explanation', async () => {
    const t = setup();
    t.host.handle({ type: 'init', seed: 7, workers: 3, speed: 8 });
    t.host.handle({ type: 'apply', id: 1, text: pod('small', '100m'), file: 'manifest.yaml' });
    await t.settle();
    t.frames(300);
    t.host.handle({ type: 'explain', id: 2, pod: 'default/small', pin: true });
    const e = t.answer(2)!.explanation!;
    expect(e.selected).toMatch(/^worker-\d$/);
    expect(e.feasible).toBe(3);
    expect(e.scored[0]!.node).toBe(e.selected);
    expect(e.scored[0]!.scores).toHaveLength(e.plugins.length * 3);
    t.host.handle({ type: 'explain', id: 3, pod: 'default/nope' });
    expect(t.answer(3)).toEqual({ type: 'explanation', id: 3, pod: 'default/nope' });
    t.host.handle({ type: 'explain', id: 4, pin: false });
    expect(t.answer(4)).toEqual({ type: 'explanation', id: 4 });
  });

  it('pins through cluster.scheduling', () => {
    const t = setup();
    t.host.handle({ type: 'init', seed: 7, workers: 1 });
    const pins: (string | undefined)[] = [];
    const sched = t.cluster().scheduling!;
    const orig = sched.pin.bind(sched);
    sched.pin = (k) => {
      pins.push(k);
      orig(k);
    };
    t.host.handle({ type: 'explain', id: 1, pod: 'default/a', pin: true });
    t.host.handle({ type: 'explain', id: 2, pod: 'default/a' });
    t.host.handle({ type: 'explain', id: 3, pin: false });
    expect(pins).toEqual(['default/a', undefined]);
  });

  it('answers before init without throwing', () => {
    const t = setup();
    t.host.handle({ type: 'explain', id: 9, pod: 'default/x', pin: true });
    expect(t.sent).toEqual([{ type: 'explanation', id: 9, pod: 'default/x' }]);
  });
});
