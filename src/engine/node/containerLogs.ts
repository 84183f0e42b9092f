/**
 * Container logs as the kubelet serves them (pkg/kubelet/kuberuntime/logs/logs.go, RFC 3339
 * timestamps with fixed nanoseconds) and the state checks before it reads them
 * (kubelet_pods.go validateContainerLogStatus). Lines are not stored as they are written: they
 * are generated from the process model on read, so a chatty `while true; do echo …` loop costs
 * nothing until someone asks. At most the last MAX_LOG_LINES lines of an instance are returned.
 */
import type { TsFormat } from '../registry/profiles.ts';
import type { LogLine } from './kubelet.ts';
import type { ContainerRecord } from './podStatus.ts';
import type { ProcessModel, TimedLine } from './process.ts';

export const MAX_LOG_LINES = 1000;

/** One run of a container: its process, when it started (virtual wall ms) and how it ended. */
export interface Instance {
  containerID: string;
  proc: ProcessModel;
  startWallMs: number;
  /** Elapsed ms at exit; undefined while it runs. */
  endMs?: number;
  /** It exited on its stop signal: the server's shutdown lines follow. */
  stopped?: boolean;
  /** What `cat FILE` in its command read at start (undefined: no such file). */
  files?: ReadonlyMap<string, string | undefined>;
}

/**
 * A new run of a container. The files its command `cat`s are read now, from the mounts as they
 * are at start: later updates of a ConfigMap volume do not rewrite what the app already printed.
 */
export function newInstance(containerID: string, proc: ProcessModel, startWallMs: number, read: (path: string) => string | undefined): Instance {
  const paths = proc.lines.filter((l) => l.file !== undefined).map((l) => l.file!);
  return paths.length ? { containerID, proc, startWallMs, files: new Map(paths.map((p) => [p, read(p)])) } : { containerID, proc, startWallMs };
}


const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC3339NanoFixed: `2026-01-01T00:00:05.123000000Z`. */
export function rfc3339NanoFixed(wallMs: number): string {
  return new Date(wallMs).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

function stamp(fmt: TsFormat | 'date', wallMs: number): string {
  const d = new Date(wallMs);
  const iso = d.toISOString();
  const [date, time] = [iso.slice(0, 10), iso.slice(11, 19)];
  const ms = iso.slice(20, 23);
  switch (fmt) {
    case 'nginx':
      return `${date.replace(/-/g, '/')} ${time}`;
    case 'redis':
      return `${String(d.getUTCDate()).padStart(2, '0')} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${time}.${ms}`;
    case 'postgres':
      return `${date} ${time}.${ms}`;
    case 'httpd':
      return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, '0')} ${time}.${ms}000 ${d.getUTCFullYear()}`;
    case 'date':
      return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${time} UTC ${d.getUTCFullYear()}`;
    default:
      return `${iso.slice(0, 23)}000Z`;
  }
}

function render(l: TimedLine, proc: ProcessModel, wallMs: number, podIP: string): LogLine {
  const text = l.ts === 'date' ? stamp('date', wallMs) : l.text.replace(/\{ts\}/g, () => stamp(l.ts ?? 'iso', wallMs)).replace('{version}', proc.version).replace('{ip}', podIP);
  return { time: rfc3339NanoFixed(wallMs), text };
}

/** BusyBox `cat`'s output for `path`: the file's lines, or its error (stderr shares the log). */
function catLines(inst: Instance, path: string): string[] {
  const content = inst.files?.get(path);
  if (content === undefined) return [`cat: can't open '${path}': No such file or directory`];
  const lines = content.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** The instance's lines up to `nowElapsedMs` (or its end), the last MAX_LOG_LINES of them. */
export function instanceLines(inst: Instance, nowElapsedMs: number, podIP: string): LogLine[] {
  const p = inst.proc;
  const until = inst.endMs ?? nowElapsedMs;
  const out: LogLine[] = [];
  for (const l of p.lines) {
    if (l.atMs > until) continue;
    if (l.file === undefined) out.push(render(l, p, inst.startWallMs + l.atMs, podIP));
    else for (const text of catLines(inst, l.file)) out.push({ time: rfc3339NanoFixed(inst.startWallMs + l.atMs), text });
  }
  const loop = p.loop;
  if (loop && loop.lines.length && until >= loop.startMs) {
    const passes = Math.floor((until - loop.startMs) / loop.periodMs) + 1;
    // Only the passes that can still show up in the tail.
    const first = Math.max(0, passes - Math.ceil(MAX_LOG_LINES / loop.lines.length) - 1);
    for (let k = first; k < passes; k++) {
      for (const l of loop.lines) {
        const at = loop.startMs + k * loop.periodMs + l.atMs;
        if (at <= until) out.push(render(l, p, inst.startWallMs + at, podIP));
      }
    }
  }
  if (inst.stopped && inst.endMs !== undefined) {
    for (const text of p.stopLines) out.push(render({ atMs: inst.endMs, text, ...(p.ts ? { ts: p.ts } : {}) }, p, inst.startWallMs + inst.endMs, podIP));
  }
  return out.length > MAX_LOG_LINES ? out.slice(out.length - MAX_LOG_LINES) : out;
}

/**
 * validateContainerLogStatus: which instance `kubectl logs [--previous]` reads, or the error.
 * In CrashLoopBackOff both read the container that just died (lastState.terminated).
 */
export function pickInstance(c: ContainerRecord, podName: string, previous: boolean): { inst: Instance } | { error: string } {
  const byID = (id: string | undefined) => (id === undefined ? undefined : [c.instance, c.prevInstance].find((i) => i?.containerID === id));
  const name = `container "${c.name}" in pod "${podName}"`;
  const last = byID(c.lastTerminated?.containerID);
  if (previous) return last ? { inst: last } : { error: `previous terminated container "${c.name}" in pod "${podName}" not found` };
  if (c.phase === 'running' && c.instance) return { inst: c.instance };
  if (c.phase === 'terminated') {
    const t = byID(c.terminated?.containerID) ?? last;
    return t ? { inst: t } : { error: `${name} is terminated` };
  }
  if (last) return { inst: last };
  const reason = c.reason ?? 'ContainerCreating';
  if (reason === 'ErrImagePull') return { error: `${name} is waiting to start: image can't be pulled` };
  if (reason === 'ImagePullBackOff') return { error: `${name} is waiting to start: trying and failing to pull image` };
  return { error: `${name} is waiting to start: ${reason}` };
}
