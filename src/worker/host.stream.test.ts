/** The host on the real engine streams a running command's output with the frame's delta. */
import { describe, expect, it } from 'vitest';
import { createCluster, restoreCluster } from '../engine/index.ts';
import { kubectl } from '../kubectl/index.ts';
import type { DeltaMessage, FromWorker, OutputChunk, ResultMessage } from '../protocol/messages.ts';
import { createHost } from './host.ts';
import { runTerminalLine } from './simLine.ts';

const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.27\n';

function setup() {
  const sent: FromWorker[] = [];
  let wall = 0;
  const host = createHost({ createCluster, restoreCluster, kubectl, runLine: runTerminalLine, post: (m) => sent.push(m), wallNow: () => wall });
  const settle = () => new Promise((r) => setTimeout(r, 0));
  /** `n` frames, letting woken commands run between them; returns the deltas each frame sent. */
  const frames = async (n: number) => {
    for (let i = 0; i < n; i++) {
      wall += 16;
      const before = sent.length;
      host.frame();
      // DESIGN's budget: at most one delta per frame, output included.
      expect(sent.slice(before).filter((m) => m.type === 'delta').length).toBeLessThanOrEqual(1);
      await settle();
    }
  };
  const result = (id: number) => sent.find((m): m is ResultMessage => m.type === 'result' && m.id === id)?.result;
  const chunks = (id: number) => sent.flatMap((m, at) => (m.type === 'delta' ? (m.output ?? []).filter((c) => c.id === id).map((c) => ({ ...c, at, now: m.now })) : []));
  return { host, sent, frames, settle, result, chunks };
}

describe('worker host: streaming terminal output', () => {
  it('get -w streams a row per watch event while it runs; the result carries the whole output', async () => {
    const t = setup();
    t.host.handle({ type: 'init', seed: 7, workers: 3, speed: 8 });
    t.host.handle({ type: 'terminal', id: 1, line: 'kubectl get pods -w --timeout=10m' });
    await t.frames(5);
    // Nothing to list yet: a watch on an empty namespace prints nothing.
    expect(t.chunks(1)).toEqual([]);
    t.host.handle({ type: 'apply', id: 2, text: DEPLOYMENT, file: 'manifest.yaml' });
    await t.settle();
    expect(t.result(2)).toMatchObject({ exitCode: 0 });
    await t.frames(400); // 6.4 s of wall time at 8×: the pods are created, scheduled and start

    expect(t.result(1)).toBeUndefined(); // still watching
    const streamed: (OutputChunk & { now: number })[] = t.chunks(1);
    expect(streamed.every((c) => c.stream === 'stdout')).toBe(true);
    const text = streamed.map((c) => c.text).join('');
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(lines.some((l) => /^web-\S+\s+0\/1\s+Pending\s/.test(l))).toBe(true);
    expect(lines.some((l) => /^web-\S+\s+0\/1\s+ContainerCreating\s/.test(l))).toBe(true);
    expect(lines.filter((l) => /^web-\S+\s+1\/1\s+Running\s/.test(l))).toHaveLength(2);
    // Rows came in several deltas as virtual time passed, not in one piece at the end.
    const nows = new Set(streamed.map((c) => c.now));
    expect(nows.size).toBeGreaterThan(2);
    // One chunk per command and stream in a delta: consecutive writes are merged.
    for (const m of t.sent) if (m.type === 'delta' && m.output) expect(m.output).toHaveLength(new Set(m.output.map((c) => `${c.id}/${c.stream}`)).size);

    t.host.handle({ type: 'cancel', id: 1 });
    await t.settle();
    const r = t.result(1)!;
    expect(r).toMatchObject({ exitCode: 130, interrupted: true, stderr: '' });
    expect(r.stdout.startsWith(text)).toBe(true);
    const answered = t.sent.findIndex((m) => m.type === 'result' && m.id === 1);
    await t.frames(30);
    expect(t.chunks(1).filter((c) => c.at > answered)).toEqual([]);
  });

  it('a command that finishes without waiting answers with its result only, no output chunks', async () => {
    const t = setup();
    t.host.handle({ type: 'init', seed: 7, workers: 3, speed: 8 });
    t.host.handle({ type: 'terminal', id: 1, line: 'kubectl get nodes' });
    await t.settle(); // the Worker runs each message and each frame as its own task
    await t.frames(3);
    expect(t.result(1)!.stdout).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\ncontrol-plane\s/);
    expect(t.sent.some((m) => m.type === 'delta' && (m as DeltaMessage).output)).toBe(false);
  });
});
