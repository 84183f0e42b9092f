// kube-scheduler explained: a pod too big for any node stays Pending and the inspector's
// Scheduling tab shows FailedScheduling verbatim with a fix; a normal pod's chosen node is marked
// on its card and the tab shows the per-plugin scores.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { apply, ensurePlaying, openApp, pasteIntoEditor, shot } from './helpers.ts';

const podYaml = (name: string, cpu: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources:
        requests:
          cpu: "${cpu}"
`;

// The machine running e2e is shared and slow; these tests paste, apply and wait on the pipeline.
test.describe.configure({ timeout: 150_000 });

const MESSAGE = '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu.';

async function openScheduling(page: Page, pod: string) {
  const chip = page.locator(`[data-testid="pod"][data-name="${pod}"]`);
  await expect(chip).toBeVisible({ timeout: 20_000 });
  await chip.click();
  await page.getByRole('tab', { name: 'Scheduling' }).click();
  return page.getByTestId('scheduling-panel');
}

test('a pod too big for any node: Pending, FailedScheduling verbatim, a fix, verdicts on the node cards', async ({ page, context }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await ensurePlaying(page);
  await pasteIntoEditor(page, context, podYaml('big', '3'));
  await apply(page);
  const panel = await openScheduling(page, 'big');
  await expect(page.locator('[data-testid="pod"][data-name="big"]')).toHaveAttribute('data-phase', 'Pending');
  const message = panel.getByTestId('scheduling-message');
  await expect(message).toContainText(MESSAGE, { timeout: 20_000 });
  // The engine's DefaultPreemption suffix follows, verbatim.
  await expect(message).toContainText('preemption: ');
  await expect(panel.getByTestId('reason-histogram')).toContainText('Insufficient cpu');
  const fixes = panel.getByTestId('scheduling-fixes');
  await expect(fixes.locator('[data-fix="lowerRequest"]')).toContainText('Lower the cpu request (3 now): the largest free cpu is');
  await expect(fixes.locator('[data-fix="toleration"]')).toContainText('operator: Exists');
  // Every node card says why not, by plugin.
  const cp = page.locator('[data-testid="node"][data-name="control-plane"] [data-testid="verdict"]');
  await expect(cp).toHaveAttribute('data-verdict', 'rejected');
  await expect(cp).toContainText('TaintToleration: untolerated taint {node-role.kubernetes.io/control-plane: }');
  await expect(page.locator('[data-testid="node"][data-name="worker-1"] [data-testid="verdict"]')).toContainText('NodeResourcesFit: Insufficient cpu');
  await shot(page, 'scheduling-pending-1280');
  // axe on the Scheduling tab and the verdicts, with the animation paused (a busy page starves it).
  await page.getByRole('button', { name: /^pause$/i }).click();
  const results = await new AxeBuilder({ page }).include('[data-testid="inspector"]').include('[data-testid="verdict"]').analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
});

test('a normal pod: the chosen node is marked and the table shows each plugin\'s scores', async ({ page, context }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await ensurePlaying(page);
  await pasteIntoEditor(page, context, podYaml('small', '100m'));
  await apply(page);
  const chip = page.locator('[data-testid="pod"][data-name="small"]');
  await expect(chip).toHaveAttribute('data-node', /worker-\d/, { timeout: 20_000 });
  const node = (await chip.getAttribute('data-node'))!;
  const panel = await openScheduling(page, 'small');
  await expect(panel).toHaveAttribute('data-state', 'scheduled');
  await expect(panel.getByRole('heading', { name: `Why ${node}?` })).toBeVisible();
  const table = panel.getByTestId('score-table');
  await expect(table.locator('[data-plugin="NodeResourcesFit"]')).toBeVisible();
  await expect(table.locator('[data-plugin="TaintToleration"]')).toBeVisible();
  await expect(panel.getByTestId('score-total')).toHaveText(/^\d+$/);
  const chosen = page.locator(`[data-testid="node"][data-name="${node}"] [data-testid="verdict"]`);
  await expect(chosen).toHaveAttribute('data-verdict', 'chosen');
  await expect(chosen).toContainText('Chosen for small');
  await expect(page.locator('[data-testid="verdict"][data-verdict="chosen"]')).toHaveCount(1);
  await expect(panel.getByTestId('why-not').locator('[data-node="control-plane"]')).toContainText('rejected by TaintToleration');
  await shot(page, 'scheduling-scheduled-1280');
  // Deselecting the pod (Close) takes the verdicts off the cards.
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('[data-testid="verdict"]')).toHaveCount(0, { timeout: 15_000 });
});
