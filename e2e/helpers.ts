// Shared steps for the specs, written against DESIGN.md's DOM hooks: `[data-testid="editor"]`,
// `[data-testid="stage-<id>"][data-active]`, `[data-testid="node"|"pod"|"event"|"terminal"]`,
// and controls found by accessible name (Apply, Play, Pause, Step, Speed).
import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'shots');

export const POD_YAML = `apiVersion: v1
kind: Pod
metadata:
  name: hello
  labels:
    app: hello
spec:
  containers:
    - name: nginx
      image: nginx:1.27
      ports:
        - containerPort: 80
`;

/**
 * Saves a screenshot to shots/ (gitignored) for human review. Best effort: on a loaded machine a
 * page that animates every frame can keep Chromium from producing one in time, and a missing
 * review picture must not fail a behavioural test.
 */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), timeout: 10_000 }).catch((e: unknown) => {
    test.info().annotations.push({ type: 'screenshot', description: `${name}: ${String(e).split('\n')[0]}` });
  });
}

/** Opens the app and waits for the cluster: four nodes, the worker ready. */
export async function openApp(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  await expect(page.locator('[data-testid="node"]').first()).toBeVisible({ timeout: 20_000 });
}

/** The Speed control, whatever widget it is (select, slider, menu button). */
export function speedControl(page: Page): Locator {
  return page.getByRole('combobox', { name: /speed/i }).or(page.getByRole('slider', { name: /speed/i }))
    .or(page.getByRole('button', { name: /speed/i })).or(page.getByLabel(/speed/i)).first();
}

/** Sets the playback speed to `n`× through the Speed control. */
export async function setSpeed(page: Page, n: number): Promise<void> {
  const ctl = speedControl(page);
  await expect(ctl).toBeVisible();
  const tag = await ctl.evaluate((el) => el.tagName.toLowerCase());
  if (tag === 'select') {
    const options = await ctl.locator('option').evaluateAll((os) =>
      os.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent ?? '' })),
    );
    const want = options.find((o) => Number(o.value) === n || parseFloat(o.label) === n);
    if (!want) throw new Error(`Speed ${n}× not offered: ${JSON.stringify(options)}`);
    await ctl.selectOption(want.value);
  } else if (tag === 'input') {
    await ctl.fill(String(n));
  } else {
    await ctl.click();
    await page.getByRole('menuitemradio', { name: new RegExp(`^${n}\\s*×`) })
      .or(page.getByRole('option', { name: new RegExp(`^${n}\\s*×`) }))
      .or(page.getByRole('menuitem', { name: new RegExp(`^${n}\\s*×`) })).first().click();
  }
}

/** Presses Play if the playback bar offers it (time flows). */
export async function ensurePlaying(page: Page): Promise<void> {
  const play = page.getByRole('button', { name: /^play$/i });
  if (await play.isVisible().catch(() => false)) await play.click();
}

/** The Monaco editor inside `[data-testid="editor"]`, once its lazy chunk has loaded. */
export async function monaco(page: Page): Promise<Locator> {
  const ed = page.locator('[data-testid="editor"] .monaco-editor').first();
  await expect(ed).toBeVisible({ timeout: 20_000 });
  return ed;
}

/** Replaces the editor's text by pasting `text` through the system clipboard (Ctrl+A, Ctrl+V). */
export async function pasteIntoEditor(page: Page, context: BrowserContext, text: string): Promise<void> {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  const ed = await monaco(page);
  await ed.locator('.view-lines').click();
  await page.keyboard.press('Control+A');
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
  // The paste leaves the view at its end: back to the top, where the first line proves it landed.
  await page.keyboard.press('Control+Home');
  // Monaco renders only visible lines, and reuses their elements in any DOM order: the first
  // line among the rendered ones is enough to know the paste landed.
  await expect(ed.locator('.view-lines')).toContainText(text.split('\n')[0]!.trim());
}

export interface StageMark {
  id: string;
  node?: string;
  active: boolean;
  /** Index of the MutationObserver callback (one per DOM batch): equal means "at the same time". */
  batch: number;
  t: number;
}

/** Starts recording every `data-active` change of `[data-testid^="stage-"]` (call before Apply). */
export async function recordStages(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __stages: StageMarkLike[] };
    type StageMarkLike = { id: string; node?: string; active: boolean; batch: number; t: number };
    w.__stages = [];
    let batch = 0;
    const seen = new WeakMap<Element, boolean>();
    const note = (el: Element, b: number) => {
      const id = el.getAttribute('data-testid')!.slice('stage-'.length);
      const active = el.getAttribute('data-active') === 'true';
      if (seen.get(el) === active) return;
      seen.set(el, active);
      w.__stages.push({ id, node: el.getAttribute('data-node') ?? undefined, active, batch: b, t: performance.now() });
    };
    document.querySelectorAll('[data-testid^="stage-"]').forEach((el) => seen.set(el, el.getAttribute('data-active') === 'true'));
    new MutationObserver((records) => {
      batch++;
      for (const r of records) {
        const targets: Element[] = [];
        if (r.type === 'attributes') targets.push(r.target as Element);
        else r.addedNodes.forEach((n) => n instanceof Element && targets.push(n, ...n.querySelectorAll('[data-testid^="stage-"]')));
        for (const el of targets) if (el.getAttribute('data-testid')?.startsWith('stage-')) note(el, batch);
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-active', 'data-testid'] });
  });
}

export async function stageMarks(page: Page): Promise<StageMark[]> {
  return page.evaluate(() => (window as unknown as { __stages: StageMark[] }).__stages);
}

/** First batch in which each stage became active. */
export function firstActive(marks: StageMark[]): Map<string, number> {
  const first = new Map<string, number>();
  for (const m of marks) if (m.active && !first.has(m.id)) first.set(m.id, m.batch);
  return first;
}

/** Waits until no stage has been active for `quietMs` (boot spans have finished animating). */
export async function waitForQuietPipeline(page: Page, quietMs = 600, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  let quietSince = Date.now();
  while (Date.now() - start < timeoutMs) {
    const active = await page.locator('[data-testid^="stage-"][data-active="true"]').count();
    if (active > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    await page.waitForTimeout(100);
  }
}

/** The pod card named `name`. */
export function pod(page: Page, name: string): Locator {
  return page.locator(`[data-testid="pod"][data-name="${name}"]`);
}

/** The terminal's command input. Opens the terminal's tab first when it is hidden. */
export async function terminalInput(page: Page): Promise<Locator> {
  const term = page.locator('[data-testid="terminal"]');
  if (!(await term.isVisible().catch(() => false))) {
    await page.getByRole('tab', { name: /terminal|kubectl/i }).first().click();
  }
  await expect(term).toBeVisible();
  const input = term.locator('input, textarea').first();
  await expect(input).toBeVisible();
  return input;
}

/** Runs one terminal line and waits for its output to appear. */
export async function runInTerminal(page: Page, line: string, expectText: string | RegExp): Promise<string> {
  const input = await terminalInput(page);
  await input.click();
  await input.fill(line);
  await input.press('Enter');
  const term = page.locator('[data-testid="terminal"]');
  await expect(term).toContainText(expectText, { timeout: 15_000 });
  return (await term.innerText()) ?? '';
}

/** Clicks the editor's Apply button. */
export async function apply(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^apply/i }).first().click();
}
