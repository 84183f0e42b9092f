/**
 * Options from the page address (`?seed=7&workers=20&lang=ko`), for lessons and tests. An invalid
 * value is ignored (the default applies) but remembered, so the UI can say which one and why
 * instead of silently running a different cluster than the link promised.
 */

/** One query parameter that was present but not usable. */
export interface IgnoredParam {
  /** `seed`, `workers` or `lang`. */
  param: 'seed' | 'workers' | 'lang';
  /** What the address said, verbatim (rendered as text, never as HTML). */
  value: string;
}

export interface UrlOptions {
  seed?: number;
  workers?: number;
  ignored: IgnoredParam[];
}

/** Inclusive ranges the worker accepts; the notice quotes them. */
export const SEED_RANGE = { min: 0, max: 2 ** 31 - 1 } as const;
export const WORKERS_RANGE = { min: 0, max: 5000 } as const;
/** Codes `?lang=` accepts (mirrors i18n's LANGUAGES, kept here so this module has no i18n import). */
export const LANG_CODES = ['en', 'ko'] as const;

/** Digits only: `Number()` would also take `''`, `' 5'`, `1e3` and `0x10`, which no link means. */
function wholeNumber(v: string, range: { min: number; max: number }): number | undefined {
  if (!/^[0-9]{1,16}$/.test(v)) return undefined;
  const n = Number(v);
  return n >= range.min && n <= range.max ? n : undefined;
}

/** Parses `search` (e.g. `location.search`); never throws. */
export function parseUrlOptions(search: string): UrlOptions {
  const q = new URLSearchParams(search);
  const out: UrlOptions = { ignored: [] };
  const seed = q.get('seed');
  if (seed !== null) {
    out.seed = wholeNumber(seed, SEED_RANGE);
    if (out.seed === undefined) out.ignored.push({ param: 'seed', value: seed });
  }
  const workers = q.get('workers');
  if (workers !== null) {
    out.workers = wholeNumber(workers, WORKERS_RANGE);
    if (out.workers === undefined) out.ignored.push({ param: 'workers', value: workers });
  }
  const lang = q.get('lang');
  if (lang !== null && !(LANG_CODES as readonly string[]).includes(lang)) out.ignored.push({ param: 'lang', value: lang });
  return out;
}

/** The current page's options. */
export function urlOptions(): UrlOptions {
  return parseUrlOptions(globalThis.location?.search ?? '');
}
