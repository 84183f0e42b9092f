// Keyboard reachability of the playback controls and an axe-core scan.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { monaco, openApp, shot } from './helpers.ts';

test('Play/Pause, Step and Speed are reachable by Tab and named', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Step' })).toBeVisible();
  const reached = new Set<string>();
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  for (let i = 0; i < 120 && reached.size < 3; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return '';
      const labelled = el.getAttribute('aria-labelledby');
      const byId = labelled ? labelled.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : '';
      const label = (el as HTMLInputElement).labels?.[0]?.textContent ?? '';
      return (el.getAttribute('aria-label') || byId || label || el.textContent || '').trim();
    });
    if (/^(play|pause)\b/i.test(name)) reached.add('play');
    if (/^step\b/i.test(name)) reached.add('step');
    if (/speed/i.test(name)) reached.add('speed');
  }
  expect([...reached].sort()).toEqual(['play', 'speed', 'step']);
  await page.getByRole('button', { name: /^(play|pause)$/i }).first().focus();
  await shot(page, 'keyboard-focus');
});

test('axe finds no serious or critical violations', async ({ page }) => {
  await openApp(page);
  await monaco(page);
  // Monaco's internals (its line-number gutter colours, hidden helper textareas) are the
  // editor's own; the scan covers everything we render around it.
  const results = await new AxeBuilder({ page }).exclude('.monaco-editor').analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(report).toEqual([]);
});

/** Serious or critical axe violations inside `selector`, one line each. */
async function axeIn(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test('axe: the Add node dialog (with an invalid name, a label and a taint row) and node cards in every state', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page);
  // Paused: a page that animates every frame starves axe on a loaded machine.
  const pause = page.getByRole('button', { name: /^pause$/i });
  if (await pause.isVisible().catch(() => false)) await pause.click();
  await page.getByRole('button', { name: /Add node/ }).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Name').fill('Bad_Name');
  await dialog.getByRole('button', { name: /Add label/ }).click();
  await dialog.getByRole('button', { name: /Add taint/ }).click();
  await expect(dialog.getByText(/a lowercase RFC 1123 subdomain must consist of/)).toBeVisible();
  expect(await axeIn(page, '[role="dialog"]')).toEqual([]);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);

  // Cordoned and failed cards: their badges, dashed/red borders and Recover button.
  const w1 = page.locator('[data-testid="node"][data-name="worker-1"]');
  const w2 = page.locator('[data-testid="node"][data-name="worker-2"]');
  await w1.getByRole('button', { name: 'Cordon' }).click();
  await w2.getByRole('button', { name: 'Fail node' }).click();
  await page.getByRole('button', { name: /^play$/i }).click();
  await expect(w1.getByTestId('scheduling-disabled')).toBeVisible({ timeout: 20_000 });
  await expect(w2.getByRole('button', { name: 'Recover node' })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: /^pause$/i }).click();
  expect(await axeIn(page, '[data-testid="node"]')).toEqual([]);
  await shot(page, 'a11y-node-cards');
});
