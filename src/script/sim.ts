/**
 * `sim …` lines: things that happen outside the API (machines, processes, the registry),
 * forwarded to Cluster.sim (src/engine/types.ts). Parsing is split from running so a script can
 * be checked for malformed lines before anything runs.
 */
import type { ContainerKillOptions, NodeAddOptions, ProbeFailOptions, SimActions, TrafficStatus } from '../engine/types.ts';
import { tabwrite } from '../kubectl/tabwriter.ts';
import { parseSleepDuration } from './duration.ts';

export type SimCommand =
  | { kind: 'nodeAdd'; name: string; opts: NodeAddOptions }
  | { kind: 'imagePush'; image: string; size?: string }
  | { kind: 'containerKill'; pod: string; opts: ContainerKillOptions }
  | { kind: 'probe'; pod: string; opts: ProbeFailOptions }
  | { kind: 'node'; action: 'fail' | 'recover'; name: string }
  | { kind: 'traffic'; target: string; rps: number; forMs: number; namespace?: string };

const KILL_USAGE = 'usage: sim container kill POD [-c CONTAINER] [--exit-code N] [-n NAMESPACE]';
const PROBE_USAGE = 'usage: sim probe fail|pass POD --probe liveness|readiness|startup [-c CONTAINER] [-n NAMESPACE]';

function parseFlags(words: string[], allowed: string[]): { args: string[]; flags: Record<string, string> } {
  const args: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.startsWith('--')) {
      const eq = w.indexOf('=');
      const name = eq >= 0 ? w.slice(2, eq) : w.slice(2);
      if (!allowed.includes(name)) throw new Error(`unknown flag: --${name}`);
      if (eq >= 0) flags[name] = w.slice(eq + 1);
      else {
        if (i + 1 >= words.length) throw new Error(`flag needs an argument: --${name}`);
        flags[name] = words[++i]!;
      }
    } else if (w.startsWith('-') && w.length > 1) {
      const name = w.slice(1);
      if (!allowed.includes(name)) throw new Error(`unknown flag: ${w}`);
      if (i + 1 >= words.length) throw new Error(`flag needs an argument: ${w}`);
      flags[name] = words[++i]!;
    } else args.push(w);
  }
  return { args, flags };
}

function parseKv(s: string, what: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of s.split(',')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    if (eq <= 0) throw new Error(`invalid ${what} ${JSON.stringify(part)}: expected key=value`);
    out[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return out;
}

/** `key=value:Effect` or `key:Effect`, comma-separated (kubectl taint syntax). */
function parseTaints(s: string): NonNullable<NodeAddOptions['taints']> {
  return s
    .split(',')
    .filter(Boolean)
    .map((t) => {
      const colon = t.lastIndexOf(':');
      if (colon <= 0) throw new Error(`invalid taint ${JSON.stringify(t)}: expected key=value:Effect`);
      const effect = t.slice(colon + 1);
      if (!['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(effect)) {
        throw new Error(`invalid taint effect: ${effect}, unsupported taint effect`);
      }
      const kv = t.slice(0, colon);
      const eq = kv.indexOf('=');
      return eq >= 0 ? { key: kv.slice(0, eq), value: kv.slice(eq + 1), effect } : { key: kv, effect };
    });
}

const TRAFFIC_USAGE = 'usage: sim traffic service/NAME|http://HOST[:PORT]/PATH --rps N --for DURATION [-n NAMESPACE]';

/** `sim traffic TARGET --rps N --for DURATION [-n NS]`: the rate's range is the engine's to check. */
function parseTraffic(words: string[]): SimCommand {
  const { args, flags } = parseFlags(words, ['rps', 'for', 'n', 'namespace']);
  if (args.length !== 1 || flags.rps === undefined || flags.for === undefined) throw new Error(TRAFFIC_USAGE);
  if (!/^\d+(\.\d+)?$/.test(flags.rps)) throw new Error(`invalid --rps ${JSON.stringify(flags.rps)}: expected a number of requests per second`);
  const forMs = parseSleepDuration(flags.for);
  if (forMs <= 0) throw new Error(`invalid --for ${JSON.stringify(flags.for)}: must be greater than 0`);
  const ns = flags.n ?? flags.namespace;
  return { kind: 'traffic', target: args[0]!, rps: Number(flags.rps), forMs, ...(ns !== undefined ? { namespace: ns } : {}) };
}

/** Parses the words after `sim`; throws an Error describing a malformed line. */
export function parseSim(words: string[]): SimCommand {
  const [a, b, ...rest] = words;
  if (a === 'node' && b === 'add') {
    const { args, flags } = parseFlags(rest, ['cpu', 'memory', 'pods', 'labels', 'taints']);
    if (args.length !== 1) throw new Error('usage: sim node add NAME [--cpu 2] [--memory 4Gi] [--pods 110] [--labels k=v,…] [--taints k=v:Effect,…]');
    const opts: NodeAddOptions = {};
    if (flags.cpu !== undefined) opts.cpu = flags.cpu;
    if (flags.memory !== undefined) opts.memory = flags.memory;
    if (flags.pods !== undefined) {
      if (!/^\d+$/.test(flags.pods)) throw new Error(`invalid --pods ${JSON.stringify(flags.pods)}: expected a whole number`);
      opts.pods = Number(flags.pods);
    }
    if (flags.labels !== undefined) opts.labels = parseKv(flags.labels, 'label');
    if (flags.taints !== undefined) opts.taints = parseTaints(flags.taints);
    return { kind: 'nodeAdd', name: args[0]!, opts };
  }
  if (a === 'image' && b === 'push') {
    const { args, flags } = parseFlags(rest, ['size']);
    if (args.length !== 1) throw new Error('usage: sim image push IMAGE [--size 80Mi]');
    return flags.size !== undefined ? { kind: 'imagePush', image: args[0]!, size: flags.size } : { kind: 'imagePush', image: args[0]! };
  }
  if (a === 'node' && (b === 'fail' || b === 'recover')) {
    if (rest.length !== 1 || rest[0]!.startsWith('-')) throw new Error(`usage: sim node ${b} NAME`);
    return { kind: 'node', action: b, name: rest[0]! };
  }
  if (a === 'container' && b === 'kill') {
    const { args, flags } = parseFlags(rest, ['c', 'container', 'exit-code', 'n', 'namespace']);
    if (args.length !== 1) throw new Error(KILL_USAGE);
    const opts: ContainerKillOptions = {};
    const ns = flags.n ?? flags.namespace;
    const container = flags.c ?? flags.container;
    if (ns !== undefined) opts.namespace = ns;
    if (container !== undefined) opts.container = container;
    if (flags['exit-code'] !== undefined) {
      const code = flags['exit-code'];
      if (!/^\d+$/.test(code) || Number(code) > 255) throw new Error(`invalid --exit-code ${JSON.stringify(code)}: expected a whole number from 0 to 255`);
      opts.exitCode = Number(code);
    }
    return { kind: 'containerKill', pod: args[0]!, opts };
  }
  if (a === 'probe' && (b === 'fail' || b === 'pass')) {
    const { args, flags } = parseFlags(rest, ['probe', 'c', 'container', 'n', 'namespace']);
    if (args.length !== 1 || flags.probe === undefined) throw new Error(PROBE_USAGE);
    const probe = flags.probe;
    if (probe !== 'liveness' && probe !== 'readiness' && probe !== 'startup') throw new Error(`invalid --probe ${JSON.stringify(probe)}: expected liveness, readiness or startup`);
    const opts: ProbeFailOptions = { probe, fail: b === 'fail' };
    const ns = flags.n ?? flags.namespace;
    const container = flags.c ?? flags.container;
    if (ns !== undefined) opts.namespace = ns;
    if (container !== undefined) opts.container = container;
    return { kind: 'probe', pod: args[0]!, opts };
  }
  if (a === 'traffic') return parseTraffic(words.slice(1));
  throw new Error(`unknown sim command ${JSON.stringify(words.join(' '))}: expected node add|fail|recover, container kill, probe fail|pass, image push or traffic`);
}

/** `sim traffic`'s table: one row per pod that answered, `no-endpoint`, then `total` (kubectl's tabwriter). */
export function trafficTable(st: TrafficStatus): string {
  const rows = [['BACKEND', 'REQUESTS', 'FAILED']];
  for (const r of st.rows) rows.push([r.backend, String(r.requests), String(r.failed)]);
  rows.push(['no-endpoint', String(st.noEndpoint), String(st.noEndpoint)]);
  rows.push(['total', String(st.total.requests), String(st.total.failed)]);
  return tabwrite(rows);
}

/** Runs a parsed `sim` command against the cluster's SimActions (`traffic` runs in index.ts: it waits). */
export function runSim(cmd: Exclude<SimCommand, { kind: 'traffic' }>, sim: SimActions): { stdout: string; stderr: string; exitCode: number } {
  if (cmd.kind === 'node') {
    const act = cmd.action === 'fail' ? sim.nodeFail?.bind(sim) : sim.nodeRecover?.bind(sim);
    if (!act) return { stdout: '', stderr: `error: sim node ${cmd.action} is not available in this version of the simulator yet\n`, exitCode: 1 };
    const n = act(cmd.name);
    const t = n.message && !n.message.endsWith('\n') ? n.message + '\n' : n.message;
    return n.ok ? { stdout: t, stderr: '', exitCode: 0 } : { stdout: '', stderr: t, exitCode: 1 };
  }
  const r =
    cmd.kind === 'nodeAdd'
      ? sim.nodeAdd(cmd.name, cmd.opts)
      : cmd.kind === 'containerKill'
        ? sim.containerKill(cmd.pod, cmd.opts)
        : cmd.kind === 'probe'
          ? sim.probeFail(cmd.pod, cmd.opts)
          : sim.imagePush(cmd.image, cmd.size !== undefined ? { size: cmd.size } : undefined);
  const text = r.message && !r.message.endsWith('\n') ? r.message + '\n' : r.message;
  return r.ok ? { stdout: text, stderr: '', exitCode: 0 } : { stdout: '', stderr: text, exitCode: 1 };
}
