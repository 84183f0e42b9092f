// Services and traffic in the UI (issue #5): a Deployment behind a Service, traffic started from
// the Traffic tab, a pod deleted while requests flow; kube-proxy only sends to ready endpoints,
// so no request fails and the requests spread over the pods. The Service chip shows its ready
// endpoints; selecting it marks its pods. Screenshots go to $SHOTS_NET (default shots/).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { apply, ensurePlaying, openApp, pasteIntoEditor, setSpeed, SHOTS } from './helpers.ts';

const YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports:
            - containerPort: 80
          readinessProbe:
            httpGet:
              path: /
              port: 80
            periodSeconds: 2
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 80
`;

const DIR = process.env.SHOTS_NET ?? SHOTS;

/** A review screenshot (best effort, like helpers.shot, into $SHOTS_NET). */
async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  await page.screenshot({ path: join(DIR, `${name}.png`), timeout: 10_000 }).catch(() => undefined);
}

async function runningPods(page: Page): Promise<string[]> {
  return page.locator('[data-testid="pod"][data-status="Running"][data-ready="1/1"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-name') ?? ''));
}

test('traffic to a Service: a deleted pod costs no request, requests spread over the pods', async ({ page, context }) => {
  test.setTimeout(150_000);
  await openApp(page);
  await setSpeed(page, 8);
  await ensurePlaying(page);
  await pasteIntoEditor(page, context, YAML);
  await apply(page);

  // Three ready pods, and the Service chip counts them as ready endpoints.
  await expect.poll(async () => (await runningPods(page)).length, { timeout: 60_000 }).toBe(3);
  const chip = page.locator('[data-testid="service"][data-name="web"]');
  await expect(chip).toHaveAttribute('data-ready', '3', { timeout: 30_000 });
  await expect(chip).toHaveAttribute('data-total', '3');
  await expect(chip).toHaveAccessibleName(/^Service web ClusterIP .*80\/TCP 3\/3 ready$/);

  // Selecting the Service marks its pods as ready endpoints and opens its inspector.
  await chip.click();
  await expect(page.locator('[data-testid="pod"][data-link="endpoint"]')).toHaveCount(3);
  const details = page.getByTestId('service-details');
  await expect(details).toContainText('web.default.svc.cluster.local');
  await expect(details.locator('[data-testid="endpoint"][data-ready="true"]')).toHaveCount(3);
  await snap(page, 'service-inspector-1280x800');

  // Start traffic from the Traffic tab.
  await page.getByRole('tab', { name: /traffic/i }).click();
  const panel = page.getByTestId('traffic-panel');
  await panel.getByLabel('Target').selectOption({ label: 'service/web' });
  await panel.getByLabel('Requests/s').selectOption('5');
  await panel.getByLabel('For (s)').selectOption('60');
  await panel.getByRole('button', { name: 'Start traffic' }).click();
  const gen = panel.locator('[data-testid="traffic-generator"][data-target="service/web"]').first();
  await expect(gen).toBeVisible({ timeout: 20_000 });
  await expect.poll(async () => Number(await gen.locator('[data-testid="traffic-total"]').getAttribute('data-requests')), { timeout: 20_000 }).toBeGreaterThan(20);
  await snap(page, 'traffic-panel-1280x800');
  // Pod chips count the requests each pod answered.
  await expect(page.locator('[data-testid="pod"][data-hits]').first()).toBeVisible();

  // Delete one pod while the traffic runs (the Delete pod button, as a user would).
  const [victim] = await runningPods(page);
  await page.locator(`[data-testid="pod"][data-name="${victim}"]`).click();
  await page.getByRole('button', { name: 'Delete pod' }).click();
  await expect(page.locator('[data-testid="terminal"]')).toContainText(`pod "${victim}" deleted`, { timeout: 30_000 });

  // Let the traffic finish.
  await page.getByRole('tab', { name: /traffic/i }).click();
  await expect(gen).toHaveAttribute('data-running', 'false', { timeout: 60_000 });
  const total = gen.locator('[data-testid="traffic-total"]');
  expect(Number(await total.getAttribute('data-requests'))).toBeGreaterThanOrEqual(290);
  await expect(total).toHaveAttribute('data-failed', '0');
  const rows = await gen.locator('[data-testid="traffic-row"]').evaluateAll((els) =>
    els.map((e) => ({ backend: e.getAttribute('data-backend') ?? '', requests: Number(e.getAttribute('data-requests')) })));
  const pods = rows.filter((r) => r.backend !== 'no-endpoint');
  expect(rows.find((r) => r.backend === 'no-endpoint')?.requests).toBe(0);
  // Three pods before, the replacement after: at least three answered, each a real share.
  expect(pods.length).toBeGreaterThanOrEqual(3);
  const sum = pods.reduce((a, r) => a + r.requests, 0);
  for (const r of pods.filter((p) => p.backend !== victim && p.requests > 0).slice(0, 2)) expect(r.requests).toBeGreaterThan(sum / 10);
  expect(pods.filter((r) => r.requests > 0).length).toBeGreaterThanOrEqual(3);
});

test('the services strip and traffic panel pass axe', async ({ page, context }) => {
  test.setTimeout(90_000);
  await openApp(page);
  await setSpeed(page, 8);
  await ensurePlaying(page);
  await pasteIntoEditor(page, context, YAML);
  await apply(page);
  await expect(page.locator('[data-testid="service"][data-name="web"]')).toHaveAttribute('data-ready', '3', { timeout: 60_000 });
  await page.locator('[data-testid="service"][data-name="web"]').click();
  await page.getByRole('tab', { name: /traffic/i }).click();
  const results = await new AxeBuilder({ page })
    .include('[data-testid="services-strip"]')
    .include('[data-testid="traffic-panel"]')
    .include('[data-testid="service-details"]')
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
