// Nodes in the UI (issue #4): Drain moves a node's pods elsewhere, a failed node goes not ready
// and its pods are recreated on healthy nodes (at 64×, in bounded wall time), Add node joins a
// machine. Every button runs the line a person would type, and the terminal shows it.
import { expect, test, type Page } from '@playwright/test';
import { apply, ensurePlaying, openApp, pasteIntoEditor, setSpeed, shot } from './helpers.ts';

const WEB = `apiVersion: apps/v1
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
          resources:
            requests:
              cpu: 250m
              memory: 256Mi
`;

interface Chip { name: string; node: string; status: string; ready: string }

async function chips(page: Page): Promise<Chip[]> {
  return page.locator('[data-testid="pod"]').evaluateAll((els) => els.map((el) => ({
    name: el.getAttribute('data-name') ?? '',
    node: el.getAttribute('data-node') ?? '',
    status: el.getAttribute('data-status') ?? '',
    ready: el.getAttribute('data-ready') ?? '',
  })));
}

const running = (all: Chip[]) => all.filter((c) => c.status === 'Running' && c.ready === '1/1');

/** Waits until exactly `n` pods exist, all Running and ready, none on `avoid`; returns them. */
async function waitForRunning(page: Page, n: number, avoid?: string, timeout = 60_000): Promise<Chip[]> {
  let last: Chip[] = [];
  await expect.poll(async () => {
    last = await chips(page);
    return last.length === n && running(last).length === n && last.every((c) => c.node !== avoid);
  }, { timeout, intervals: [200] }).toBe(true);
  return last;
}

const nodeCard = (page: Page, name: string) => page.locator(`[data-testid="node"][data-name="${name}"]`);

async function startWeb(page: Page, context: Parameters<typeof pasteIntoEditor>[1]): Promise<Chip[]> {
  await openApp(page);
  await setSpeed(page, 8);
  await ensurePlaying(page);
  await pasteIntoEditor(page, context, WEB);
  await apply(page);
  return waitForRunning(page, 3);
}

test('Drain: the terminal shows the drain line, the node is SchedulingDisabled, its pods move to other nodes', async ({ page, context }) => {
  test.setTimeout(120_000);
  const before = await startWeb(page, context);
  const target = before[0]!.node;
  const card = nodeCard(page, target);
  // The bars count the pods' requests: 250m of 2 CPU per web pod on the node.
  const mine = before.filter((c) => c.node === target).length;
  await expect(card.locator('[data-resource="cpu"]')).toHaveAttribute('data-percent', String(Math.floor((mine * 250 * 100) / 2000)));
  await shot(page, 'nodes-before-drain');

  await card.getByRole('button', { name: 'Drain' }).click();
  const term = page.locator('[data-testid="terminal"]');
  await expect(term).toContainText(`$ kubectl drain ${target} --ignore-daemonsets --delete-emptydir-data`);
  await expect(card.getByTestId('scheduling-disabled')).toBeVisible({ timeout: 15_000 });
  await expect(card.getByRole('button', { name: 'Uncordon' })).toBeVisible();

  const after = await waitForRunning(page, 3, target);
  expect(after.every((c) => c.node !== target && c.node !== '')).toBe(true);
  await expect(term).toContainText(`node/${target} drained`, { timeout: 30_000 });
  await shot(page, 'nodes-drained');

  await card.getByRole('button', { name: 'Uncordon' }).click();
  await expect(term).toContainText(`$ kubectl uncordon ${target}`);
  await expect(card.getByTestId('scheduling-disabled')).toHaveCount(0, { timeout: 15_000 });
});

test('Fail node, then 64×: the heartbeat stops, the node goes not ready, its pods are recreated elsewhere', async ({ page, context }) => {
  test.setTimeout(150_000);
  const before = await startWeb(page, context);
  const target = before[0]!.node;
  const card = nodeCard(page, target);
  await card.getByRole('button', { name: 'Fail node' }).click();
  await expect(page.locator('[data-testid="terminal"]')).toContainText(`$ sim node fail ${target}`);
  await expect(card.getByRole('button', { name: 'Recover node' })).toBeVisible();

  await setSpeed(page, 64);
  const t0 = Date.now();
  // The first sign: no Lease renewal for 20 s of virtual time.
  await expect(card.getByTestId('heartbeat')).toHaveAttribute('data-stale', 'true', { timeout: 20_000 });
  await shot(page, 'nodes-heartbeat-stale');
  // node-monitor-grace-period (50 s) later, node-lifecycle-controller sets Ready=Unknown.
  await expect(card).toHaveAttribute('data-ready', 'false', { timeout: 20_000 });
  await expect(card.getByTestId('node-status')).toHaveText('Unknown');
  await expect(card.locator('.badge-taint', { hasText: 'node.kubernetes.io/unreachable' }).first()).toBeVisible({ timeout: 20_000 });
  await shot(page, 'nodes-failed-unknown');
  // 300 s of tolerationSeconds later the pods are evicted; the ReplicaSet's replacements run elsewhere.
  await expect.poll(async () => running(await chips(page)).filter((c) => c.node !== target).length, { timeout: 60_000, intervals: [250] }).toBe(3);
  // 350 s of virtual time at 64× is 5.5 s; allow a loaded machine several times that.
  expect(Date.now() - t0).toBeLessThan(45_000);
  await shot(page, 'nodes-rescheduled');
});

test('Add node: the dialog validates as the API server would, keeps what was typed, and the new node appears', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page);
  await ensurePlaying(page);
  await page.getByRole('button', { name: /Add node/ }).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Name').fill('Worker_4');
  await expect(dialog.getByText(/a lowercase RFC 1123 subdomain must consist of/)).toBeVisible();
  await dialog.getByLabel('Name').fill('worker-4');
  await dialog.getByLabel('CPU').fill('4');
  await dialog.getByRole('button', { name: /Add label/ }).click();
  await dialog.getByLabel('Label 1 Key').fill('topology.kubernetes.io/zone');
  await dialog.getByLabel('Label 1 Value').fill('zone-b');
  await dialog.getByRole('button', { name: /Add taint/ }).click();
  await dialog.getByLabel('Taint 1 Key').fill('dedicated');
  await dialog.getByLabel('Taint 1 Value').fill('gpu');
  await dialog.getByLabel('Taint 1 Effect').selectOption('NoExecute');
  const line = 'sim node add worker-4 --cpu 4 --labels topology.kubernetes.io/zone=zone-b --taints dedicated=gpu:NoExecute';
  await expect(dialog.getByTestId('add-node-line')).toHaveText(`$ ${line}`);
  // Closing keeps the draft.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: /Add node/ }).first().click();
  await expect(page.getByRole('dialog').getByLabel('Name')).toHaveValue('worker-4');
  await shot(page, 'nodes-add-dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Add node' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.locator('[data-testid="terminal"]')).toContainText(`$ ${line}`);
  const card = nodeCard(page, 'worker-4');
  await expect(card).toBeVisible({ timeout: 20_000 });
  await expect(card).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
  await expect(card.locator('.badge-label', { hasText: 'topology.kubernetes.io/zone=zone-b' })).toBeVisible();
  await expect(card.locator('.badge-taint', { hasText: 'dedicated=gpu' })).toBeVisible();
  await expect(card.locator('[data-resource="cpu"] .res-value')).toHaveAttribute('data-total', '4');
  await shot(page, 'nodes-added');
});
