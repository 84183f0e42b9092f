// Bad input is a feature: a YAML syntax error, a 2 MB paste, and a multi-document file with one bad
// document each get kubectl's answer, and nothing the user typed is lost.
import { expect, test } from '@playwright/test';
import { apply, openApp, pasteIntoEditor, pod, runInTerminal, setSpeed, shot } from './helpers.ts';

const STORAGE_KEY = 'desired-state:editor:manifest.yaml';

test('a YAML syntax error is reported as kubectl reports it and creates nothing', async ({ page, context }) => {
  await openApp(page);
  const yaml = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: broken\nspec:\n  containers:\n  - name: c: d\n';
  await pasteIntoEditor(page, context, yaml);
  await apply(page);
  await expect(page.getByText('error converting YAML to JSON: yaml: line 7: mapping values are not allowed in this context').first()).toBeVisible({
    timeout: 15_000,
  });
  await runInTerminal(page, 'kubectl get pods', 'No resources found in default namespace.');
});

test('a 2 MB paste keeps the tab responsive, is rejected with the API server message, and survives a reload', async ({ page, context }) => {
  test.setTimeout(120_000);
  await openApp(page);
  const big = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\n  annotations:\n    note: "${'x'.repeat(2_000_000)}"\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n`;
  await pasteIntoEditor(page, context, big);
  await apply(page);
  // While the worker parses and rejects 2 MB, the main thread still answers within a frame or two.
  const started = Date.now();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  expect(Date.now() - started).toBeLessThan(1_000);
  await expect(page.getByText('metadata.annotations: Too long: may not be more than 262144 bytes').first()).toBeVisible({ timeout: 60_000 });
  await shot(page, 'bad-input-2mb');
  await runInTerminal(page, 'kubectl get pods', 'No resources found in default namespace.');
  // Nothing typed is lost: the editor's text is saved locally and comes back after a reload.
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k)?.length ?? 0, STORAGE_KEY), { timeout: 10_000 }).toBe(big.length);
  await page.reload();
  expect(await page.evaluate((k) => localStorage.getItem(k)?.length ?? 0, STORAGE_KEY)).toBe(big.length);
});

test('in a multi-document file one bad document is reported and the others are applied', async ({ page, context }) => {
  await openApp(page);
  await setSpeed(page, 8);
  const yaml = `apiVersion: v1
kind: Pod
metadata:
  name: first
spec:
  containers:
    - name: app
      image: nginx:1.27
---
apiVersion: v1
kind: Pod
metadata:
  name: Second_Pod
spec:
  containers:
    - name: app
      image: nginx:1.27
`;
  await pasteIntoEditor(page, context, yaml);
  await apply(page);
  await expect(page.getByText('pod/first created').first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(/The Pod "Second_Pod" is invalid: metadata\.name: Invalid value: "Second_Pod"/).first()).toBeVisible();
  await expect(pod(page, 'first')).toHaveAttribute('data-phase', 'Running', { timeout: 45_000 });
  expect(await page.locator('[data-testid="pod"][data-name="Second_Pod"]').count()).toBe(0);
});
