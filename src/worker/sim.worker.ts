/**
 * Web Worker entry: the engine runs here, never on the main thread (DESIGN.md Principle 6).
 * Wires the host to postMessage and a ~16 ms frame timer; all logic lives in host.ts.
 */
import { createCluster, restoreCluster } from '../engine/index.ts';
import { kubectl } from '../kubectl/index.ts';
import type { FromWorker, ToWorker } from '../protocol/messages.ts';
import { createHost } from './host.ts';
import { runTerminalLine } from './simLine.ts';

const scope = self as unknown as {
  postMessage(msg: FromWorker): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};

const host = createHost({
  createCluster,
  restoreCluster,
  kubectl,
  runLine: runTerminalLine,
  post: (msg) => scope.postMessage(msg),
  wallNow: () => performance.now(),
});

scope.onmessage = (e) => host.handle(e.data);
setInterval(() => host.frame(), 16);
