/**
 * Startup, liveness and readiness probes of one container. Mirrors pkg/kubelet/prober/worker.go
 * (doProbe: initial results, thresholds, startup gating, onHold after a liveness/startup
 * failure), prober.go (the `%s probe failed: %s` Unhealthy event) and pkg/probe/{http,tcp,exec}.
 * Only containers that declare probes get one of these, and its timers run only while the
 * container runs.
 *
 * Timing: probes tick every periodSeconds counted from the container's start (the real worker
 * ticks from its own creation, a moment earlier), the first tick not before initialDelaySeconds.
 * A started container without a readiness result gets an immediate readiness run when
 * initialDelaySeconds is 0 (prober_manager.go UpdatePodStatus triggers it). A liveness/startup
 * failure puts the worker on hold until the next container.
 *
 * Simulated results (the kubelet cannot really connect or exec):
 *
 * | probe                                  | succeeds when                                | failure output                                                          |
 * |----------------------------------------|----------------------------------------------|-------------------------------------------------------------------------|
 * | httpGet port P                         | the process listens on P                     | `Get "http://IP:P/path": dial tcp IP:P: connect: connection refused`    |
 * | httpGet, forced to fail                | never                                        | `HTTP probe failed with statuscode: 500`                                |
 * | tcpSocket port P                       | the process listens on P (forced: never)     | `dial tcp IP:P: connect: connection refused`                            |
 * | exec `cat F` / `ls F` / `stat F` / `test -f F` / `[ -f F ]` | F exists now (the command created it and has not removed it) | busybox's text, e.g. `cat: can't open 'F': No such file or directory` |
 * | exec `true`, `exit 0`, `echo`, `sleep N` (N < timeoutSeconds) | always                | —                                                                       |
 * | exec `false`, `exit N`                 | never                                        | (empty: the command printed nothing)                                    |
 * | exec `redis-cli ping`, `pg_isready`, `mysqladmin ping`, `curl`/`wget` URL, `nc -z H P` | the process listens on the port | (empty)                                           |
 * | exec anything else                     | never                                        | `OCI runtime exec failed: exec failed: unable to start container process: exec: "X": executable file not found in $PATH: unknown` |
 * | exec, forced to fail                   | never                                        | the command's failure text from this table (empty when it has none)     |
 * | exec that sleeps ≥ timeoutSeconds      | never                                        | `command "sleep 5" timed out`                                           |
 *
 * `sh -c "a && b"` probes run each statement in turn and fail at the first failure.
 */
import type { Probe } from 'kubernetes-types/core/v1';
import type { TimerHandle } from '../component.ts';
import type { ProbeKind } from '../types.ts';
import type { Container } from '../scheduler/types.ts';
import { fileExists, processModel, splitStatements, type ProcessModel } from './process.ts';

export type ProbeResult = 'Success' | 'Failure' | 'Unknown';

/** Upstream defaults (pkg/apis/core/v1/defaults.go SetDefaults_Probe). */
export function probeDefaults(p: Probe): Required<Pick<Probe, 'initialDelaySeconds' | 'timeoutSeconds' | 'periodSeconds' | 'successThreshold' | 'failureThreshold'>> {
  return {
    initialDelaySeconds: p.initialDelaySeconds ?? 0,
    timeoutSeconds: p.timeoutSeconds ?? 1,
    periodSeconds: p.periodSeconds ?? 10,
    successThreshold: p.successThreshold ?? 1,
    failureThreshold: p.failureThreshold ?? 3,
  };
}

export const PROBE_NAME: Record<ProbeKind, string> = { liveness: 'Liveness', readiness: 'Readiness', startup: 'Startup' };

function portOf(port: number | string | undefined, c: Container): number {
  if (typeof port === 'number') return port;
  const named = c.ports?.find((p) => p.name === port);
  return named ? named.containerPort : Number(port ?? 0);
}

const NOT_FOUND: Record<string, (f: string) => string> = {
  cat: (f) => `cat: can't open '${f}': No such file or directory`,
  ls: (f) => `ls: ${f}: No such file or directory`,
  stat: (f) => `stat: can't stat '${f}': No such file or directory`,
  head: (f) => `head: ${f}: No such file or directory`,
  test: () => '',
  '[': () => '',
};

function execStatement(argv: string[], proc: ProcessModel, elapsedMs: number): { ok: boolean; output: string } {
  const cmd = argv[0]?.slice(argv[0].lastIndexOf('/') + 1) ?? '';
  const listens = (p: number) => proc.ports.includes(p);
  if (cmd === 'true' || cmd === ':') return { ok: true, output: '' };
  if (cmd === 'false') return { ok: false, output: '' };
  if (cmd === 'sleep') return { ok: true, output: '' };
  if (cmd === 'echo') return { ok: true, output: argv.slice(1).join(' ') };
  if (cmd === 'exit') return { ok: Number(argv[1] ?? 0) === 0, output: '' };
  if (cmd in NOT_FOUND) {
    const file = argv.slice(1).filter((a) => !a.startsWith('-') && a !== ']').at(-1) ?? '';
    return fileExists(proc, file, elapsedMs) ? { ok: true, output: '' } : { ok: false, output: NOT_FOUND[cmd]!(file) };
  }
  if (cmd === 'redis-cli') return listens(6379) ? { ok: true, output: 'PONG' } : { ok: false, output: 'Could not connect to Redis at 127.0.0.1:6379: Connection refused' };
  if (cmd === 'pg_isready') return listens(5432) ? { ok: true, output: '/var/run/postgresql:5432 - accepting connections' } : { ok: false, output: '/var/run/postgresql:5432 - no response' };
  if (cmd === 'mysqladmin') return { ok: listens(3306), output: listens(3306) ? 'mysqld is alive' : '' };
  if (cmd === 'curl' || cmd === 'wget') {
    const url = argv.find((a) => /^https?:\/\//.test(a) || a.startsWith('localhost') || a.startsWith('127.0.0.1'));
    const m = url ? /^(?:https?:\/\/)?[^/:]+(?::(\d+))?/.exec(url) : null;
    const port = m?.[1] ? Number(m[1]) : url?.startsWith('https') ? 443 : 80;
    return { ok: listens(port), output: '' };
  }
  if (cmd === 'nc') return { ok: listens(Number(argv.at(-1))), output: '' };
  return { ok: false, output: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0] ?? ''}": executable file not found in $PATH: unknown` };
}

/** One probe's simulated outcome against the running process (see the table above). */
export function simulateProbe(probe: Probe, c: Container, proc: ProcessModel, elapsedMs: number, podIP: string, forced: boolean): { ok: boolean; output: string } {
  if (probe.httpGet) {
    const port = portOf(probe.httpGet.port, c);
    const host = probe.httpGet.host || podIP;
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    if (!proc.ports.includes(port)) {
      // SetDefaults_HTTPGetAction: path "/" when empty.
      return { ok: false, output: `Get "${scheme}://${host}:${port}${probe.httpGet.path || '/'}": dial tcp ${host}:${port}: connect: connection refused` };
    }
    return forced ? { ok: false, output: 'HTTP probe failed with statuscode: 500' } : { ok: true, output: '' };
  }
  if (probe.tcpSocket) {
    const port = portOf(probe.tcpSocket.port, c);
    const host = probe.tcpSocket.host || podIP;
    return proc.ports.includes(port) && !forced ? { ok: true, output: '' } : { ok: false, output: `dial tcp ${host}:${port}: connect: connection refused` };
  }
  if (probe.grpc) {
    const ok = proc.ports.includes(probe.grpc.port) && !forced;
    return { ok, output: ok ? '' : `timeout: failed to connect service "${podIP}:${probe.grpc.port}" within 1s: context deadline exceeded` };
  }
  const argv = probe.exec?.command ?? [];
  // exec.go: a command still running after timeoutSeconds fails with the TimeoutError text.
  const runs = processModel('', argv);
  if ((runs.exitAfterMs === undefined && runs.lines.length + runs.files.length === 0 && /(^|\/)sleep$|(^|\/)(ba|a)?sh$/.test(argv[0] ?? '')) ||
    (runs.exitAfterMs !== undefined && runs.exitAfterMs - 10 >= probeDefaults(probe).timeoutSeconds * 1000)) {
    return { ok: false, output: `command "${argv.join(' ')}" timed out` };
  }
  const stmts = argv.length >= 3 && /(^|\/)(ba|a)?sh$/.test(argv[0]!) && argv[1] === '-c' ? splitStatements(argv[2]!) : [argv];
  let out = { ok: true, output: '' };
  for (const s of stmts) {
    out = execStatement(s, proc, elapsedMs);
    if (!out.ok) break;
  }
  if (forced && out.ok) {
    const first = stmts[0] ?? [];
    const cmd = first[0]?.slice(first[0].lastIndexOf('/') + 1) ?? '';
    const file = first.slice(1).filter((a) => !a.startsWith('-')).at(-1) ?? '';
    return { ok: false, output: cmd in NOT_FOUND ? NOT_FOUND[cmd]!(file) : '' };
  }
  return out;
}

/** worker.go's state for one probe of one container. */
export interface ProbeWorker {
  kind: ProbeKind;
  probe: Probe;
  /** The current result as the results manager holds it. */
  result: ProbeResult;
  lastResult: ProbeResult;
  resultRun: number;
  /** After a liveness/startup failure: stop probing until a new container starts. */
  onHold: boolean;
  timer?: TimerHandle;
}

/** The initial value of each probe's result (worker.go newWorker). */
export const INITIAL: Record<ProbeKind, ProbeResult> = { readiness: 'Failure', liveness: 'Success', startup: 'Unknown' };

/** Probe workers for the probes `c` declares (none: undefined, so probe-less containers cost nothing). */
export function probeWorkers(c: Container): ProbeWorker[] | undefined {
  const out: ProbeWorker[] = [];
  const add = (kind: ProbeKind, probe: Probe | undefined) => {
    if (probe) out.push({ kind, probe, result: INITIAL[kind], lastResult: 'Unknown', resultRun: 0, onHold: false });
  };
  add('startup', c.startupProbe);
  add('liveness', c.livenessProbe);
  add('readiness', c.readinessProbe);
  return out.length ? out : undefined;
}

/**
 * doProbe's bookkeeping after one probe ran: the run of equal results, and whether the result
 * the kubelet acts on changes now (failureThreshold / successThreshold reached).
 */
export function recordResult(w: ProbeWorker, ok: boolean): boolean {
  const result: ProbeResult = ok ? 'Success' : 'Failure';
  const d = probeDefaults(w.probe);
  if (w.lastResult === result) w.resultRun++;
  else {
    w.lastResult = result;
    w.resultRun = 1;
  }
  if ((result === 'Failure' && w.resultRun < d.failureThreshold) || (result === 'Success' && w.resultRun < d.successThreshold)) return false;
  const changed = w.result !== result;
  w.result = result;
  if ((w.kind === 'liveness' || w.kind === 'startup') && result === 'Failure') {
    w.onHold = true;
    w.resultRun = 0;
  }
  return changed || (w.kind !== 'readiness' && result === 'Failure');
}
