// The kubectl terminal runs the same kubectl as the CLI.
import { expect, test } from '@playwright/test';
import { openApp, runInTerminal, shot } from './helpers.ts';

test('kubectl get nodes lists the default cluster', async ({ page }) => {
  await openApp(page);
  const text = await runInTerminal(page, 'kubectl get nodes', /worker-3/);
  expect(text).toMatch(/NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION/);
  expect(text).toMatch(/^control-plane\s+Ready\s+control-plane\s+\S+\s+v1\.34\.\d+$/m);
  for (const w of ['worker-1', 'worker-2', 'worker-3']) expect(text).toMatch(new RegExp(`^${w}\\s+Ready\\s+<none>\\s+`, 'm'));
  await expect(page.locator('[data-testid="node"]')).toHaveCount(4);
  await shot(page, 'terminal-get-nodes');
});
