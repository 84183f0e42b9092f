/**
 * The editor's text, shared by the plain fallback view and Monaco, and persisted to
 * localStorage. Kept outside React state: a 2 MB document must not re-render anything per
 * keystroke. Readers pull the text through a getter the active view registers, so Monaco's
 * `getValue()` (which joins every line) runs only when a save or an Apply needs it.
 */
import { DEFAULT_TEXT } from './examples.ts';

const STORAGE_KEY = 'desired-state:editor:manifest.yaml';
const SAVE_DELAY_MS = 300;

let fallbackText: string | undefined;
let source: (() => string) | undefined;
let saveTimer: ReturnType<typeof setTimeout> | undefined;

function load(): string {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? DEFAULT_TEXT;
  } catch {
    return DEFAULT_TEXT;
  }
}

/** The current editor text. */
export function getText(): string {
  if (source) return source();
  fallbackText ??= load();
  return fallbackText;
}

/**
 * Register the view that owns the text now (the plain view, then Monaco once it has loaded).
 * Returns a detach function that keeps the last text and does nothing if another view has
 * taken over meanwhile.
 */
export function attachSource(read: () => string): () => void {
  source = read;
  return () => {
    if (source !== read) return;
    fallbackText = read();
    source = undefined;
  };
}

/** Replace the text held outside any view (the plain view calls this on input). */
export function setText(text: string): void {
  fallbackText = text;
  markDirty();
}

/** Note an edit; the text is saved shortly after, and at the latest when the page is hidden. */
export function markDirty(): void {
  if (saveTimer !== undefined) clearTimeout(saveTimer);
  saveTimer = setTimeout(saveNow, SAVE_DELAY_MS);
}

/** Write the text to localStorage now. Returns false when storage refused it (quota, privacy mode). */
export function saveNow(): boolean {
  if (saveTimer !== undefined) clearTimeout(saveTimer);
  saveTimer = undefined;
  try {
    localStorage.setItem(STORAGE_KEY, getText());
    return true;
  } catch {
    return false;
  }
}

if (typeof window !== 'undefined') {
  const flush = () => {
    if (saveTimer !== undefined) saveNow();
  };
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
}
