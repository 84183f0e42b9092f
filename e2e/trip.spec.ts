// A Pod's whole trip: paste a manifest, Apply, watch the stages light up in pipeline order, and
// the pod reach Running on a worker node. Also with prefers-reduced-motion.
import { expect, test, type Page, type BrowserContext } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  POD_YAML, SHOTS, apply, ensurePlaying, firstActive, openApp, pasteIntoEditor, pod, recordStages, setSpeed, shot,
  stageMarks, waitForQuietPipeline,
} from './helpers.ts';

const WORKERS = /^worker-\d+$/;

async function trip(page: Page, context: BrowserContext, shotName: string) {
  await openApp(page);
  await setSpeed(page, 8);
  await ensurePlaying(page);
  await pasteIntoEditor(page, context, POD_YAML);
  await waitForQuietPipeline(page);
  await recordStages(page);
  await apply(page);

  const card = pod(page, 'hello');
  await expect(card).toBeVisible({ timeout: 20_000 });
  await page.waitForTimeout(300);
  await shot(page, `${shotName}-mid`);
  await expect(card).toHaveAttribute('data-phase', 'Running', { timeout: 45_000 });
  await expect(card).toHaveAttribute('data-node', WORKERS);
  await expect(card).toHaveAttribute('data-ready', '1/1');
  await expect(card).toHaveAttribute('data-status', 'Running');
  await shot(page, `${shotName}-running`);
  const marks = await stageMarks(page);
  // The recorded activations, for review beside the screenshots.
  writeFileSync(join(SHOTS, `${shotName}-stages.json`), JSON.stringify(marks, null, 1));
  return marks;
}

/** Asserts `a` lit up no later than `b` (same DOM batch counts as together). */
function before(first: Map<string, number>, a: string, b: string) {
  expect(first.get(a), `${a} should light up`).toBeDefined();
  expect(first.get(b), `${b} should light up`).toBeDefined();
  expect(first.get(a)!, `${a} (batch ${first.get(a)}) before ${b} (batch ${first.get(b)})`).toBeLessThanOrEqual(first.get(b)!);
}

function assertPipelineOrder(marks: Awaited<ReturnType<typeof stageMarks>>) {
  const first = firstActive(marks);
  test.info().annotations.push({ type: 'stages', description: [...first].map(([k, v]) => `${k}@${v}`).join(' ') });
  // The story starts at the manifest: kubectl converts the YAML before it asks the server anything.
  before(first, 'manifest', 'kubectl');
  before(first, 'manifest', 'apiserver');
  before(first, 'kubectl', 'apiserver');
  before(first, 'apiserver', 'etcd');
  before(first, 'apiserver', 'scheduler');
  before(first, 'etcd', 'kubelet');
  before(first, 'scheduler', 'kubelet');
  before(first, 'kubelet', 'runtime');
  // The image pull: runtime asks the registry, after the kubelet started the pod.
  before(first, 'runtime', 'registry');
  // And the pod was not running before the registry served the image (the pull happens during the trip).
  const kubectlAt = first.get('kubectl')!;
  expect(first.get('registry')!).toBeGreaterThan(kubectlAt);
}

test('a pasted Pod travels the pipeline in order and runs on a worker', async ({ page, context }) => {
  const marks = await trip(page, context, 'trip');
  assertPipelineOrder(marks);
});

test('with reduced motion the stages still activate', async ({ browser }) => {
  const context = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const marks = await trip(page, context, 'reduced-motion');
  expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
  assertPipelineOrder(marks);
  await context.close();
});
