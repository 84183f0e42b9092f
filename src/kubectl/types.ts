/**
 * What kubectl needs from its host (CLI, worker, tests). kubectl reaches the cluster only
 * through `request`/`watch` — the API server's REST handler — as the real kubectl does.
 */
import type { RestRequest, RestResponse, WatchEvent } from '../engine/apiserver/types.ts';
import type { SpanInput } from '../engine/trace/span.ts';

/**
 * A cancellation flag the host raises when the user interrupts the command (Ctrl+C or Stop in the
 * terminal). A DOM/Node `AbortSignal` satisfies it.
 */
export interface CancelSignal {
  readonly aborted: boolean;
}

/** Which of kubectl's output streams a chunk was written to. */
export type OutputStream = 'stdout' | 'stderr';

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
  /**
   * Optional: raised when the user interrupts the command. The host then resolves pending
   * `sleep`/`sleepUntil` promptly; blocking commands (`wait`, `rollout status`, `get -w`, `delete`)
   * stop waiting, keep what they printed so far, and kubectl exits 130 (128 + SIGINT) with no
   * further error, as a shell reports a process killed by Ctrl+C. Only the client stops: the
   * requests already sent stand and the cluster keeps running.
   */
  signal?: CancelSignal;
  /**
   * Optional: called each time kubectl writes, in order, with exactly the text written, so a
   * host can show a blocking command's output as it is printed (a `get -w` row, a `rollout
   * status` line) instead of when the command ends. The returned {@link KubectlResult} still
   * carries the whole stdout/stderr; errors rendered at exit (`Error from server …`) reach only
   * the result.
   */
  onOutput?(stream: OutputStream, text: string): void;
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
