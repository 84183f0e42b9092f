// The Examples menu (issue #5's examples): a person picks "Ingress with two apps", presses Apply,
// sees both Services with ready endpoints and the Ingress, and sends traffic through it from the
// terminal; /cart reaches only the cart pods.
import { expect, test } from '@playwright/test';
import { apply, ensurePlaying, openApp, runInTerminal, setSpeed } from './helpers.ts';

test('the Ingress example applies: two Services with ready endpoints, the Ingress, traffic by path', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await setSpeed(page, 8);
  await ensurePlaying(page);
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: 'Ingress with two apps' }).click();
  await apply(page);

  for (const name of ['front', 'cart']) {
    await expect(page.locator(`[data-testid="service"][data-name="${name}"]`)).toHaveAttribute('data-ready', '2', { timeout: 60_000 });
  }
  await expect(page.locator('[data-testid="ingress"]')).toHaveCount(1);

  const out = await runInTerminal(page, 'sim traffic http://shop.example/cart --rps 5 --for 4s', /total\s+20\s+0/);
  const backends = out.split('\n').filter((l) => /^\S+-\S+-\S+\s+\d+\s+\d+$/.test(l)).map((l) => l.split(/\s+/)[0]);
  expect(backends.length).toBeGreaterThan(0);
  for (const b of backends) expect(b).toMatch(/^cart-/);
});
