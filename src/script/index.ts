/**
 * The scenario-script runner (DESIGN.md "Scenario scripts"): one command a line — `kubectl …`,
 * `sleep DURATION`, `sim …` — split into words as a POSIX shell would. Host-agnostic: the CLI
 * (src/cli/sim.ts), the browser terminal and tests supply a ScriptHost.
 */
import type { SimActions } from '../engine/types.ts';
import { kubectl } from '../kubectl/index.ts';
import type { KubectlIO } from '../kubectl/types.ts';
import { parseSleepDuration } from './duration.ts';
import { ShellSyntaxError, splitWords } from './shell.ts';
import { parseSim, runSim, trafficTable, type SimCommand } from './sim.ts';

export { splitWords, ShellSyntaxError } from './shell.ts';
export { parseSleepDuration } from './duration.ts';

/** What a script needs from where it runs. */
export interface ScriptHost {
  /** kubectl's IO (its `readFile` resolves `-f` paths, e.g. relative to the script's folder). */
  io: KubectlIO;
  /** Cluster.sim. */
  sim: SimActions;
  /** Virtual ms since the cluster started (the `at` of each result). */
  now(): number;
}

/** What one line did. `line` is exactly as written; `at` is virtual ms when it finished. */
export interface ScriptLineResult {
  line: string;
  stdout: string;
  stderr: string;
  exitCode: number;
  at: number;
}

type Parsed =
  | { kind: 'empty' }
  | { kind: 'kubectl'; argv: string[] }
  | { kind: 'sleep'; ms: number }
  | { kind: 'sim'; cmd: SimCommand };

/** Parses a line; throws Error (malformed) with the reason. */
export function parseLine(line: string): Parsed {
  let words: string[];
  try {
    words = splitWords(line);
  } catch (e) {
    if (e instanceof ShellSyntaxError) throw new Error(e.message, { cause: e });
    throw e;
  }
  if (words.length === 0) return { kind: 'empty' };
  const [cmd, ...rest] = words as [string, ...string[]];
  if (cmd === 'kubectl') return { kind: 'kubectl', argv: rest };
  if (cmd === 'sleep') {
    if (rest.length !== 1) throw new Error('usage: sleep DURATION (e.g. 500ms, 30s, 5m, 1h30m)');
    return { kind: 'sleep', ms: parseSleepDuration(rest[0]!) };
  }
  if (cmd === 'sim') return { kind: 'sim', cmd: parseSim(rest) };
  throw new Error(`unknown command ${JSON.stringify(cmd)}: expected kubectl, sleep or sim`);
}

/** Runs one line. A malformed line gives exit code 2 and says why on stderr. Blank/comment lines give undefined. */
export async function runScriptLine(line: string, host: ScriptHost): Promise<ScriptLineResult | undefined> {
  let parsed: Parsed;
  try {
    parsed = parseLine(line);
  } catch (e) {
    return { line, stdout: '', stderr: `error: malformed line: ${(e as Error).message}\n`, exitCode: 2, at: host.now() };
  }
  switch (parsed.kind) {
    case 'empty':
      return undefined;
    case 'sleep':
      await host.io.sleep(parsed.ms);
      return { line, stdout: '', stderr: '', exitCode: 0, at: host.now() };
    case 'sim': {
      if (parsed.cmd.kind === 'traffic') return { line, ...(await runTraffic(parsed.cmd, host)), at: host.now() };
      const r = runSim(parsed.cmd, host.sim);
      return { line, ...r, at: host.now() };
    }
    case 'kubectl': {
      const r = await kubectl(parsed.argv, host.io);
      return { line, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, at: host.now() };
    }
  }
}

/**
 * `sim traffic`: start a generator, let `--for` of virtual time pass (Ctrl+C ends it early; the
 * host then reports exit 130), stop it and print its table.
 */
async function runTraffic(cmd: Extract<SimCommand, { kind: 'traffic' }>, host: ScriptHost): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const fail = (msg: string) => ({ stdout: '', stderr: msg.endsWith('\n') ? msg : `${msg}\n`, exitCode: 1 });
  if (!host.sim.trafficStart || !host.sim.trafficStop) return fail('error: sim traffic is not available in this version of the simulator yet');
  const started = host.sim.trafficStart(cmd.target, { rps: cmd.rps, forMs: cmd.forMs, ...(cmd.namespace !== undefined ? { namespace: cmd.namespace } : {}) });
  if (!started.ok || started.id === undefined) return fail(started.message);
  // Requests go out at start, start + 1000/rps, … within [start, start + for): the generator
  // stops sending by itself, so a late wake-up (the browser's frames) sends no extra request.
  await host.io.sleep(cmd.forMs);
  const stopped = host.sim.trafficStop(started.id);
  if (!stopped.ok || !stopped.status) return fail(stopped.message);
  return { stdout: trafficTable(stopped.status), stderr: '', exitCode: 0 };
}

export interface ScriptRun {
  results: ScriptLineResult[];
  /** 0 when the script ran (whatever its commands returned), 2 when a line is malformed. */
  exitCode: 0 | 2;
  /** For exit code 2: `line N: reason`. */
  error?: string;
}

/** Joins physical lines ending in a backslash, remembering where each logical line starts. */
function logicalLines(text: string): { line: string; number: number }[] {
  const phys = text.replace(/\r\n/g, '\n').split('\n');
  const out: { line: string; number: number }[] = [];
  for (let i = 0; i < phys.length; i++) {
    const start = i;
    let l = phys[i]!;
    while (/(^|[^\\])(\\\\)*\\$/.test(l) && i + 1 < phys.length) l = l + '\n' + phys[++i]!;
    out.push({ line: l, number: start + 1 });
  }
  return out;
}

/**
 * Runs a whole script. Every line is parsed first: a malformed line stops the script before
 * anything runs (exit code 2, naming the line), as a shell's syntax check would.
 */
export async function runScript(text: string, host: ScriptHost): Promise<ScriptRun> {
  const lines = logicalLines(text);
  for (const { line, number } of lines) {
    try {
      parseLine(line);
    } catch (e) {
      return { results: [], exitCode: 2, error: `line ${number}: ${(e as Error).message}: ${line.trim()}` };
    }
  }
  const results: ScriptLineResult[] = [];
  for (const { line } of lines) {
    const r = await runScriptLine(line, host);
    if (r) results.push(r);
  }
  return { results, exitCode: 0 };
}

/** Text output: `$ LINE`, then stdout, then stderr, per line. */
export function formatText(results: ScriptLineResult[]): string {
  return results.map((r) => `$ ${r.line}\n${r.stdout}${r.stderr}`).join('');
}

/** `--json` output: one array of `{line, stdout, stderr, exitCode, at}`. */
export function formatJson(results: ScriptLineResult[]): string {
  return JSON.stringify(results.map(({ line, stdout, stderr, exitCode, at }) => ({ line, stdout, stderr, exitCode, at })), null, 2) + '\n';
}
