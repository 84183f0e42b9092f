// A manifest kubectl or the API server rejects: a marker on the right line, and nothing changes.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { apply, monaco, openApp, pasteIntoEditor, runInTerminal, setSpeed, shot } from './helpers.ts';

/** 1-based line numbers that carry an error squiggle in the editor. */
async function errorLines(page: Page): Promise<number[]> {
  const ed = await monaco(page);
  return ed.evaluate((root) => {
    const lines = [...root.querySelectorAll<HTMLElement>('.view-lines .view-line')];
    const lineNo = (top: number) => {
      // Monaco positions each visible line absolutely; match the squiggle's top to a line's top.
      const hit = lines.find((l) => Math.abs(l.getBoundingClientRect().top - top) < 4);
      if (!hit) return -1;
      const numbers = [...root.querySelectorAll<HTMLElement>('.margin .line-numbers')];
      const n = numbers.find((x) => Math.abs(x.getBoundingClientRect().top - top) < 4);
      return n ? Number(n.textContent) : -1;
    };
    return [...root.querySelectorAll<HTMLElement>('.squiggly-error')].map((s) => lineNo(s.getBoundingClientRect().top));
  });
}

async function rejected(page: Page, context: BrowserContext, yaml: string, line: number, message: RegExp, name: string) {
  await openApp(page);
  await setSpeed(page, 8);
  const podsBefore = await page.locator('[data-testid="pod"]').count();
  await pasteIntoEditor(page, context, yaml);
  await apply(page);
  await expect(page.getByText(message).first()).toBeVisible({ timeout: 15_000 });
  await expect.poll(() => errorLines(page), { timeout: 10_000, message: `an error marker on line ${line}` }).toContain(line);
  await shot(page, name);
  // Hovering the marked line shows the message.
  const ed = await monaco(page);
  const squiggle = ed.locator('.squiggly-error').first();
  await squiggle.hover({ force: true });
  await expect(page.locator('.monaco-hover').filter({ hasText: message }).first()).toBeVisible({ timeout: 5_000 }).catch(() => {
    test.info().annotations.push({ type: 'note', description: 'marker hover did not show the message' });
  });
  // Nothing changed in the cluster.
  await page.waitForTimeout(1_000);
  expect(await page.locator('[data-testid="pod"]').count()).toBe(podsBefore);
  await runInTerminal(page, 'kubectl get pods', 'No resources found in default namespace.');
}

test('an unknown kind is marked on its line and changes nothing', async ({ page, context }) => {
  const yaml = `apiVersion: apps/v1
kind: Deploymnt
metadata:
  name: web
spec:
  replicas: 2
`;
  await rejected(page, context, yaml, 2, /no matches for kind "Deploymnt" in version "apps\/v1"/, 'error-unknown-kind');
});

test('a container without an image is marked and changes nothing', async ({ page, context }) => {
  const yaml = `apiVersion: v1
kind: Pod
metadata:
  name: noimage
spec:
  containers:
    - name: app
      ports:
        - containerPort: 80
`;
  // The API server answers `The Pod "noimage" is invalid: spec.containers[0].image: Required value`;
  // the field is absent, so the marker goes on the container it belongs to (line 7).
  await rejected(page, context, yaml, 7, /spec\.containers\[0\]\.image: Required value/, 'error-missing-image');
});
