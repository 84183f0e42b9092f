/**
 * `npm run sim -- [--seed N] [--workers N] [--json] FILE`: runs a scenario script against a fresh
 * headless cluster and prints each line's output (DESIGN.md "Scenario scripts"). Exit code 0 when
 * the script ran, whatever its commands returned; 2 for a malformed line or bad usage.
 */
import { readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { createCluster } from '../engine/index.ts';
import { formatJson, formatText, runScript } from '../script/index.ts';
import { hostForCluster } from '../script/clusterHost.ts';

const USAGE = 'usage: npm run sim -- [--seed N] [--workers N] [--json] FILE\n';

function parseCli(argv: string[]): { seed: number; workers: number; json: boolean; file: string } | string {
  let seed = 1;
  let workers = 3;
  let json = false;
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const inline = a.startsWith('--') && eq > 0 ? a.slice(eq + 1) : undefined;
    if (name === '--seed' || name === '--workers') {
      const v = inline ?? argv[++i];
      if (v === undefined || !/^\d+$/.test(v)) return `${name} needs a whole number\n${USAGE}`;
      if (name === '--seed') seed = Number(v);
      else workers = Number(v);
    } else if (a === '--json') json = true;
    else if (a === '--help' || a === '-h') return USAGE;
    else if (a.startsWith('-') && a !== '-') return `unknown flag ${a}\n${USAGE}`;
    else if (file === undefined) file = a;
    else return `only one FILE may be given\n${USAGE}`;
  }
  if (file === undefined) return USAGE;
  return { seed, workers, json, file };
}

async function main(): Promise<number> {
  const opts = parseCli(process.argv.slice(2));
  if (typeof opts === 'string') {
    process.stderr.write(opts);
    return 2;
  }
  if (!existsSync(opts.file)) {
    process.stderr.write(`sim: ${opts.file}: no such file\n`);
    return 2;
  }
  const text = readFileSync(opts.file, 'utf8');
  const dir = dirname(resolve(opts.file));
  let stdin: string | undefined;
  const readFile = (p: string): string | undefined => {
    // `kubectl apply -f -` reads the CLI's own stdin (once), as a shell pipeline would.
    if (p === '-') return (stdin ??= process.stdin.isTTY ? '' : readFileSync(0, 'utf8'));
    const full = isAbsolute(p) ? p : resolve(dir, p);
    if (!existsSync(full) || !statSync(full).isFile()) return undefined;
    return readFileSync(full, 'utf8');
  };
  const cluster = createCluster({ seed: opts.seed, workers: opts.workers });
  const run = await runScript(text, hostForCluster(cluster, readFile));
  if (run.exitCode === 2) {
    process.stderr.write(`sim: ${opts.file}: ${run.error}\n`);
    return 2;
  }
  process.stdout.write(opts.json ? formatJson(run.results) : formatText(run.results));
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`sim: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
