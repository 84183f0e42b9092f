/**
 * What a container's process does once started: a teaching model, not an emulator. The runtime
 * (runtime.ts) starts it, the kubelet's prober asks it about ports and files, `kubectl logs`
 * reads its lines. Decided from the image (registry/profiles.ts) and `command` + `args`:
 *
 * | command / args                                   | the process                                                         |
 * |--------------------------------------------------|---------------------------------------------------------------------|
 * | none, server image (nginx, httpd, redis, postgres, mysql, whoami, http-echo, echoserver) | runs until stopped, listens on the image's ports, logs its real start-up lines |
 * | none, postgres/mysql without their password env  | logs the entrypoint's error, exits 1                                 |
 * | none, busybox/alpine/ubuntu/debian/python/node/golang | the shell/REPL reads EOF and exits 0 at once                    |
 * | none, curlimages/curl                            | prints its usage hint, exits 2                                       |
 * | `sh -c "<script>"` (sh, bash, ash)               | the script below, statement by statement                             |
 * | `sleep N` / `sleep infinity`                     | runs N s (infinity: forever), then the next statement               |
 * | `echo X` / `date`                                | writes X / the date to the log (`$VAR`, `${VAR}` expanded from the container's env, not inside '…') |
 * | `cat F …`                                        | writes F's content as mounted at start (a ConfigMap/Secret file), or BusyBox's "can't open" |
 * | `echo X > F`, `touch F`, `rm [-f] F`             | creates / removes file F (exec probes read it)                      |
 * | `exit N`                                         | exits N (end of script: the last status; `false` = 1)               |
 * | `while true; do …; done` (also `until false`)    | the body repeats forever; each pass lasts its sleeps (≥ 1 s when it has none) |
 * | the image's server (`nginx -g …`, `redis-server`, `python -m http.server [P]`, `exec …`) | runs it: ports, start-up lines |
 * | any other command outside a shell                | runs until stopped (an app we cannot model), listens on no port     |
 * | any other command inside a shell                 | succeeds at once, prints nothing                                    |
 *
 * On the stop signal (SIGTERM, or the image's STOPSIGNAL: SIGQUIT for nginx, SIGWINCH for httpd)
 * servers exit with their `stopExitCode` (0) after 200 ms; a shell as PID 1 ignores SIGTERM,
 * so a script that is sleeping waits for SIGKILL (137).
 */
import { imageProfile, type ImageProfile, type TsFormat } from '../registry/profiles.ts';
import { parseImageRef } from '../registry/reference.ts';

/** A line the process writes `atMs` after it started. */
export interface TimedLine {
  atMs: number;
  text: string;
  /** `{ts}` in `text` is formatted like this; `date` = the whole line is `date`'s output. */
  ts?: TsFormat | 'date';
  /** `cat FILE`: the line is the file's content as the container saw it at start (see containerLogs.ts). */
  file?: string;
}

export interface FileOp { atMs: number; path: string; present: boolean }

export interface ProcessModel {
  /** Exit after this long; undefined = runs until stopped. */
  exitAfterMs?: number;
  exitCode: number;
  /** Exit code once the stop signal arrives; undefined = ignores SIGTERM (SIGKILL after the grace period). */
  stopExitCode?: number;
  /** TCP ports the process listens on (probes to others are refused). */
  ports: readonly number[];
  workingSetBytes: number;
  lines: readonly TimedLine[];
  stopLines: readonly string[];
  files: readonly FileOp[];
  /** A `while true` body: repeats every `periodMs` from `startMs`, its lines and file ops relative to each pass. */
  loop?: { startMs: number; periodMs: number; lines: readonly TimedLine[]; files: readonly FileOp[] };
  /** For `{version}` and `{ip}` in lines. */
  version: string;
  ts?: TsFormat;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);
/** How long a process that handles its stop signal takes to exit. */
export const STOP_EXIT_MS = 200;
/** A process "exits at once" this long after it started. */
const EXIT_MS = 10;

const base = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

/** POSIX-ish word splitting: quotes, backslashes; `;`, `&&`, `||`, `&`, `|`, newlines separate statements. */
export function splitStatements(script: string, vars?: (name: string) => string | undefined): string[][] {
  const out: string[][] = [];
  let words: string[] = [];
  let w = '';
  let inWord = false;
  const endWord = () => {
    if (inWord) words.push(w);
    w = '';
    inWord = false;
  };
  const endStmt = () => {
    endWord();
    if (words.length) out.push(words);
    words = [];
  };
  for (let i = 0; i < script.length; i++) {
    const ch = script[i]!;
    if (ch === "'" || ch === '"') {
      const j = script.indexOf(ch, i + 1);
      const end = j < 0 ? script.length : j;
      // Parameter expansion: inside double quotes, not inside single quotes.
      w += ch === '"' && vars ? expandVars(script.slice(i + 1, end), vars) : script.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (ch === '\\' && i + 1 < script.length) {
      w += script[++i];
      inWord = true;
    } else if (ch === ';' || ch === '\n' || ch === '&' || ch === '|') {
      if ((ch === '&' || ch === '|') && script[i + 1] === ch) i++;
      endStmt();
    } else if (ch === ' ' || ch === '\t') endWord();
    else if (ch === '$' && vars && /^\$(\{[A-Za-z_]|[A-Za-z_])/.test(script.slice(i, i + 3))) {
      const m = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/.exec(script.slice(i));
      if (m) {
        w += vars((m[1] ?? m[2])!) ?? '';
        inWord = true;
        i += m[0].length - 1;
      } else {
        w += ch;
        inWord = true;
      }
    } else if (ch === '>' ) {
      endWord();
      if (script[i + 1] === '>') i++;
      words.push('>');
    } else {
      w += ch;
      inWord = true;
    }
  }
  endStmt();
  return out;
}

/** What containerd sets when the image and the container do not: PATH and HOME. */
export const RUNTIME_VARS: Readonly<Record<string, string>> = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root' };

/** `$NAME` and `${NAME}` replaced by the variable's value (empty when unset), as a shell expands them. */
export function expandVars(text: string, vars: (name: string) => string | undefined): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, a: string | undefined, b: string | undefined) => vars((a ?? b)!) ?? '');
}

/** Names a shell script refers to as `$NAME` or `${NAME}`. */
function referencedVars(script: string): string[] {
  return [...new Set([...script.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!))];
}

function seconds(s: string | undefined): number | undefined {
  if (s === undefined) return 0;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(s);
  if (!m) return undefined;
  return Number(m[1]) * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 } as Record<string, number>)[m[2]!]!;
}

interface Run {
  t: number;
  status: number;
  lines: TimedLine[];
  files: FileOp[];
  forever: boolean;
  exited?: number;
  ports: number[];
  server: boolean;
  /** An unknown program ran outside a shell (assumed to die on SIGTERM: 143). */
  app?: boolean;
  /** The server was told where to listen (`-listen=:8080`), instead of the image's ports. */
  listen?: number;
}

/**
 * The port a server's flags ask for: http-echo's `-listen=:PORT`, agnhost netexec's
 * `--http-port=PORT` (8080 by default), a generic `--port=PORT`.
 */
function listenFlag(args: readonly string[]): number | undefined {
  for (let i = 0; i < args.length; i++) {
    const m = /^--?(listen|http-port|port)(?:=(.*))?$/.exec(args[i]!);
    if (!m) continue;
    const v = (m[2] ?? args[i + 1] ?? '').replace(/^.*:/, '');
    if (/^\d+$/.test(v)) return Number(v);
  }
  return args[0] === 'netexec' ? 8080 : undefined;
}

/** Runs one statement; returns false when the script stops here (exit, or runs forever). */
function statement(words: string[], r: Run, profile: ImageProfile, inShell: boolean): boolean {
  let argv = words;
  while (argv[0] === 'exec' || argv[0] === 'do' || argv[0] === 'then') argv = argv.slice(1);
  if (argv.length === 0) return true;
  const redirect = argv.indexOf('>');
  const target = redirect >= 0 ? argv[redirect + 1] : undefined;
  if (redirect >= 0) argv = argv.slice(0, redirect);
  const cmd = base(argv[0] ?? '');
  const write = (text: string, ts?: TimedLine['ts']) => {
    if (target) r.files.push({ atMs: r.t, path: target, present: true });
    else if (target === undefined) r.lines.push({ atMs: r.t, text, ...(ts ? { ts } : {}) });
  };
  switch (cmd) {
    case 'sleep': {
      if (argv[1] === 'infinity') {
        r.forever = true;
        return false;
      }
      const s = seconds(argv[1]);
      r.t += Math.round((s ?? 0) * 1000);
      r.status = s === undefined ? 1 : 0;
      return true;
    }
    case 'echo':
      write(argv.slice(1).filter((a) => a !== '-n' && a !== '-e').join(' '));
      r.status = 0;
      return true;
    case 'printf':
      write((argv[1] ?? '').replace(/\\n$/, ''));
      r.status = 0;
      return true;
    case 'date':
      write('', 'date');
      r.status = 0;
      return true;
    case 'cat':
      // Only files the kubelet mounted are known: their content is read when the container starts.
      for (const f of argv.slice(1).filter((a) => !a.startsWith('-'))) r.lines.push({ atMs: r.t, text: '', file: f });
      r.status = 0;
      return true;
    case 'touch':
      for (const f of argv.slice(1)) r.files.push({ atMs: r.t, path: f, present: true });
      r.status = 0;
      return true;
    case 'rm':
      for (const f of argv.slice(1).filter((a) => !a.startsWith('-'))) r.files.push({ atMs: r.t, path: f, present: false });
      r.status = 0;
      return true;
    case 'exit':
      r.exited = Number(argv[1] ?? r.status) & 255;
      return false;
    case 'true':
    case ':':
      r.status = 0;
      return true;
    case 'false':
      r.status = 1;
      return true;
  }
  if (redirect >= 0 && argv.length === 0) {
    write('');
    return true;
  }
  if (cmd === 'python' || cmd === 'python3') {
    const m = argv.indexOf('-m');
    if (m >= 0 && argv[m + 1] === 'http.server') {
      r.ports.push(Number(argv[m + 2] ?? 8000));
      r.forever = true;
      r.server = false;
      return false;
    }
  }
  if (profile.serverCommands?.some((c) => base(c) === cmd)) {
    r.server = true;
    r.forever = true;
    const port = listenFlag(argv.slice(1));
    if (port !== undefined) r.listen = port;
    return false;
  }
  if (inShell) {
    r.status = 0;
    return true;
  }
  r.forever = true;
  r.app = true;
  return false;
}

/** Runs a statement list from `r.t`; handles one level of `while true; do …; done`. */
function script(stmts: string[][], r: Run, profile: ImageProfile, inShell: boolean): ProcessModel['loop'] {
  for (let i = 0; i < stmts.length; i++) {
    const s = stmts[i]!;
    if ((s[0] === 'while' && (s[1] === 'true' || s[1] === ':')) || (s[0] === 'until' && s[1] === 'false')) {
      let end = i + 1;
      while (end < stmts.length && stmts[end]![0] !== 'done') end++;
      const body = stmts.slice(i + 1, end);
      const pass: Run = { t: 0, status: 0, lines: [], files: [], forever: false, ports: r.ports, server: false };
      for (const b of body) if (!statement(b, pass, profile, true)) break;
      r.forever = true;
      if (pass.forever || pass.exited !== undefined) {
        // The body never finishes its first pass (or exits in it): run it once.
        r.lines.push(...pass.lines.map((l) => ({ ...l, atMs: l.atMs + r.t })));
        r.files.push(...pass.files.map((f) => ({ ...f, atMs: f.atMs + r.t })));
        if (pass.exited !== undefined) {
          r.forever = false;
          r.exited = pass.exited;
          r.t += pass.t;
        }
        return undefined;
      }
      return { startMs: r.t, periodMs: Math.max(pass.t, 1000), lines: pass.lines, files: pass.files };
    }
    if (!statement(s, r, profile, inShell)) return undefined;
  }
  return undefined;
}

const cache = new Map<string, ProcessModel>();

/**
 * The process for `image` run with `command`/`args`/`env`. Models are shared between containers
 * with the same inputs (a Deployment's 1,000 pods hold one object).
 */
export function processModel(
  image: string,
  command: readonly string[] = [],
  args: readonly string[] = [],
  env: readonly string[] = [],
  vars?: (name: string) => string | undefined,
): ProcessModel {
  // A `sh -c` script's `$VAR`s are expanded with the container's environment: the values it
  // refers to are part of the key (pods of one Deployment still share one model).
  const shellScript = SHELLS.has(base(command[0] ?? args[0] ?? '')) ? [...command, ...args].at(-1) ?? '' : '';
  // The runtime's own variables when the container does not set them (containerd: PATH, HOME).
  const given = vars;
  if (given) vars = (n) => given(n) ?? RUNTIME_VARS[n];
  const refs = vars && shellScript.includes('$') ? referencedVars(shellScript).map((n) => `${n}=${vars(n) ?? ''}`) : [];
  const key = JSON.stringify([image, command, args, env, refs]);
  const hit = cache.get(key);
  if (hit) return hit;
  const ref = parseImageRef(image);
  const repo = 'error' in ref ? image : ref.repository;
  const profile = imageProfile(repo);
  const tag = 'error' in ref ? undefined : ref.tag;
  const version = (tag && profile.versions?.[tag]) ?? (tag && /^\d+\.\d+\.\d+$/.test(tag) ? tag : (profile.version ?? tag ?? ''));
  const r: Run = { t: 0, status: 0, lines: [], files: [], forever: false, ports: [], server: false };
  // Args without a command go to the image's ENTRYPOINT (Docker semantics): for images whose
  // entrypoint is the server binary itself (http-echo, whoami, agnhost) they are its flags.
  const argv = command.length === 0 && args.length > 0 && profile.entrypoint ? [profile.entrypoint, ...args] : [...command, ...args];
  let loop: ProcessModel['loop'];
  if (argv.length === 0) {
    if (profile.requiresEnv && !env.includes('*') && !profile.requiresEnv.anyOf.some((e) => env.includes(e))) {
      r.lines.push(...profile.requiresEnv.lines.map((text) => ({ atMs: 0, text, ts: profile.ts })));
      r.exited = 1;
    } else if (profile.run === 'server') r.server = r.forever = true;
    else {
      r.lines.push(...profile.startLines.map((text) => ({ atMs: 0, text })));
      r.exited = profile.exitCode ?? 0;
    }
  } else if (SHELLS.has(base(argv[0]!)) && argv[1] === '-c') {
    loop = script(splitStatements(argv[2] ?? '', vars), r, profile, true);
  } else if (SHELLS.has(base(argv[0]!)) && argv.length === 1) {
    r.exited = 0;
  } else {
    loop = script([argv], r, profile, false);
  }
  if (r.server) {
    r.ports.push(...(r.listen !== undefined ? [r.listen] : profile.ports));
    r.lines.push(...profile.startLines.map((text) => ({ atMs: r.t, text, ...(profile.ts ? { ts: profile.ts } : {}) })));
  }
  const model: ProcessModel = {
    exitCode: r.exited ?? r.status,
    ...(r.forever ? {} : { exitAfterMs: r.t + EXIT_MS }),
    // PID 1 ignores signals it has no handler for: shells, sleep, python's http.server wait for
    // SIGKILL. Servers handle their stop signal; unknown apps are assumed to die of SIGTERM.
    ...(r.server ? { stopExitCode: profile.stopExitCode ?? 0 } : r.app ? { stopExitCode: 143 } : {}),
    ports: r.ports,
    workingSetBytes: profile.workingSetBytes,
    lines: r.lines,
    stopLines: r.server ? (profile.stopLines ?? []) : [],
    files: r.files,
    ...(loop ? { loop } : {}),
    version,
    ...(profile.ts ? { ts: profile.ts } : {}),
  };
  if (cache.size > 10_000) cache.clear();
  cache.set(key, model);
  return model;
}

/**
 * Whether `path` exists `atMs` after the process started. A file operation is visible only
 * strictly after its instant: a probe that ticks at the very moment `sleep 30` ends still sees
 * the file (the shell needs a moment to run `rm`).
 */
export function fileExists(p: ProcessModel, path: string, atMs: number): boolean {
  let present = false;
  for (const f of p.files) if (f.path === path && f.atMs < atMs) present = f.present;
  const l = p.loop;
  if (l && atMs >= l.startMs && l.files.some((f) => f.path === path)) {
    const k = Math.floor((atMs - l.startMs) / l.periodMs);
    const off = atMs - l.startMs - k * l.periodMs;
    let inPass: boolean | undefined;
    for (const f of l.files) if (f.path === path && f.atMs < off) inPass = f.present;
    if (inPass !== undefined) return inPass;
    if (k > 0) for (const f of l.files) if (f.path === path) present = f.present;
  }
  return present;
}
