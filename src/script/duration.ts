/** `sleep DURATION`: Go durations (`500ms`, `30s`, `5m`, `1h30m`), or bare seconds as POSIX sleep takes them. */
import { parseGoDuration } from '../kubectl/duration.ts';

/** Milliseconds, or throws with a message naming the bad value. */
export function parseSleepDuration(s: string): number {
  if (/^\d+(\.\d+)?$/.test(s)) return Math.round(parseFloat(s) * 1000);
  const ms = parseGoDuration(s);
  if (ms < 0) throw new Error(`invalid duration ${JSON.stringify(s)}: must not be negative`);
  return ms;
}
