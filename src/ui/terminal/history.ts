/** Terminal command history, persisted locally so ↑ works after a reload (like ~/.bash_history). */

const KEY = 'desired-state.terminal-history';
const MAX = 200;

export function loadHistory(): string[] {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string').slice(-MAX) : [];
  } catch {
    return [];
  }
}

/** Add a line (skipping an immediate repeat, as bash's ignoredups does) and save. */
export function pushHistory(history: string[], line: string): string[] {
  if (!line.trim() || history[history.length - 1] === line) return history;
  const next = [...history, line].slice(-MAX);
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(next));
  } catch {
    // storage full or unavailable: history just does not persist
  }
  return next;
}
