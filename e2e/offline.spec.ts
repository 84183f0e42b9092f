// Principle 4: nothing is fetched from any other origin, by the page or by its workers.
import { expect, test } from '@playwright/test';
import { POD_YAML, apply, monaco, openApp, pasteIntoEditor, pod, setSpeed } from './helpers.ts';

test('the app requests nothing from any origin but 127.0.0.1', async ({ page, context }) => {
  const foreign: string[] = [];
  const local: string[] = [];
  const workers: string[] = [];
  const consoleErrors: string[] = [];
  const isLocal = (url: string) => /^(data|blob):/.test(url) || new URL(url).hostname === '127.0.0.1';
  // Routing sees requests from the page and from its dedicated workers; foreign ones are aborted.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) {
      local.push(url);
      return route.continue();
    }
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  context.on('request', (r) => {
    if (!isLocal(r.url())) foreign.push(r.url());
  });
  page.on('worker', (w) => workers.push(w.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));

  await openApp(page);
  await monaco(page); // the lazy editor chunk and its workers
  await setSpeed(page, 8);
  await pasteIntoEditor(page, context, POD_YAML);
  await apply(page);
  await expect(pod(page, 'hello')).toHaveAttribute('data-phase', 'Running', { timeout: 45_000 });

  test.info().annotations.push({ type: 'workers', description: workers.join(' ') });
  expect(foreign).toEqual([]);
  expect(local.length).toBeGreaterThan(0);
  expect(workers.length, 'the simulation and editor workers started').toBeGreaterThanOrEqual(2);
  expect(consoleErrors).toEqual([]);
});
