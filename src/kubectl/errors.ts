/**
 * How kubectl renders errors. Mirrors k8s.io/kubectl/pkg/cmd/util/helpers.go: checkErr,
 * StandardErrorMessage, MultipleErrors, MultilineError, statusCausesToAggrError, AddSourceToErr.
 */
import type { Status } from '../engine/apiserver/types.ts';

/** An error kubectl collected: an API Status (from the server) or a client-side message. */
export type CmdError = { status: Status } | { message: string };

export function isStatus(body: unknown): body is Status {
  return typeof body === 'object' && body !== null && (body as { kind?: unknown }).kind === 'Status';
}

/** Status from a response body, or a synthetic one when the body is not a Status. */
export function statusOf(code: number, body: unknown): Status {
  if (isStatus(body)) return body;
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `the server responded with status ${code}`, reason: 'Unknown', code };
}

/** AddSourceToErr: `error when creating "manifest.yaml": <message>`. */
export function addSource(verb: string, source: string, err: CmdError): CmdError {
  if (!source) return err;
  if ('status' in err) return { status: { ...err.status, message: `error when ${verb} ${JSON.stringify(source)}: ${err.status.message}` } };
  return { message: `error when ${verb} ${JSON.stringify(source)}: ${err.message}` };
}

/** StandardErrorMessage / messageForError: an error as one entry of an aggregate. */
function messageForError(err: CmdError): string {
  if ('status' in err) {
    const s = err.status;
    if (s.reason === 'Unauthorized') return `error: You must be logged in to the server (${s.message})`;
    if (s.reason) return `Error from server (${s.reason}): ${s.message}`;
    return `Error from server: ${s.message}`;
  }
  return err.message;
}

/** checkErr for one error (the text kubectl writes to stderr), newline-terminated. */
function renderOne(err: CmdError): string {
  if ('status' in err && err.status.reason === 'Invalid') {
    const d = err.status.details;
    let s = 'The request is invalid';
    if (!d) return s + '\n';
    if (d.kind || d.name) s = `The ${d.kind ?? ''} ${JSON.stringify(d.name ?? '')} is invalid`;
    else if (d.group) s = `The ${d.group} ${JSON.stringify(d.name ?? '')} is invalid`;
    const causes = d.causes ?? [];
    if (causes.length === 0) return s + '\n';
    const seen = new Set<string>();
    const msgs: string[] = [];
    for (const c of causes) {
      const m = `${c.field}: ${c.message}`;
      if (seen.has(m)) continue;
      seen.add(m);
      msgs.push(m);
    }
    // MultilineError: Fprintln(prefix) keeps the trailing space of "is invalid: ".
    if (msgs.length === 1) return `${s}: ${msgs[0]}\n`;
    return `${s}: \n${msgs.map((m) => `* ${m}\n`).join('')}`;
  }
  if ('status' in err) return messageForError(err) + '\n';
  const msg = err.message.startsWith('error: ') ? err.message : `error: ${err.message}`;
  return msg.endsWith('\n') ? msg : msg + '\n';
}

/** checkErr for what a command returned: one error, or an aggregate printed one per line. */
export function renderErrors(errs: CmdError[]): string {
  if (errs.length === 0) return '';
  if (errs.length === 1) return renderOne(errs[0]!);
  return errs.map((e) => `${messageForError(e)}\n`).join('');
}
