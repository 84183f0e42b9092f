#!/usr/bin/env node
// `npm run e2e`: find or obtain Chromium, build the app, run the Playwright specs against
// `vite preview`. Extra arguments go to `playwright test` (`npm run e2e -- e2e/trip.spec.ts`).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { obtainChromium } from './chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(cmd, args, env) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const chromium = obtainChromium();
console.log(`[e2e] Chromium: ${chromium}`);
// E2E_SKIP_BUILD=1 reuses dist/ (any value but empty or 0 skips the build).
const skipBuild = !!process.env.E2E_SKIP_BUILD && process.env.E2E_SKIP_BUILD !== '0';
if (!skipBuild) run(bin('vite'), ['build', '--logLevel', 'warn']);
run(bin('playwright'), ['test', ...process.argv.slice(2)], { PW_CHROMIUM_PATH: chromium });
