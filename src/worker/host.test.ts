import { describe, expect, it } from 'vitest';
import type { DeltaMessage, FromWorker, ResultMessage } from '../protocol/messages.ts';
import { createHost, splitWords } from './host.ts';
import { FakeCluster, fakeKubectl } from './testing/fakeCluster.ts';

function setup() {
  const sent: FromWorker[] = [];
  let wall = 0;
  let cluster!: FakeCluster;
  const host = createHost({
    createCluster: (o) => (cluster = new FakeCluster(o)),
    restoreCluster: (s) => (cluster = new FakeCluster(s.options)),
    kubectl: (argv, io) => fakeKubectl(argv, io, () => cluster),
    post: (m) => sent.push(m),
    wallNow: () => wall,
  });
  const advance = (ms: number) => {
    for (let i = 0; i < ms; i += 16) {
      wall += 16;
      host.frame();
    }
  };
  const deltas = () => sent.filter((m): m is DeltaMessage => m.type === 'delta');
  const results = () => sent.filter((m): m is ResultMessage => m.type === 'result');
  const flushPromises = () => new Promise((r) => setTimeout(r, 0));
  return { host, sent, advance, deltas, results, flushPromises, cluster: () => cluster };
}

describe('worker host', () => {
  it('init: ready, a reset delta with every node, and a snapshot', () => {
    const { host, sent, deltas } = setup();
    host.handle({ type: 'init', seed: 7, workers: 3 });
    expect(sent[0]).toMatchObject({ type: 'ready', seed: 7, workers: 3 });
    const first = deltas()[0];
    expect(first.reset).toBe(true);
    expect(first.upserts.map((u) => u.key)).toEqual(['nodes//control-plane', 'nodes//worker-1', 'nodes//worker-2', 'nodes//worker-3']);
    expect(sent.some((m) => m.type === 'snapshot')).toBe(true);
  });

  it('apply: answers by id, then pods arrive coalesced, one delta per frame at most', async () => {
    const t = setup();
    t.host.handle({ type: 'init', seed: 1, workers: 3 });
    t.host.handle({ type: 'apply', id: 42, text: 'kind: Deployment', file: 'manifest.yaml' });
    await t.flushPromises();
    expect(t.results()[0]).toMatchObject({ id: 42, result: { stdout: 'deployment.apps/web created\n', exitCode: 0 } });
    const before = t.sent.length;
    t.advance(60_000);
    const deltas = t.deltas();
    // ≤ 1 message per 16 ms frame (plus snapshots every 5 s)
    expect(t.sent.length - before).toBeLessThanOrEqual(60_000 / 16 + 20);
    const pods = new Map<string, string>();
    for (const d of deltas) for (const u of d.upserts) if (u.resource === 'pods') pods.set(u.key, u.columns!.status);
    expect([...pods.values()]).toEqual(['Running', 'Running', 'Running']);
    const released = deltas.flatMap((d) => d.released.map((s) => s.id));
    expect(released).toEqual([...released].sort((a, b) => a - b));
    expect(new Set(released).size).toBe(released.length);
    expect(released.length).toBeGreaterThan(6);
  });

  it('a throwing kubectl becomes an error result, and the host keeps running', async () => {
    const t = setup();
    t.host.handle({ type: 'init', seed: 1, workers: 1 });
    t.host.handle({ type: 'terminal', id: 1, line: 'kubectl boom' });
    t.host.handle({ type: 'terminal', id: 2, line: 'ls -la' });
    await t.flushPromises();
    const byId = t.results().sort((a, b) => a.id - b.id);
    expect(byId.map((r) => [r.id, r.result.exitCode])).toEqual([[1, 1], [2, 127]]);
    expect(byId[0].result.stderr).toContain('kaboom');
    expect(byId[1].result.stderr).toBe('ls: command not found\n');
    t.advance(100);
    expect(t.sent.some((m) => m.type === 'fatal')).toBe(false);
  });

  it('io.sleep resolves only as the pacer advances virtual time (kubectl wait)', async () => {
    const t = setup();
    t.host.handle({ type: 'init', seed: 1, workers: 1, playing: false });
    t.host.handle({ type: 'terminal', id: 5, line: 'kubectl wait --for=condition=Ready pod/x' });
    await t.flushPromises();
    t.advance(10_000); // paused: no virtual time passes
    await t.flushPromises();
    expect(t.results()).toHaveLength(0);
    t.host.handle({ type: 'play' });
    t.advance(5_100);
    await t.flushPromises();
    expect(t.results()[0]).toMatchObject({ id: 5, result: { stdout: 'condition met\n' } });
  });

  it('cancel interrupts a blocked command at once (even paused); other commands and playback are not held up', async () => {
    const t = setup();
    t.host.handle({ type: 'init', seed: 1, workers: 1, playing: false });
    t.host.handle({ type: 'terminal', id: 5, line: 'kubectl wait --for=condition=Ready pod/x' });
    await t.flushPromises();
    // While it blocks: an Apply and a second line (a UI action) run as separate kubectl processes.
    t.host.handle({ type: 'apply', id: 6, text: 'kind: Deployment', file: 'manifest.yaml' });
    t.host.handle({ type: 'terminal', id: 7, line: 'kubectl get pods' });
    t.host.handle({ type: 'play' });
    t.host.handle({ type: 'pause' });
    await t.flushPromises();
    expect(t.results().map((r) => r.id).sort()).toEqual([6, 7]);
    const now = t.cluster().now();
    t.host.handle({ type: 'cancel', id: 5 });
    await t.flushPromises();
    expect(t.results().find((r) => r.id === 5)?.result).toEqual({ stdout: 'waiting\n', stderr: '', exitCode: 130, interrupted: true });
    expect(t.cluster().now()).toBe(now); // only the client stopped: no virtual time passed
    // A late or unknown cancel is ignored.
    t.host.handle({ type: 'cancel', id: 5 });
    t.host.handle({ type: 'cancel', id: 99 });
    await t.flushPromises();
    expect(t.results()).toHaveLength(3);
    expect(t.sent.some((m) => m.type === 'fatal')).toBe(false);
  });

  it('an interrupted `sleep` line (script runner) also exits 130', async () => {
    const sent: FromWorker[] = [];
    let cluster!: FakeCluster;
    const host = createHost({
      createCluster: (o) => (cluster = new FakeCluster(o)),
      restoreCluster: (s) => (cluster = new FakeCluster(s.options)),
      kubectl: (argv, io) => fakeKubectl(argv, io, () => cluster),
      runLine: async (_line, _c, io) => {
        await io.sleep(3_600_000);
        return { stdout: '', stderr: '', exitCode: 0 };
      },
      post: (m) => sent.push(m),
      wallNow: () => 0,
    });
    host.handle({ type: 'init', seed: 1, workers: 1 });
    host.handle({ type: 'terminal', id: 1, line: 'sleep 1h' });
    await new Promise((r) => setTimeout(r, 0));
    expect(sent.some((m) => m.type === 'result')).toBe(false);
    host.handle({ type: 'cancel', id: 1 });
    await new Promise((r) => setTimeout(r, 0));
    expect(sent.find((m): m is ResultMessage => m.type === 'result')).toMatchObject({ id: 1, result: { exitCode: 130, interrupted: true } });
    expect(cluster.now()).toBe(0);
  });

  it('step releases exactly one span while paused', () => {
    const t = setup();
    t.host.handle({ type: 'init', seed: 1, workers: 3, playing: false });
    t.cluster().deploy('web', 2);
    t.host.handle({ type: 'step' });
    const last = t.deltas().at(-1)!;
    expect(last.released).toHaveLength(1);
    expect(last.playing).toBe(false);
  });

  it('a message before init is answered, not thrown', () => {
    const t = setup();
    t.host.handle({ type: 'terminal', id: 9, line: 'kubectl get pods' });
    expect(t.results()[0].result.exitCode).toBe(1);
  });
});

describe('splitWords', () => {
  it('splits like a POSIX shell', () => {
    expect(splitWords(`kubectl get pods -l 'app=web' -o "jsonpath={.items[*].metadata.name}"`)).toEqual(['kubectl', 'get', 'pods', '-l', 'app=web', '-o', 'jsonpath={.items[*].metadata.name}']);
    expect(splitWords('echo a\\ b  # comment')).toEqual(['echo', 'a b']);
    expect(splitWords(`x ""`)).toEqual(['x', '']);
  });
});
