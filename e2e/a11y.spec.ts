// Keyboard reachability of the playback controls and an axe-core scan.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
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
