// Input paths beyond typing: an invalid address option is ignored with a notice that says why, and
// a file dropped on the editor loads its text (not applied) or is refused with the reason while
// the text stays as it was.
import { expect, test, type Page } from '@playwright/test';
import { apply, monaco, openApp, pod, POD_YAML, runInTerminal, setSpeed } from './helpers.ts';

/** Dispatches dragenter, dragover and drop on the editor with files built in the page. */
async function dropFiles(page: Page, files: { name: string; type: string; text?: string; bytes?: number[] }[]): Promise<void> {
  await page.evaluate((specs) => {
    const target = document.querySelector('[data-testid="editor"]')!;
    const dt = new DataTransfer();
    for (const f of specs) dt.items.add(new File([f.bytes ? new Uint8Array(f.bytes) : f.text ?? ''], f.name, { type: f.type }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, composed: true, dataTransfer: dt }));
    }
  }, files);
}

const STORAGE_KEY = 'desired-state:editor:manifest.yaml';

/** The text saved locally (every edit is saved within 300 ms). */
function savedText(page: Page): Promise<string | null> {
  return page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY);
}

/** What Monaco shows (its visible lines; spaces come back as no-break spaces). */
async function shownText(page: Page): Promise<string> {
  const ed = await monaco(page);
  return (await ed.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
}

test('an invalid ?workers= is ignored with a notice and the default cluster starts', async ({ page }) => {
  await openApp(page, '?workers=abc');
  const notice = page.locator('[data-testid="url-notice"]');
  await expect(notice).toHaveAttribute('role', 'status');
  await expect(notice).toContainText('Ignored ?workers=abc: it must be a whole number from 0 to 5000.');
  await expect(page.locator('[data-testid="node"]')).toHaveCount(4);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
});

test('a valid address shows no notice', async ({ page }) => {
  await openApp(page, '?seed=7&lang=en');
  await expect(page.locator('[data-testid="url-notice"]')).toHaveCount(0);
});

test('a dropped pod.yaml replaces the text without applying it; Apply then creates the pod', async ({ page }) => {
  await openApp(page);
  await monaco(page);
  await setSpeed(page, 8);
  await dropFiles(page, [{ name: 'pod.yaml', type: 'text/yaml', text: POD_YAML }]);
  await expect(page.locator('[data-testid="editor-notice"]')).toContainText('Loaded pod.yaml into the editor.');
  // Monaco shows the new text, and it is saved locally like any edit; nothing is applied yet.
  await expect.poll(() => shownText(page)).toContain('name: hello');
  await expect.poll(() => savedText(page)).toBe(POD_YAML);
  await expect(pod(page, 'hello')).toHaveCount(0);
  await apply(page);
  await expect(page.locator('[data-testid="apply-output"]')).toContainText('pod/hello created', { timeout: 15_000 });
  await expect(pod(page, 'hello')).toBeVisible({ timeout: 15_000 });
});

test('a dropped binary file is refused and the text stays; extra files are mentioned', async ({ page }) => {
  await openApp(page);
  await monaco(page);
  const before = await shownText(page);
  const saved = await savedText(page);
  await dropFiles(page, [
    { name: 'image.png', type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d] },
    { name: 'other.yaml', type: 'text/yaml', text: POD_YAML },
  ]);
  const notice = page.locator('[data-testid="editor-notice"]');
  await expect(notice).toContainText('Cannot load image.png: it is not a text file.');
  await expect(notice).toContainText('Only the first file was used; 1 more file was dropped.');
  await page.waitForTimeout(500); // past the save delay: a replaced text would have been saved by now
  expect(await shownText(page)).toBe(before);
  expect(await savedText(page)).toBe(saved);
  await runInTerminal(page, 'kubectl get pods', 'No resources found in default namespace.');
});

test('the editor is highlighted while a file is dragged over it', async ({ page }) => {
  await openApp(page);
  await monaco(page);
  await page.evaluate(() => {
    const target = document.querySelector('[data-testid="editor"] .monaco-editor') ?? document.querySelector('[data-testid="editor"]')!;
    const dt = new DataTransfer();
    dt.items.add(new File(['a: b\n'], 'x.yaml', { type: 'text/yaml' }));
    target.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: dt }));
    target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt }));
  });
  const surface = page.locator('[data-testid="editor"]');
  await expect(surface).toHaveAttribute('data-dragover', 'true');
  await expect(surface.locator('.drop-hint')).toBeVisible();
  await page.evaluate(() => {
    const target = document.querySelector('[data-testid="editor"] .monaco-editor') ?? document.querySelector('[data-testid="editor"]')!;
    const dt = new DataTransfer();
    dt.items.add(new File(['a: b\n'], 'x.yaml', { type: 'text/yaml' }));
    target.dispatchEvent(new DragEvent('dragleave', { bubbles: true, cancelable: true, dataTransfer: dt }));
  });
  await expect(surface).not.toHaveAttribute('data-dragover', 'true');
});
