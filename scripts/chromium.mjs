#!/usr/bin/env node
// Finds a Chromium for Playwright, or obtains one. Playwright's own browser download is
// unreachable on the machines this project targets (toolchain-notes §8.13), so we never call
// `playwright install`. Order:
//   1. PW_CHROMIUM_PATH
//   2. a system browser (/usr/bin/chromium, chromium-browser, google-chrome…)
//   3. one extracted earlier from @sparticuz/chromium into .chromium/
//   4. (obtain only) `apt-get install -y chromium` when root with apt
//   5. (obtain only) `npm install --no-save @sparticuz/chromium@153.0.0`, extracted into .chromium/
// `node scripts/chromium.mjs` prints the path (obtaining one if needed).
// PW_CHROMIUM_NO_SYSTEM=1 skips steps 2 and 4 (to exercise the npm fallback).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const LOCAL_DIR = join(root, '.chromium');
const LOCAL_BIN = join(LOCAL_DIR, 'chromium');
const NO_SYSTEM = Boolean(process.env.PW_CHROMIUM_NO_SYSTEM);
const SPARTICUZ = '@sparticuz/chromium@153.0.0';
const SYSTEM = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
];

/** Launch flags for a sandbox-less, quiet, offline headless run (toolchain-notes §4). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

/** The Chromium to use, without installing anything; undefined when none is present. */
export function findChromium() {
  const fromEnv = process.env.PW_CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`PW_CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  if (!NO_SYSTEM) for (const p of SYSTEM) if (existsSync(p)) return p;
  if (existsSync(LOCAL_BIN)) return LOCAL_BIN;
  return undefined;
}

function log(msg) {
  console.error(`[chromium] ${msg}`);
}

function tryApt() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) return undefined;
  log('no Chromium found; installing Debian chromium with apt-get (about 30 s)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
  if (update.status !== 0) return undefined;
  const install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
  if (install.status !== 0) return undefined;
  return SYSTEM.find((p) => existsSync(p));
}

function trySparticuz() {
  log(`installing ${SPARTICUZ} from npm (67 MB) and extracting it into .chromium/`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const inst = spawnSync(npm, ['install', '--no-save', '--no-audit', '--no-fund', SPARTICUZ], { cwd: root, stdio: 'inherit' });
  if (inst.status !== 0) return undefined;
  mkdirSync(LOCAL_DIR, { recursive: true });
  // executablePath() extracts into os.tmpdir(); TMPDIR keeps the 200+ MB inside the project.
  const code = `const m = await import('@sparticuz/chromium');
    const c = m.default ?? m; process.stdout.write(await c.executablePath());`;
  try {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], {
      cwd: root,
      env: { ...process.env, TMPDIR: LOCAL_DIR },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }).trim();
    return existsSync(out) ? out : undefined;
  } catch (e) {
    log(`extraction failed: ${e instanceof Error ? e.message : e}`);
    return undefined;
  }
}

/** The Chromium to use, installing one when none is present. Throws when every way fails. */
export function obtainChromium() {
  const found = findChromium();
  if (found) return found;
  const got = (NO_SYSTEM ? undefined : tryApt()) ?? trySparticuz();
  if (got) return got;
  throw new Error(
    'No Chromium for Playwright, and neither apt-get nor @sparticuz/chromium could provide one. ' +
      'Install a Chromium (Debian: `apt-get install -y chromium`) or set PW_CHROMIUM_PATH=/path/to/chrome.',
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(obtainChromium());
}
