// ConfigMaps and Secrets in the UI (issue #5): a Deployment that takes a ConfigMap through env and
// a volume and a Secret through env; the pod inspector's "Environment & files" tab names each
// variable's source; `kubectl exec deploy/web -- env` shows the same variable; selecting the
// ConfigMap marks the pods that use it and lists them; a Secret value stays masked until Reveal.
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { apply, ensurePlaying, openApp, pasteIntoEditor, runInTerminal, setSpeed } from './helpers.ts';

const SHOTS = process.env.CFG_SHOTS ?? '/tmp/shots-cfg';

const MANIFEST = `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  LOG_LEVEL: debug
  app.properties: |
    greeting=hello
    color=blue
---
apiVersion: v1
kind: Secret
metadata:
  name: db
type: Opaque
stringData:
  password: s3cr3t-pw
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
          env:
            - name: LOG_LEVEL
              valueFrom:
                configMapKeyRef:
                  name: app-config
                  key: LOG_LEVEL
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: db
                  key: password
          volumeMounts:
            - name: config
              mountPath: /etc/app
      volumes:
        - name: config
          configMap:
            name: app-config
`;

/** axe on the inspector (and the strip), paused: a page animating every frame starves axe. */
async function axe(page: Page): Promise<string[]> {
  const pause = page.getByRole('button', { name: /^pause$/i });
  if (await pause.isVisible().catch(() => false)) await pause.click();
  const results = await new AxeBuilder({ page }).include('[data-testid="inspector"]').include('[data-testid="config-strip"]').withTags(['wcag2a', 'wcag2aa']).analyze();
  await ensurePlaying(page);
  return results.violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, timeout: 10_000 }).catch(() => undefined);
}

test('a ConfigMap and a Secret: env sources in the inspector, exec env, users marked, Secret masked until Reveal', async ({ page, context }) => {
  test.setTimeout(180_000);
  await openApp(page);
  await ensurePlaying(page);
  await setSpeed(page, 4);
  await pasteIntoEditor(page, context, MANIFEST);
  await apply(page);
  const chips = page.locator('[data-testid="pod"][data-status="Running"]');
  await expect(chips).toHaveCount(2, { timeout: 60_000 });

  // The strip: one chip per object, with key and user counts in its accessible name.
  const cm = page.getByRole('button', { name: /^ConfigMap app-config: 2 keys, used by 2 pods$/ });
  await expect(cm).toBeVisible();
  await expect(page.getByRole('button', { name: /^Secret db: 1 key, used by 2 pods$/ })).toBeVisible();

  // A pod's Environment & files tab: the variable and where it came from.
  await chips.first().click();
  await page.getByRole('tab', { name: 'Env & files' }).click();
  const env = page.locator('[data-testid="container-env"]');
  const level = env.locator('tr[data-env="LOG_LEVEL"]');
  await expect(level).toContainText('debug');
  await expect(level).toContainText('from ConfigMap app-config (key LOG_LEVEL)');
  const pw = env.locator('tr[data-env="DB_PASSWORD"]');
  await expect(pw).toContainText('from Secret db (key password)');
  await expect(pw).not.toContainText('s3cr3t-pw');
  await expect(env.locator('tr[data-file="/etc/app/app.properties"]')).toContainText('greeting=hello');
  await snap(page, 'pod-env-tab');
  await env.getByRole('button', { name: /Show service links and runtime variables/ }).click();
  await expect(env.locator('tr[data-env="KUBERNETES_SERVICE_HOST"]')).toContainText('service link kubernetes');
  await snap(page, 'pod-env-service-links');
  await pw.getByRole('button', { name: 'Reveal DB_PASSWORD' }).click();
  await expect(pw).toContainText('s3cr3t-pw');
  expect(await axe(page)).toEqual([]);

  // The same environment through kubectl exec.
  await runInTerminal(page, 'kubectl exec deploy/web -- env', 'LOG_LEVEL=debug');
  await expect(page.locator('[data-testid="terminal"]')).toContainText('KUBERNETES_SERVICE_HOST=10.96.0.1');

  // Selecting the ConfigMap: its users are listed and marked on the node cards.
  await cm.click();
  await expect(cm).toHaveAttribute('aria-pressed', 'true');
  const details = page.locator('[data-testid="config-details"]');
  await expect(details).toContainText('LOG_LEVEL');
  const users = details.locator('[data-testid="config-users"] li');
  await expect(users).toHaveCount(2);
  await expect(users.first()).toContainText('env LOG_LEVEL');
  await expect(users.first()).toContainText('volume at /etc/app');
  await expect(page.locator('[data-testid="pod"][data-link="env+volume"]')).toHaveCount(2);
  await snap(page, 'configmap-selected');

  // The Secret: masked until its key is revealed, then decoded from base64.
  await page.getByRole('button', { name: /^Secret db:/ }).click();
  const sec = page.locator('[data-testid="config-details"][data-kind="Secret"]');
  await expect(sec).toContainText('••••••');
  await expect(sec).not.toContainText('s3cr3t-pw');
  await expect(sec).toContainText('Opaque');
  await sec.getByRole('button', { name: 'Reveal password' }).click();
  await expect(sec.locator('[data-testid="secret-value"]')).toHaveText('s3cr3t-pw');
  await snap(page, 'secret-revealed');
  expect(await axe(page)).toEqual([]);

  // The same inspector in Korean, for the picture.
  await page.getByRole('button', { name: '한' }).click();
  await expect(sec).toContainText('변경 불가');
  await snap(page, 'secret-revealed-ko');
});
