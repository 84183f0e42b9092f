/** Terminal scrollback kept in the store so it survives switching tabs. */
import type { RestCall } from '../protocol/messages.ts';

export interface TerminalLine {
  id: number;
  /**
   * `input` (the command), `stdout`/`stderr` (what it printed), `request` (one REST request the
   * command became: not kubectl's text, drawn dimmed), `requestsMore` (how many were left out).
   */
  kind: 'input' | 'stdout' | 'stderr' | 'request' | 'requestsMore';
  text: string;
  /** `request`: the HTTP status code; `requestsMore`: how many requests were left out. */
  count?: number;
  /** `request`: the request's span id. */
  spanId?: number;
}

/** Lines of scrollback kept (older ones scroll away, like a real terminal's buffer). */
export const MAX_TERMINAL_LINES = 2000;
/** Requests listed per command; an apply of hundreds of objects lists the first ones and a count. */
export const MAX_REQUEST_LINES = 12;

let nextLineId = 1;

/** Append output, splitting it into lines; a trailing newline does not add an empty line. */
export function appendTerminal(lines: TerminalLine[], entry: Omit<TerminalLine, 'id'>): TerminalLine[] {
  const text = entry.text.endsWith('\n') ? entry.text.slice(0, -1) : entry.text;
  const added = text.split('\n').map((t) => ({ id: nextLineId++, kind: entry.kind, text: t }));
  return cap(lines.concat(added));
}

/** Append the REST requests a command became (`GET /api/v1/…`), at most {@link MAX_REQUEST_LINES}. */
export function appendRequests(lines: TerminalLine[], requests: readonly RestCall[]): TerminalLine[] {
  const shown = requests.slice(0, MAX_REQUEST_LINES);
  const added: TerminalLine[] = shown.map((r) => ({ id: nextLineId++, kind: 'request', text: `${r.method} ${r.path}`, count: r.code, spanId: r.spanId }));
  if (requests.length > shown.length) added.push({ id: nextLineId++, kind: 'requestsMore', text: '', count: requests.length - shown.length });
  return cap(lines.concat(added));
}

const cap = (all: TerminalLine[]) => (all.length > MAX_TERMINAL_LINES ? all.slice(-MAX_TERMINAL_LINES) : all);
