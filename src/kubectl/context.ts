/** What every kubectl command gets: the host IO, parsed flags, the namespace, output buffers. */
import type { RestRequest, RestResponse, WatchEvent } from '../engine/apiserver/types.ts';
import type { Diagnostic, KubectlIO, OutputStream } from './types.ts';
import { isStatus, type CmdError } from './errors.ts';
import { flag, type ParsedArgs } from './flags.ts';

export const KUBECTL_VERSION = 'v1.34.0';
export const USER_AGENT = `kubectl/${KUBECTL_VERSION} (linux/amd64) kubernetes/simulated`;

export interface Ctx {
  io: KubectlIO;
  p: ParsedArgs;
  /** `-n` or `default`. */
  namespace: string;
  /** Whether `-n` was given (apply checks it against the manifest's namespace). */
  explicitNamespace: boolean;
  stdout: string[];
  errors: CmdError[];
  /** Lines written to stderr that are not errors (warnings, "No resources found"). */
  stderr: string[];
  diagnostics: Diagnostic[];
  /** Exit code when no error was collected (wait timeouts set 1 through `errors`). */
  exitCode?: number;
}

export function makeCtx(io: KubectlIO, p: ParsedArgs): Ctx {
  const ns = flag(p, 'namespace');
  return { io, p, namespace: ns || 'default', explicitNamespace: !!ns, stdout: tee(io, 'stdout'), errors: [], stderr: tee(io, 'stderr'), diagnostics: [] };
}

/**
 * An output buffer that also hands every write to `io.onOutput` as it happens (commands write
 * with `push`, like fmt.Fprint to os.Stdout), so a host can stream a blocking command's output.
 */
function tee(io: KubectlIO, stream: OutputStream): string[] {
  const buf: string[] = [];
  const onOutput = io.onOutput?.bind(io);
  if (!onOutput) return buf;
  buf.push = (...texts: string[]) => {
    for (const t of texts) if (t) onOutput(stream, t);
    return Array.prototype.push.apply(buf, texts);
  };
  return buf;
}

/**
 * A watch from `resourceVersion` on, as client-go's reflector starts one after its LIST: events
 * for objects at or below that version (already in the list) are dropped. A watch the server
 * refuses becomes an error instead of an exception.
 */
export function watchFrom(
  ctx: Ctx,
  path: string,
  query: Record<string, string> | undefined,
  resourceVersion: string | undefined,
  onEvent: (e: WatchEvent) => void,
): () => void {
  const from = Number(resourceVersion ?? 0) || 0;
  try {
    return ctx.io.watch(path, { ...(query ?? {}), ...(resourceVersion ? { resourceVersion } : {}) }, (e) => {
      const rv = Number((e.object as { metadata?: { resourceVersion?: string } })?.metadata?.resourceVersion ?? 0);
      if (e.type !== 'DELETED' && from && rv && rv <= from) return;
      onEvent(e);
    });
  } catch (e) {
    const status = (e as { status?: unknown })?.status;
    ctx.errors.push(isStatus(status) ? { status } : { message: e instanceof Error ? e.message : String(e) });
    return () => {};
  }
}

/** A request as kubectl sends it (from the `kubectl` stage, with kubectl's user agent). */
export function send(ctx: Ctx, req: Omit<RestRequest, 'from' | 'userAgent'>): RestResponse {
  return ctx.io.request({ ...req, from: 'kubectl', userAgent: USER_AGENT });
}
