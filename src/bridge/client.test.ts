import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FromWorker, ToWorker } from '../protocol/messages.ts';
import { Bridge, type WorkerLike, type WorkerStatus } from './client.ts';

class FakeWorker implements WorkerLike {
  sent: ToWorker[] = [];
  terminated = false;
  private listeners: Record<string, ((e: Event) => void)[]> = {};
  postMessage(msg: ToWorker) { this.sent.push(msg); }
  terminate() { this.terminated = true; }
  addEventListener(type: string, fn: (e: Event) => void) { (this.listeners[type] ??= []).push(fn); }
  emit(msg: FromWorker) { for (const fn of this.listeners.message ?? []) fn({ data: msg } as MessageEvent); }
  fail() { for (const fn of this.listeners.error ?? []) fn({ message: 'boom', preventDefault() {} } as unknown as Event); }
}

describe('Bridge', () => {
  let now = 0;
  let workers: FakeWorker[];
  let statuses: WorkerStatus[];
  let bridge: Bridge;
  beforeEach(() => {
    vi.useFakeTimers();
    now = 0;
    workers = [];
    statuses = [];
    bridge = new Bridge(
      { seed: 7, workers: 3, now: () => now, visible: () => true, heartbeatMs: 5000, spawn: () => { const w = new FakeWorker(); workers.push(w); return w; } },
      { onDelta: () => {}, onReady: () => {}, onStatus: (s) => statuses.push(s) },
    );
    bridge.start();
  });
  afterEach(() => {
    bridge.dispose();
    vi.useRealTimers();
  });

  const snapshot = { version: 1 as const, options: { seed: 7, workers: 3 }, at: 42, inputs: [] };

  it('matches results to requests by id', async () => {
    const p = bridge.terminal('kubectl get pods');
    const msg = workers[0].sent.find((m) => m.type === 'terminal') as Extract<ToWorker, { type: 'terminal' }>;
    workers[0].emit({ type: 'result', id: msg.id, result: { stdout: 'No resources found\n', stderr: '', exitCode: 0 } });
    await expect(p).resolves.toMatchObject({ stdout: 'No resources found\n' });
  });

  it('explain: sends pod and pin, resolves with the matching explanation; a crash resolves it empty', async () => {
    const p = bridge.explain('default/big', true);
    const msg = workers[0].sent.at(-1) as Extract<ToWorker, { type: 'explain' }>;
    expect(msg).toEqual({ type: 'explain', id: msg.id, pod: 'default/big', pin: true });
    const explanation = { pod: 'default/big', attempt: 1, at: 5, numAllNodes: 4, evaluated: 4, feasible: 0, plugins: [], filtered: [], filteredTotal: 4, scored: [], message: '0/4 nodes are available' };
    workers[0].emit({ type: 'explanation', id: msg.id, pod: 'default/big', explanation });
    await expect(p).resolves.toMatchObject({ explanation: { message: '0/4 nodes are available' } });
    bridge.explain(undefined, false);
    expect(workers[0].sent.at(-1)).toMatchObject({ type: 'explain', pin: false });
    expect(workers[0].sent.at(-1)).not.toHaveProperty('pod');
    const lost = bridge.explain('default/x');
    workers[0].fail();
    await expect(lost).resolves.toMatchObject({ type: 'explanation' });
    expect((await lost).explanation).toBeUndefined();
  });

  it('cancel interrupts a running line by id; a line already answered is not cancelled', async () => {
    const run = bridge.runLine('kubectl rollout status deployment/web');
    const msg = workers[0].sent.find((m) => m.type === 'terminal') as Extract<ToWorker, { type: 'terminal' }>;
    expect(msg.id).toBe(run.id);
    bridge.cancel(run.id);
    expect(workers[0].sent.at(-1)).toEqual({ type: 'cancel', id: run.id });
    workers[0].emit({ type: 'result', id: run.id, result: { stdout: 'Waiting…\n', stderr: '', exitCode: 130, interrupted: true } });
    await expect(run.result).resolves.toMatchObject({ exitCode: 130, interrupted: true });
    const count = workers[0].sent.length;
    bridge.cancel(run.id);
    expect(workers[0].sent).toHaveLength(count);
  });

  it('routes streamed output to the running line it belongs to, until its result', async () => {
    const got: string[] = [];
    const a = bridge.runLine('kubectl get pods -w', (c) => got.push(`a:${c.stream}:${c.text}`));
    const b = bridge.runLine('kubectl rollout status deployment/web', (c) => got.push(`b:${c.stream}:${c.text}`));
    const delta = (output: { id: number; stream: 'stdout' | 'stderr'; text: string }[]) =>
      workers[0].emit({ type: 'delta', now: 0, epochMs: 0, playing: true, speed: 1, busy: false, upserts: [], deletes: [], released: [], output });
    delta([{ id: a.id, stream: 'stdout', text: 'NAME  READY\n' }, { id: b.id, stream: 'stdout', text: 'Waiting…\n' }, { id: 999, stream: 'stdout', text: 'x' }]);
    workers[0].emit({ type: 'result', id: a.id, result: { stdout: 'NAME  READY\n', stderr: '', exitCode: 130, interrupted: true } });
    await a.result;
    delta([{ id: a.id, stream: 'stdout', text: 'late\n' }, { id: b.id, stream: 'stderr', text: 'warn\n' }]);
    expect(got).toEqual(['a:stdout:NAME  READY\n', 'b:stdout:Waiting…\n', 'b:stderr:warn\n']);
  });

  it('on a worker error: crashed, then a new worker restored from the last snapshot, pending requests answered', async () => {
    workers[0].emit({ type: 'ready', seed: 7, workers: 3, epochMs: 0 });
    workers[0].emit({ type: 'snapshot', snapshot });
    bridge.setSpeed(4);
    const pending = bridge.terminal('kubectl wait --for=condition=Ready pod/web');
    workers[0].fail();
    expect(statuses).toEqual(['ready', 'crashed']);
    await expect(pending).resolves.toMatchObject({ exitCode: 1 });
    vi.advanceTimersByTime(1);
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    expect(workers[1].sent[0]).toMatchObject({ type: 'init', seed: 7, workers: 3, snapshot, speed: 4 });
    expect(statuses.at(-1)).toBe('restarting');
    workers[1].emit({ type: 'ready', seed: 7, workers: 3, epochMs: 0 });
    expect(statuses.at(-1)).toBe('ready');
  });

  it('a missed heartbeat counts as a crash, but only after the worker first spoke', () => {
    now = 30_000;
    vi.advanceTimersByTime(1000);
    expect(statuses).toEqual([]); // still starting: the startup allowance is longer
    workers[0].emit({ type: 'ready', seed: 7, workers: 3, epochMs: 0 });
    now = 36_000;
    vi.advanceTimersByTime(1000);
    expect(statuses).toEqual(['ready', 'crashed']);
  });

  it('ignores messages from a worker it already replaced, and a disposed bridge spawns nothing', () => {
    workers[0].fail();
    vi.advanceTimersByTime(1);
    workers[0].emit({ type: 'fatal', message: 'late' });
    expect(workers).toHaveLength(2);
    bridge.dispose();
    workers[1].fail();
    vi.advanceTimersByTime(10);
    expect(workers).toHaveLength(2);
  });

  it('after repeated crashes restarts without the snapshot, then gives up', () => {
    workers[0].emit({ type: 'snapshot', snapshot });
    for (let i = 0; i < 8; i++) {
      workers.at(-1)!.fail();
      vi.advanceTimersByTime(1);
    }
    const inits = workers.map((w) => w.sent[0] as Extract<ToWorker, { type: 'init' }>);
    expect(inits[1].snapshot).toEqual(snapshot);
    expect(inits[4].snapshot).toBeUndefined();
    expect(workers).toHaveLength(7); // the first + 6 restarts
  });
});
