// Workloads in the UI (issue #3): a Deployment's pods heal after Delete pod, a rolling update
// started from the editor never drops below the maxUnavailable bound, and the workload views
// pass axe. Needs the ReplicaSet and Deployment controllers.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { apply, ensurePlaying, openApp, pasteIntoEditor, setSpeed, shot } from './helpers.ts';

function deployment(image: string, replicas: number, strategy = ''): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
${strategy}  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          image: ${image}
          ports:
            - containerPort: 80
`;
}

const ROLLING = `  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 1
`;

interface ChipState { name: string; status: string; ready: string; owner: string; phase: string }

/** Every pod chip's state, read in one go (one consistent DOM snapshot). */
async function chips(page: Page): Promise<ChipState[]> {
  return page.locator('[data-testid="pod"]').evaluateAll((els) => els.map((el) => ({
    name: el.getAttribute('data-name') ?? '',
    status: el.getAttribute('data-status') ?? '',
    ready: el.getAttribute('data-ready') ?? '',
    owner: el.getAttribute('data-owner') ?? '',
    phase: el.getAttribute('data-phase') ?? '',
  })));
}

const running = (all: ChipState[]) => all.filter((c) => c.status === 'Running' && c.ready === '1/1');

async function waitForRunning(page: Page, n: number, timeout = 60_000): Promise<ChipState[]> {
  let last: ChipState[] = [];
  await expect.poll(async () => {
    last = await chips(page);
    return last.length === n && running(last).length === n;
  }, { timeout, intervals: [200] }).toBe(true);
  return last;
}

async function start(page: Page, context: Parameters<typeof pasteIntoEditor>[1], yaml: string) {
  await openApp(page);
  await setSpeed(page, 8);
  await ensurePlaying(page);
  await pasteIntoEditor(page, context, yaml);
  await apply(page);
}

test('Delete pod: the ReplicaSet replaces it and the new pod reaches Running', async ({ page, context }) => {
  test.setTimeout(120_000);
  await start(page, context, deployment('nginx:1.27', 3));
  const before = await waitForRunning(page, 3);
  const rs = page.locator('[data-testid="workload"][data-kind="ReplicaSet"]');
  await expect(rs).toHaveCount(1);
  const rsName = (await rs.getAttribute('data-name'))!;
  expect(before.every((c) => c.owner === rsName)).toBe(true);
  await expect(page.locator('[data-testid="workload"][data-kind="Deployment"][data-name="web"]')).toHaveAttribute('data-ready', '3');

  const victim = before[0]!.name;
  await page.locator(`[data-testid="pod"][data-name="${victim}"]`).click();
  await expect(page.getByTestId('pod-details')).toHaveAttribute('data-name', victim);
  await shot(page, 'workloads-pod-inspector');
  await page.getByRole('button', { name: 'Delete pod' }).click();

  // The button ran the kubectl line, and the terminal shows it with kubectl's answer.
  const term = page.locator('[data-testid="terminal"]');
  await expect(term).toBeVisible();
  await expect(term).toContainText(`$ kubectl delete pod ${victim}`);
  await expect(term).toContainText(`pod "${victim}" deleted`, { timeout: 60_000 });

  const after = await waitForRunning(page, 3);
  const names = after.map((c) => c.name);
  expect(names).not.toContain(victim);
  expect(names.filter((n) => !before.some((b) => b.name === n))).toHaveLength(1);
  expect(after.every((c) => c.owner === rsName)).toBe(true);
  await shot(page, 'workloads-healed');
});

test('a rolling update from the editor never drops below replicas − maxUnavailable and ends on the new ReplicaSet', async ({ page, context }) => {
  test.setTimeout(180_000);
  const replicas = 4;
  const maxUnavailable = 1;
  await start(page, context, deployment('nginx:1.27', replicas, ROLLING));
  const first = await waitForRunning(page, replicas);
  const oldRs = first[0]!.owner;
  expect(oldRs).toMatch(/^web-[a-z0-9]+$/);

  // Change the image in the editor and Apply: the Deployment controller starts a rollout.
  await pasteIntoEditor(page, context, deployment('nginx:1.29', replicas, ROLLING));
  await page.evaluate(() => {
    // Sample the DOM on every mutation: the lowest count of ready, non-terminating pods seen.
    const w = window as unknown as { __minReady: number; __samples: number; __bothRs: boolean };
    w.__minReady = Number.POSITIVE_INFINITY;
    w.__samples = 0;
    w.__bothRs = false;
    const sample = () => {
      const pods = [...document.querySelectorAll('[data-testid="pod"]')];
      const ready = pods.filter((p) => p.getAttribute('data-ready') === '1/1' && p.getAttribute('data-status') !== 'Terminating').length;
      w.__minReady = Math.min(w.__minReady, ready);
      w.__samples++;
      if (document.querySelectorAll('[data-testid="workload"][data-kind="ReplicaSet"]').length >= 2) w.__bothRs = true;
    };
    new MutationObserver(sample).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready', 'data-status'] });
    sample();
  });
  await apply(page);
  await expect(page.getByTestId('apply-output')).toContainText('deployment.apps/web configured', { timeout: 20_000 });

  // Mid-rollout both ReplicaSets are on screen, the new one marked `new`.
  const newRsPill = page.locator('[data-testid="workload"][data-kind="ReplicaSet"][data-role="new"]');
  await expect(newRsPill).toBeVisible({ timeout: 30_000 });
  await page.locator('[data-testid="workload"][data-kind="Deployment"] button').first().click();
  await expect(page.getByTestId('desired-current')).toBeVisible();
  await shot(page, 'workloads-rollout-mid');

  const newRs = (await newRsPill.getAttribute('data-name'))!;
  expect(newRs).not.toBe(oldRs);
  await expect.poll(async () => {
    const all = await chips(page);
    return all.length === replicas && running(all).length === replicas && all.every((c) => c.owner === newRs);
  }, { timeout: 120_000, intervals: [250] }).toBe(true);
  const { __minReady: minReady, __samples: samples, __bothRs: bothRs } = await page.evaluate(() => {
    const w = window as unknown as { __minReady: number; __samples: number; __bothRs: boolean };
    return { __minReady: w.__minReady, __samples: w.__samples, __bothRs: w.__bothRs };
  });
  test.info().annotations.push({ type: 'rollout', description: `min ready ${minReady} over ${samples} DOM samples` });
  expect(samples).toBeGreaterThan(10);
  expect(bothRs).toBe(true);
  expect(minReady).toBeGreaterThanOrEqual(replicas - maxUnavailable);
  // The old ReplicaSet is scaled to 0 and leaves the strip; the Deployment's counts match.
  await expect(page.locator('[data-testid="workload"][data-kind="ReplicaSet"]')).toHaveCount(1);
  const d = page.locator('[data-testid="workload"][data-kind="Deployment"][data-name="web"]');
  await expect(d).toHaveAttribute('data-updated', String(replicas));
  await expect(d).toHaveAttribute('data-available', String(replicas));
  await shot(page, 'workloads-rollout-done');

  // The Deployment's inspector passes axe, with its scale control and desired-vs-current table.
  const results = await new AxeBuilder({ page }).exclude('.monaco-editor').analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
});

test('Scale + runs kubectl scale and the ReplicaSet grows to the new count', async ({ page, context }) => {
  test.setTimeout(120_000);
  await start(page, context, deployment('nginx:1.27', 2));
  await waitForRunning(page, 2);
  await page.locator('[data-testid="workload"][data-kind="Deployment"] button').first().click();
  await page.getByRole('button', { name: 'Scale up by one' }).click();
  await expect(page.locator('[data-testid="terminal"]')).toContainText('$ kubectl scale deployment/web --replicas=3');
  await expect(page.locator('[data-testid="terminal"]')).toContainText('deployment.apps/web scaled');
  await waitForRunning(page, 3);
  await expect(page.getByTestId('desired-current')).toHaveAttribute('data-desired', '3');
});

test('Kill container restarts it; a forced readiness failure makes the pod not ready until it passes again', async ({ page, context }) => {
  test.setTimeout(120_000);
  const probed = deployment('nginx:1.27', 1).replace('            - containerPort: 80\n', `            - containerPort: 80
          readinessProbe:
            httpGet:
              path: /
              port: 80
            periodSeconds: 2
`);
  await start(page, context, probed);
  const [p] = await waitForRunning(page, 1);
  const chip = page.locator(`[data-testid="pod"][data-name="${p!.name}"]`);
  await chip.click();
  await page.getByRole('button', { name: 'Kill container' }).click();
  const term = page.locator('[data-testid="terminal"]');
  await expect(term).toContainText(`$ sim container kill ${p!.name} -c nginx`);
  await expect(page.getByTestId('pod-details')).toContainText('1 restart', { timeout: 60_000 });
  await expect(chip).toHaveAttribute('data-ready', '1/1', { timeout: 60_000 });

  await page.getByRole('button', { name: 'Make the readiness probe of nginx fail' }).click();
  await expect(term).toContainText(`$ sim probe fail ${p!.name} --probe readiness -c nginx`);
  await expect(chip).toHaveAttribute('data-ready', '0/1', { timeout: 60_000 });
  await shot(page, 'workloads-probe-failing');
  await page.getByRole('button', { name: 'Make the readiness probe of nginx pass' }).click();
  await expect(chip).toHaveAttribute('data-ready', '1/1', { timeout: 60_000 });
});
