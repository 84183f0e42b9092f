#!/usr/bin/env node
// Runs before `npm start` / `npm test` (prestart/pretest): installs dependencies with `npm ci`
// when node_modules is missing or older than package-lock.json, so a fresh clone needs nothing
// but Node and npm. Uses only Node built-ins: it must run before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lock = join(root, 'package-lock.json');
// npm writes this "hidden lockfile" at the end of every install, so its mtime says when
// node_modules was last brought in line with a lockfile.
const hidden = join(root, 'node_modules', '.package-lock.json');

function reason() {
  if (!existsSync(hidden)) return 'node_modules is missing';
  if (statSync(hidden).mtimeMs < statSync(lock).mtimeMs) return 'package-lock.json is newer than node_modules';
  return undefined;
}

const why = reason();
if (why) {
  console.log(`[ensure-deps] ${why}: running npm ci`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`[ensure-deps] npm ci failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}
