// Playwright: headless Chromium against the production build on `vite preview`. The browser comes
// from scripts/chromium.mjs (PW_CHROMIUM_PATH, a system Chromium, or one extracted into .chromium/)
// because Playwright's own download is unreachable here (toolchain-notes §4, §8.13).
// `npm run e2e` builds first; `E2E_SKIP_BUILD=1 npm run e2e` reuses dist/.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';

const executablePath = findChromium();
if (!executablePath) {
  throw new Error('No Chromium for Playwright. Run `npm run e2e` (it finds or installs one), or set PW_CHROMIUM_PATH=/path/to/chrome.');
}
const PORT = Number(process.env.PW_PORT ?? 4173);
const DIST = process.env.DIST ?? 'dist';

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `node node_modules/vite/bin/vite.js preview --outDir ${DIST} --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
