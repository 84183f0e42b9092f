/**
 * What `kubectl exec` runs inside a simulated container: a handful of coreutils over the
 * container's environment and mounted files. The kubelet's exec endpoint and the CRI ExecSync
 * (pkg/kubelet/server/server.go getExec, cri-containerd container_execsync.go); the error for an
 * unknown command is containerd's wrapping of runc's.
 */
import type { VolumeFiles } from './volumes.ts';
import { expandVars, RUNTIME_VARS } from './process.ts';
import { netCommand, netMounts, type ExecNet } from './execNet.ts';

/** One mount as the container sees it: the volume's files (live), or a subPath copy. */
export interface ExecMount {
  mountPath: string;
  files: VolumeFiles;
  /** Secret and projected (service-account token) volumes live in memory: the kubelet mounts a tmpfs. */
  tmpfs?: boolean;
}

/** The container as exec sees it. */
export interface ExecView {
  hostname: string;
  /** The container's environment as the kubelet built it (envFrom, env). */
  env: [string, string][];
  mounts: ExecMount[];
  /** A fresh 64-hex exec id (containerd names the exec process with it). */
  execID: () => string;
  /** The pod's network: /etc/hosts, /etc/resolv.conf, curl, wget, nslookup (execNet.ts). */
  net?: ExecNet;
}

/** Output of one exec: the streams and the exit code, or the runtime's error (no process ran). */
export type ExecResult = { stdout: string; stderr: string; exitCode: number } | { error: string };

/**
 * The `kubernetes` Service's variables (10.96.0.1:443), for a view built without the kubelet's
 * service links (the kubelet supplies them itself).
 */
const KUBERNETES_ENV: [string, string][] = [
  ['KUBERNETES_SERVICE_HOST', '10.96.0.1'], ['KUBERNETES_SERVICE_PORT', '443'], ['KUBERNETES_SERVICE_PORT_HTTPS', '443'],
  ['KUBERNETES_PORT', 'tcp://10.96.0.1:443'], ['KUBERNETES_PORT_443_TCP', 'tcp://10.96.0.1:443'],
  ['KUBERNETES_PORT_443_TCP_PROTO', 'tcp'], ['KUBERNETES_PORT_443_TCP_PORT', '443'], ['KUBERNETES_PORT_443_TCP_ADDR', '10.96.0.1'],
];
/** A Debian-like root directory, for `ls /`. */
const ROOT_DIRS = ['bin', 'boot', 'dev', 'etc', 'home', 'lib', 'lib64', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var'];

/**
 * The process environment: PATH and HOSTNAME from the runtime, the kubelet's variables (the
 * service links included), HOME.
 */
export function processEnv(v: ExecView): [string, string][] {
  const env = new Map<string, string>([['PATH', RUNTIME_VARS.PATH!], ['HOSTNAME', v.hostname]]);
  for (const [k, val] of v.env) env.set(k, val);
  for (const [k, val] of KUBERNETES_ENV) if (!env.has(k)) env.set(k, val);
  if (!env.has('HOME')) env.set('HOME', RUNTIME_VARS.HOME!);
  return [...env];
}

type Node = { file: string } | { dir: string[] } | undefined;

function normalize(path: string): string {
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return `/${parts.join('/')}`;
}

/** What is at `path`: a file, a directory (its entries), or nothing. */
export function lookup(v: ExecView, path: string): Node {
  const abs = normalize(path.startsWith('/') ? path : `/${path}`);
  const all = v.net ? [...netMounts(v.net, v.hostname), ...v.mounts] : v.mounts;
  const mounts = [...all].sort((a, b) => b.mountPath.length - a.mountPath.length);
  for (const m of mounts) {
    const mp = normalize(m.mountPath);
    if (abs !== mp && !abs.startsWith(mp === '/' ? '/' : `${mp}/`)) continue;
    const rel = abs === mp ? '' : abs.slice(mp.length + 1);
    const f = m.files.get(rel);
    if (f) return { file: f.content };
    const prefix = rel ? `${rel}/` : '';
    const entries = new Set<string>();
    for (const p of m.files.keys()) if (p.startsWith(prefix) && p !== rel) entries.add(p.slice(prefix.length).split('/')[0]!);
    if (entries.size || rel === '') return { dir: [...entries].sort() };
    return undefined;
  }
  // Directories above the mount points (and the image's root).
  const entries = new Set<string>(abs === '/' ? ROOT_DIRS : []);
  for (const m of all) {
    const mp = normalize(m.mountPath);
    if (mp.startsWith(abs === '/' ? '/' : `${abs}/`)) entries.add(mp.slice(abs === '/' ? 1 : abs.length + 1).split('/')[0]!);
  }
  return entries.size ? { dir: [...entries].sort() } : undefined;
}

/** Splits shell text on blanks, honouring single quotes (literal) and double quotes (`$VAR` expanded). */
function words(s: string, env: Map<string, string>): string[] {
  const sub = (t: string) => expandVars(t, (n) => env.get(n));
  return [...s.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? sub(m[2] ?? m[3]!)).filter((w, _i, all) => w !== '' || all.length === 1);
}

/** A filter after `|`: grep [-v] [-i] PATTERN, sort, wc -l, head/tail [-n N]. */
function filter(argv: string[], input: string): { out: string; code: number } | undefined {
  const lines = input.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const join = (ls: string[]) => ls.map((l) => `${l}\n`).join('');
  const [cmd, ...args] = argv;
  const flags = args.filter((a) => a.startsWith('-'));
  const rest = args.filter((a) => !a.startsWith('-'));
  const n = Number(/^-n?(\d+)$/.exec(flags[0] ?? '')?.[1] ?? (flags.includes('-n') ? rest.shift() : undefined) ?? 10);
  switch (cmd) {
    case 'grep': {
      const ci = flags.some((f) => f.includes('i'));
      const inv = flags.some((f) => f.includes('v'));
      const pat = ci ? (rest[0] ?? '').toLowerCase() : (rest[0] ?? '');
      const hits = lines.filter((l) => (ci ? l.toLowerCase() : l).includes(pat) !== inv);
      return { out: join(hits), code: hits.length ? 0 : 1 };
    }
    case 'sort':
      return { out: join([...lines].sort()), code: 0 };
    case 'wc':
      return { out: `${flags.includes('-l') ? lines.length : input.length}\n`, code: 0 };
    case 'head':
      return { out: join(lines.slice(0, n)), code: 0 };
    case 'tail':
      return { out: join(lines.slice(-n)), code: 0 };
    default:
      return undefined;
  }
}

/** `sh -c SCRIPT`: statements split on `;` and `&&`, each a command with optional `|` filters. */
function shell(v: ExecView, script: string): ExecResult {
  const env = new Map(processEnv(v));
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  for (const stmt of script.split(/(;|&&)/)) {
    if (stmt === ';') continue;
    if (stmt === '&&') {
      if (exitCode !== 0) break;
      continue;
    }
    const [first = '', ...pipes] = stmt.split('|');
    const argv = words(first, env);
    if (!argv.length) continue;
    const r = execCommand(v, argv);
    if ('error' in r) {
      stderr += `sh: 1: ${argv[0]}: not found\n`;
      exitCode = 127;
      continue;
    }
    let out = r.stdout;
    stderr += r.stderr;
    exitCode = r.exitCode;
    for (const p of pipes) {
      const pa = words(p, env);
      const f = filter(pa, out);
      if (!f) {
        stderr += `sh: 1: ${pa[0] ?? ''}: not found\n`;
        out = '';
        exitCode = 127;
        break;
      }
      out = f.out;
      exitCode = f.code;
    }
    stdout += out;
  }
  return { stdout, stderr, exitCode };
}

/**
 * `mount` without arguments: the container's root overlay and the kubelet's mounts — ConfigMap
 * volumes from the node's disk, Secret and token volumes on tmpfs (never written to disk), all
 * read-only — plus the files the kubelet manages (/etc/hosts, /etc/hostname, /etc/resolv.conf).
 */
function mountTable(v: ExecView): string {
  const lines = [
    'overlay on / type overlay (rw,relatime,lowerdir=/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/1/fs,upperdir=/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/2/fs,workdir=/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/2/work)',
    'proc on /proc type proc (rw,nosuid,nodev,noexec,relatime)',
    'tmpfs on /dev type tmpfs (rw,nosuid,size=65536k,mode=755)',
    'sysfs on /sys type sysfs (ro,nosuid,nodev,noexec,relatime)',
    'cgroup on /sys/fs/cgroup type cgroup2 (ro,nosuid,nodev,noexec,relatime)',
    'shm on /dev/shm type tmpfs (rw,nosuid,nodev,noexec,relatime,size=65536k)',
    ...['/etc/hosts', '/dev/termination-log', '/etc/hostname', '/etc/resolv.conf'].map((p) => `/dev/vda1 on ${p} type ext4 (rw,relatime)`),
    ...v.mounts.map((m) => (m.tmpfs ? `tmpfs on ${m.mountPath} type tmpfs (ro,relatime)` : `/dev/vda1 on ${m.mountPath} type ext4 (ro,relatime)`)),
  ];
  return lines.map((l) => `${l}\n`).join('');
}

/** Runs `argv` in the container view. */
export function execCommand(v: ExecView, argv: string[]): ExecResult {
  const [cmd = '', ...args] = argv;
  const bin = cmd.split('/').pop()!;
  const ok = (stdout: string, stderr = '', exitCode = 0) => ({ stdout, stderr, exitCode });
  switch (bin) {
    case 'sh':
    case 'bash':
      if (args[0] === '-c' && args[1] !== undefined) return shell(v, args[1]);
      return ok('');
    case 'env':
      return ok(processEnv(v).map(([k, val]) => `${k}=${val}\n`).join(''));
    case 'printenv': {
      const env = new Map(processEnv(v));
      if (!args.length) return ok([...env].map(([k, val]) => `${k}=${val}\n`).join(''));
      const found = args.filter((a) => env.has(a));
      return ok(found.map((a) => `${env.get(a)}\n`).join(''), '', found.length === args.length ? 0 : 1);
    }
    case 'echo':
      return ok(`${args.join(' ')}\n`);
    case 'hostname':
      return ok(`${v.hostname}\n`);
    case 'cat': {
      let out = '';
      let err = '';
      for (const a of args) {
        const n = lookup(v, a);
        if (n && 'file' in n) out += n.file;
        else err += n ? `cat: ${a}: Is a directory\n` : `cat: ${a}: No such file or directory\n`;
      }
      return ok(out, err, err ? 1 : 0);
    }
    case 'mount':
      return ok(mountTable(v));
    case 'ls': {
      const paths = args.filter((a) => !a.startsWith('-'));
      const targets = paths.length ? paths : ['/'];
      const outs: string[] = [];
      let err = '';
      for (const a of targets) {
        const n = lookup(v, a);
        if (!n) err += `ls: cannot access '${a}': No such file or directory\n`;
        else if ('file' in n) outs.push(`${a}\n`);
        else outs.push((targets.length > 1 ? `${a}:\n` : '') + n.dir.map((e) => `${e}\n`).join(''));
      }
      return ok(outs.join(targets.length > 1 ? '\n' : ''), err, err ? 2 : 0);
    }
    default:
      return netCommand(v.net, bin, args) ?? {
        error: `error executing command in container: failed to exec in container: failed to start exec "${v.execID()}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${cmd}": executable file not found in $PATH: unknown`,
      };
  }
}
