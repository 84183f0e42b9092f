/** Ctrl+C and Stop in the terminal, through the store and the bridge to a fake worker. */
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkerLike } from '../bridge/client.ts';
import type { FromWorker, TerminalMessage, ToWorker } from '../protocol/messages.ts';
import { useStore } from './index.ts';

class FakeWorker implements WorkerLike {
  sent: ToWorker[] = [];
  private listeners: Record<string, ((e: Event) => void)[]> = {};
  postMessage(msg: ToWorker) { this.sent.push(msg); }
  terminate() {}
  addEventListener(type: string, fn: (e: Event) => void) { (this.listeners[type] ??= []).push(fn); }
  emit(msg: FromWorker) { for (const fn of this.listeners.message ?? []) fn({ data: msg } as MessageEvent); }
  lines() { return this.sent.filter((m): m is TerminalMessage => m.type === 'terminal'); }
}

let disconnect: (() => void) | undefined;
afterEach(async () => {
  disconnect?.();
  // Commands still running when the test ended are answered "stopped" by dispose: let them land first.
  await new Promise((r) => setTimeout(r, 0));
  useStore.setState({ terminal: [], terminalJobs: [] });
});

const text = () => useStore.getState().terminal.map((l) => (l.kind === 'input' ? `$ ${l.text}` : l.text));

describe('terminal interrupts', () => {
  it('a UI action runs while a typed command blocks; Ctrl+C interrupts the typed one and prints ^C under it', async () => {
    const w = new FakeWorker();
    disconnect = useStore.getState().connect({ seed: 7, workers: 3, spawn: () => w });
    const watching = useStore.getState().runTerminal('kubectl get pods -w', { typed: true });
    expect(useStore.getState().terminalJobs).toMatchObject([{ line: 'kubectl get pods -w', typed: true }]);
    // Not queued behind the watch: the action goes to the worker at once and is answered.
    const action = useStore.getState().runAction('kubectl delete pod web-1');
    const [fg, act] = w.lines();
    expect(act).toMatchObject({ line: 'kubectl delete pod web-1' });
    w.emit({ type: 'result', id: act!.id, result: { stdout: 'pod "web-1" deleted from default namespace\n', stderr: '', exitCode: 0 } });
    await expect(action).resolves.toMatchObject({ exitCode: 0 });

    useStore.getState().ctrlC('');
    expect(w.sent.at(-1)).toEqual({ type: 'cancel', id: fg!.id });
    w.emit({ type: 'result', id: fg!.id, result: { stdout: 'NAME    READY   STATUS\nweb-1   1/1     Running\n', stderr: '', exitCode: 130, interrupted: true } });
    await expect(watching).resolves.toMatchObject({ exitCode: 130 });
    expect(useStore.getState().terminalJobs).toEqual([]);
    expect(text()).toEqual([
      '$ kubectl get pods -w',
      'NAME    READY   STATUS',
      'web-1   1/1     Running',
      '^C',
      '$ kubectl delete pod web-1',
      'pod "web-1" deleted from default namespace',
    ]);
  });

  it('Ctrl+C with nothing running discards the typed line with ^C; it does not interrupt a UI action', () => {
    const w = new FakeWorker();
    disconnect = useStore.getState().connect({ seed: 7, workers: 3, spawn: () => w });
    void useStore.getState().runAction('kubectl delete pod web-1');
    const sent = w.sent.length;
    useStore.getState().ctrlC('kubectl get no');
    expect(w.sent).toHaveLength(sent);
    expect(text().at(-1)).toBe('$ kubectl get no^C');
  });

  it('Stop interrupts every command running in the terminal', () => {
    const w = new FakeWorker();
    disconnect = useStore.getState().connect({ seed: 7, workers: 3, spawn: () => w });
    void useStore.getState().runTerminal('kubectl rollout status deployment/web', { typed: true });
    void useStore.getState().runAction('kubectl delete pod web-1');
    useStore.getState().stopTerminal();
    const ids = w.lines().map((m) => m.id);
    expect(w.sent.filter((m) => m.type === 'cancel')).toEqual(ids.map((id) => ({ type: 'cancel', id })));
  });

  it('a running get -w shows its rows as the worker streams them; Ctrl+C then shows the whole output once, and ^C', async () => {
    const w = new FakeWorker();
    disconnect = useStore.getState().connect({ seed: 7, workers: 3, spawn: () => w });
    const watching = useStore.getState().runTerminal('kubectl get pods -w', { typed: true });
    const [fg] = w.lines();
    const delta = (text: string, id = fg!.id) =>
      w.emit({ type: 'delta', now: 0, epochMs: 0, playing: true, speed: 1, busy: false, upserts: [], deletes: [], released: [], output: [{ id, stream: 'stdout', text }] });
    delta('NAME    READY   STATUS\nweb-1   1/1     Running\n');
    expect(text()).toEqual(['$ kubectl get pods -w', 'NAME    READY   STATUS', 'web-1   1/1     Running']);
    delta('web-1   1/1     Terminating\n');
    delta('stray\n', 12345); // not a command of this terminal
    expect(text()).toEqual(['$ kubectl get pods -w', 'NAME    READY   STATUS', 'web-1   1/1     Running', 'web-1   1/1     Terminating']);
    useStore.getState().ctrlC('');
    w.emit({ type: 'result', id: fg!.id, result: { stdout: 'NAME    READY   STATUS\nweb-1   1/1     Running\nweb-1   1/1     Terminating\nweb-2   0/1     Pending\n', stderr: '', exitCode: 130, interrupted: true } });
    await watching;
    delta('late\n'); // after the result: ignored
    expect(text()).toEqual(['$ kubectl get pods -w', 'NAME    READY   STATUS', 'web-1   1/1     Running', 'web-1   1/1     Terminating', 'web-2   0/1     Pending', '^C']);
  });
});
