/** Terminal scrollback kept in the store so it survives switching tabs. */
import type { CommandResult, RestCall } from '../protocol/messages.ts';

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
  /** The command (store job id) this line belongs to, so its output lands under its own line. */
  cmd?: number;
  /** Output shown while the command runs; its result replaces these lines with the whole output. */
  streamed?: boolean;
  /** A streamed line still being written (no newline yet): the next chunk continues it. */
  open?: boolean;
}

/** A command running in the terminal: typed at the prompt (the foreground job) or run by a UI action. */
export interface TerminalJob {
  id: number;
  line: string;
  /** Typed at the prompt: the prompt waits for it, and Ctrl+C interrupts it. */
  typed: boolean;
}

/** What the shell echoes when Ctrl+C interrupts a command or discards the line being typed. */
export const CTRL_C = '^C';

/** Lines of scrollback kept (older ones scroll away, like a real terminal's buffer). */
export const MAX_TERMINAL_LINES = 2000;
/** Requests listed per command; an apply of hundreds of objects lists the first ones and a count. */
export const MAX_REQUEST_LINES = 12;

let nextLineId = 1;

/** Append output, splitting it into lines; a trailing newline does not add an empty line. */
export function appendTerminal(lines: TerminalLine[], entry: Omit<TerminalLine, 'id'>): TerminalLine[] {
  const text = entry.text.endsWith('\n') ? entry.text.slice(0, -1) : entry.text;
  const added = text.split('\n').map((t) => ({ id: nextLineId++, kind: entry.kind, text: t, ...(entry.cmd !== undefined ? { cmd: entry.cmd } : {}) }));
  return cap(lines.concat(added));
}

/**
 * A finished command's output — stdout, stderr, `^C` when it was interrupted, then the REST
 * requests it became — placed right after the lines of the same command. Commands run
 * concurrently (a UI action while `get -w` blocks, as in a second terminal), so each command's
 * output stays under its own `$ line` instead of under whichever line was typed last.
 */
export function appendResult(lines: TerminalLine[], cmd: number, result: CommandResult): TerminalLine[] {
  // The result holds everything the command printed. When the streamed lines already say all of
  // it, they stay: they keep stdout and stderr interleaved as printed (drain's `error when
  // evicting … (will retry after 5s)` before `node/x drained`). Otherwise the result replaces them.
  const streamed = lines.filter((l) => l.streamed && l.cmd === cmd);
  let added: TerminalLine[] = [];
  if (streamed.length > 0 && sameOutput(streamed, result)) {
    lines = lines.map((l) => (l.streamed && l.cmd === cmd ? unstreamed(l) : l));
  } else {
    if (streamed.length > 0) lines = lines.filter((l) => !(l.streamed && l.cmd === cmd));
    if (result.stdout) added = appendTerminal(added, { kind: 'stdout', text: result.stdout, cmd });
    if (result.stderr) added = appendTerminal(added, { kind: 'stderr', text: result.stderr, cmd });
  }
  if (result.interrupted) added = appendTerminal(added, { kind: 'stdout', text: CTRL_C, cmd });
  if (result.requests?.length) added = appendRequests(added, result.requests).map((l) => ({ ...l, cmd }));
  return insertUnder(lines, cmd, added);
}

/** Whether the streamed lines hold exactly the result's stdout and stderr (each in order). */
function sameOutput(streamed: TerminalLine[], result: CommandResult): boolean {
  const text = (kind: 'stdout' | 'stderr') => streamed.filter((l) => l.kind === kind).map((l) => l.text).join('\n');
  const trim = (s: string) => (s.endsWith('\n') ? s.slice(0, -1) : s);
  return text('stdout') === trim(result.stdout) && text('stderr') === trim(result.stderr);
}

/** A streamed line once its command has finished: a plain, closed line. */
function unstreamed(line: TerminalLine): TerminalLine {
  const { streamed: _s, open: _o, ...rest } = line;
  return rest;
}

/**
 * What a running command just printed (a `get -w` row, a `rollout status` line), shown under
 * its `$ line` at once; a chunk without a final newline leaves its last line open for the next.
 */
export function appendStream(lines: TerminalLine[], cmd: number, kind: 'stdout' | 'stderr', text: string): TerminalLine[] {
  if (!text) return lines;
  const parts = text.split('\n');
  const open = parts.at(-1) !== '';
  if (!open) parts.pop();
  let at = -1;
  for (let i = lines.length - 1; i >= 0 && at < 0; i--) if (lines[i]!.cmd === cmd) at = i;
  let head = lines;
  const prev = at >= 0 ? lines[at]! : undefined;
  if (prev?.open) {
    // Continue the line the previous chunk left open (as a terminal's cursor would).
    const first = parts.shift()!;
    const joined: TerminalLine = { ...prev, text: prev.text + first };
    if (!(open && parts.length === 0)) delete joined.open;
    head = [...lines.slice(0, at), joined, ...lines.slice(at + 1)];
  }
  const added: TerminalLine[] = parts.map((t) => ({ id: nextLineId++, kind, text: t, cmd, streamed: true }));
  if (open && added.length) added[added.length - 1]!.open = true;
  return insertUnder(head, cmd, added);
}

/** `added` right after the last line of command `cmd` (at the end when there is none). */
function insertUnder(lines: TerminalLine[], cmd: number, added: TerminalLine[]): TerminalLine[] {
  if (added.length === 0) return lines;
  let at = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (lines[i]!.cmd === cmd) {
      at = i;
      break;
    }
  }
  if (at < 0 || at === lines.length - 1) return cap(lines.concat(added));
  return cap([...lines.slice(0, at + 1), ...added, ...lines.slice(at + 1)]);
}

/** Append the REST requests a command became (`GET /api/v1/…`), at most {@link MAX_REQUEST_LINES}. */
export function appendRequests(lines: TerminalLine[], requests: readonly RestCall[]): TerminalLine[] {
  const shown = requests.slice(0, MAX_REQUEST_LINES);
  const added: TerminalLine[] = shown.map((r) => ({ id: nextLineId++, kind: 'request', text: `${r.method} ${r.path}`, count: r.code, spanId: r.spanId }));
  if (requests.length > shown.length) added.push({ id: nextLineId++, kind: 'requestsMore', text: '', count: requests.length - shown.length });
  return cap(lines.concat(added));
}

const cap = (all: TerminalLine[]) => (all.length > MAX_TERMINAL_LINES ? all.slice(-MAX_TERMINAL_LINES) : all);
