/**
 * What kubectl needs from its host (CLI, worker, tests). kubectl reaches the cluster only
 * through `request`/`watch` — the API server's REST handler — as the real kubectl does.
 */
import type { RestRequest, RestResponse, WatchEvent } from '../engine/apiserver/types.ts';
import type { SpanInput } from '../engine/trace/span.ts';

export interface KubectlIO {
  request(req: RestRequest): RestResponse;
  watch(path: string, query: Record<string, string> | undefined, onEvent: (e: WatchEvent) => void): () => void;
  /** Record a client-side hop (manifest → kubectl) on the cluster's trace. */
  trace(span: SpanInput): void;
  /** Virtual wall clock in Unix ms (for AGE columns and timeouts). */
  nowMs(): number;
  /** Let `ms` of virtual time pass (the CLI runs the engine forward; the worker waits for the pacer). */
  sleep(ms: number): Promise<void>;
  /**
   * Optional: let up to `ms` of virtual time pass, stopping as soon as `done()` is true (checked
   * after every step of the cluster). Blocking commands (`wait`, `delete`) use it to return at
   * the moment their condition is met; without it they sleep in 100 ms steps.
   */
  sleepUntil?(ms: number, done: () => boolean): Promise<void>;
  /** Read a `-f` file; undefined when it does not exist. `-` means stdin. */
  readFile(path: string): string | undefined;
}

/** A problem located in an input file, for editor markers. Lines and columns are 1-based. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface KubectlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  diagnostics?: Diagnostic[];
}
