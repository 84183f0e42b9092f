/** What every kubectl command gets: the host IO, parsed flags, the namespace, output buffers. */
import type { RestRequest, RestResponse } from '../engine/apiserver/types.ts';
import type { Diagnostic, KubectlIO } from './types.ts';
import type { CmdError } from './errors.ts';
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
  return { io, p, namespace: ns || 'default', explicitNamespace: !!ns, stdout: [], errors: [], stderr: [], diagnostics: [] };
}

/** A request as kubectl sends it (from the `kubectl` stage, with kubectl's user agent). */
export function send(ctx: Ctx, req: Omit<RestRequest, 'from' | 'userAgent'>): RestResponse {
  return ctx.io.request({ ...req, from: 'kubectl', userAgent: USER_AGENT });
}
