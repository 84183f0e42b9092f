// The kubectl terminal runs the same kubectl as the CLI.
import { expect, test } from '@playwright/test';
import { POD_YAML, apply, ensurePlaying, openApp, pasteIntoEditor, runInTerminal, setSpeed, shot, terminalInput } from './helpers.ts';

test('kubectl get nodes lists the default cluster', async ({ page }) => {
  await openApp(page);
  const text = await runInTerminal(page, 'kubectl get nodes', /worker-3/);
  expect(text).toMatch(/NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION/);
  expect(text).toMatch(/^control-plane\s+Ready\s+control-plane\s+\S+\s+v1\.34\.\d+$/m);
  for (const w of ['worker-1', 'worker-2', 'worker-3']) expect(text).toMatch(new RegExp(`^${w}\\s+Ready\\s+<none>\\s+`, 'm'));
  await expect(page.locator('[data-testid="node"]')).toHaveCount(4);
  await shot(page, 'terminal-get-nodes');
});

test('Ctrl+C interrupts a blocking command, the Stop button too; the prompt works again', async ({ page }) => {
  await openApp(page);
  const input = await terminalInput(page);
  const term = page.locator('[data-testid="terminal"]');
  const stop = page.getByRole('button', { name: 'Stop', exact: true });
  await input.click();
  await input.fill('kubectl get nodes -w --timeout=1h');
  await input.press('Enter');
  await expect(stop).toBeVisible();
  // While it blocks, the rest of the UI answers: playback toggles.
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await input.press('Control+c');
  await expect(term).toContainText('^C');
  await expect(stop).toBeHidden();
  const text = await term.innerText();
  // What the watch printed (its LIST), then ^C — as a shell shows a killed command.
  expect(text).toMatch(/\$ kubectl get nodes -w --timeout=1h\nNAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\n(.*\n){4}\^C\n/);
  await runInTerminal(page, 'kubectl get deployments', /No resources found in default namespace\./);

  // At an idle prompt, Ctrl+C discards the line being typed.
  await input.fill('kubectl get no');
  await input.press('Control+c');
  await expect(term).toContainText('$ kubectl get no^C');
  await expect(input).toHaveValue('');

  // The Stop button, for those who do not know Ctrl+C.
  await input.fill('sleep 1h');
  await input.press('Enter');
  await expect(stop).toBeVisible();
  await stop.click();
  await expect(stop).toBeHidden();
  expect(await term.innerText()).toMatch(/\$ sleep 1h\n\^C/);
  await runInTerminal(page, 'kubectl get nodes', /\$ kubectl get nodesNAME/); // textContent: lines run together
  await shot(page, 'terminal-ctrl-c');
});

test('kubectl get pods -w streams its rows while it runs: the pod applied meanwhile shows up before Ctrl+C', async ({ page, context }) => {
  await openApp(page);
  await setSpeed(page, 8);
  await ensurePlaying(page);
  await pasteIntoEditor(page, context, POD_YAML);
  const input = await terminalInput(page);
  const term = page.locator('[data-testid="terminal"]');
  const stop = page.getByRole('button', { name: 'Stop', exact: true });
  await input.click();
  await input.fill('kubectl get pods -w --timeout=1h');
  await input.press('Enter');
  await expect(stop).toBeVisible();
  // Apply the pod while the watch runs: its rows appear one by one, the command still running.
  await apply(page);
  await expect(term).toContainText(/hello\s+0\/1\s+Pending/, { timeout: 20_000 });
  await expect(term).toContainText(/hello\s+1\/1\s+Running/, { timeout: 45_000 });
  await expect(stop).toBeVisible();
  expect(await term.innerText()).not.toContain('^C');
  await shot(page, 'terminal-watch-streaming');
  await input.press('Control+c');
  await expect(term).toContainText('^C');
  await expect(stop).toBeHidden();
  // The whole output once (the result replaces the streamed preview), then ^C.
  const text = await term.innerText();
  const out = text.slice(text.indexOf('$ kubectl get pods -w --timeout=1h'));
  expect(out).toMatch(/^\$ kubectl get pods -w --timeout=1h\nNAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\n(hello\s+\S+\s+\S+\s+\d+\s+\S+\n)+\^C\n/);
  expect(out.match(/NAME\s+READY/g)).toHaveLength(1);
  expect(out.match(/hello\s+1\/1\s+Running/g)).toHaveLength(1);
});
