/** Selecting a pod pins it in kube-scheduler and fetches its attempt; deselecting unpins; a live attempt expires. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WorkerLike } from '../bridge/client.ts';
import type { ExplainMessage, FromWorker, ToWorker } from '../protocol/messages.ts';
import type { SchedulingExplanation } from '../protocol/types.ts';
import { LIVE_HOPS } from './scheduling.ts';
import { activeExplanation, useStore } from './index.ts';

class FakeWorker implements WorkerLike {
  sent: ToWorker[] = [];
  private listeners: Record<string, ((e: Event) => void)[]> = {};
  postMessage(msg: ToWorker) { this.sent.push(msg); }
  terminate() {}
  addEventListener(type: string, fn: (e: Event) => void) { (this.listeners[type] ??= []).push(fn); }
  emit(msg: FromWorker) { for (const fn of this.listeners.message ?? []) fn({ data: msg } as MessageEvent); }
  explains() { return this.sent.filter((m): m is ExplainMessage => m.type === 'explain'); }
}

const expl = (pod: string, at: number): SchedulingExplanation => ({
  pod, attempt: 1, at, numAllNodes: 4, evaluated: 4, feasible: 0, plugins: [],
  filtered: [{ node: 'worker-1', plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'] }], filteredTotal: 1, scored: [], message: '0/4 nodes are available: 1 Insufficient cpu.',
});

let disconnect: (() => void) | undefined;
afterEach(() => {
  disconnect?.();
  vi.useRealTimers();
  useStore.setState({ selection: undefined, explanations: {}, liveScheduling: undefined });
});

describe('pinning the selected pod', () => {
  it('select → explain with pin; the answer lands in the store; another pod re-pins; deselect unpins', async () => {
    const w = new FakeWorker();
    disconnect = useStore.getState().connect({ seed: 7, workers: 3, spawn: () => w });
    useStore.getState().select({ kind: 'pod', key: 'pods/default/big' });
    const [first] = w.explains();
    expect(first).toEqual({ type: 'explain', id: first!.id, pod: 'default/big', pin: true });
    w.emit({ type: 'explanation', id: first!.id, pod: 'default/big', explanation: expl('default/big', 5) });
    await Promise.resolve();
    expect(useStore.getState().explanations['default/big']?.at).toBe(5);
    expect(activeExplanation(useStore.getState())?.pod).toBe('default/big');
    // Selecting the same pod again sends nothing; a node selection unpins.
    useStore.getState().select({ kind: 'pod', key: 'pods/default/big' });
    expect(w.explains()).toHaveLength(1);
    useStore.getState().select({ kind: 'node', key: 'nodes//worker-1' });
    expect(w.explains().at(-1)).toEqual({ type: 'explain', id: w.explains().at(-1)!.id, pin: false });
  });

  it('a reset delta (restarted worker) re-pins the selected pod after clearing old explanations', () => {
    vi.useFakeTimers();
    const w = new FakeWorker();
    disconnect = useStore.getState().connect({ seed: 7, workers: 3, spawn: () => w });
    useStore.getState().select({ kind: 'pod', key: 'pods/default/big' });
    useStore.setState({ explanations: { 'default/big': expl('default/big', 50) } });
    const before = w.explains().length;
    w.emit({ type: 'delta', now: 0, epochMs: 0, playing: true, speed: 1, busy: false, reset: true, upserts: [], deletes: [], released: [] });
    vi.advanceTimersByTime(100);
    expect(useStore.getState().explanations).toEqual({});
    expect(w.explains().slice(before)).toMatchObject([{ pod: 'default/big', pin: true }]);
  });

  it('a live attempt from a released span shows for LIVE_HOPS hops, then expires while playing', () => {
    vi.useFakeTimers();
    const w = new FakeWorker();
    disconnect = useStore.getState().connect({ seed: 7, workers: 3, spawn: () => w });
    w.emit({
      type: 'delta', now: 1, epochMs: 0, playing: true, speed: 1, busy: false, upserts: [], deletes: [],
      released: [{ id: 9, at: 1, duration: 0, from: 'scheduler', to: 'scheduler', verb: 'Schedule', kind: 'schedulingFailed', args: {}, summary: '', payload: expl('default/big', 1) }],
    });
    vi.advanceTimersByTime(100); // the delta flush (no animation frames under vitest)
    expect(useStore.getState().liveScheduling).toEqual({ spanId: 9, pod: 'default/big' });
    expect(activeExplanation(useStore.getState())?.pod).toBe('default/big');
    vi.advanceTimersByTime(LIVE_HOPS * useStore.getState().hopMs + 10);
    expect(useStore.getState().liveScheduling).toBeUndefined();
    expect(useStore.getState().explanations['default/big']).toBeDefined(); // kept for later selection
  });
});
