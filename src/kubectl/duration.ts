/**
 * Durations as kubectl prints and parses them:
 * - `humanDuration` mirrors k8s.io/apimachinery/pkg/util/duration/duration.go: HumanDuration
 *   (the AGE column);
 * - `parseGoDuration` mirrors Go's time.ParseDuration (`--timeout=60s`, script `sleep 1h30m`).
 */
import type { Ctx } from './context.ts';
import { flag } from './flags.ts';

/** HumanDuration of `ms` milliseconds. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(ms / 60_000);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(ms / 3_600_000);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    const y = Math.trunc(hours / 24 / 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** printers.go translateTimestampSince: `<unknown>` for a missing timestamp. */
export function ageSince(timestamp: string | undefined, nowMs: number): string {
  if (!timestamp) return '<unknown>';
  const t = Date.parse(timestamp);
  if (Number.isNaN(t)) return '<unknown>';
  return humanDuration(nowMs - t);
}

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Go's time.ParseDuration, in milliseconds. Throws an Error with Go's message
 * (`time: invalid duration "x"`, `time: missing unit in duration "60"`).
 */
export function parseGoDuration(input: string): number {
  const quoted = JSON.stringify(input);
  let s = input;
  let neg = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    neg = s.startsWith('-');
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') throw new Error(`time: invalid duration ${quoted}`);
  let total = 0;
  while (s !== '') {
    const m = /^(\d*)(\.\d*)?/.exec(s)!;
    if (m[0] === '' || m[0] === '.') throw new Error(`time: invalid duration ${quoted}`);
    s = s.slice(m[0].length);
    const u = /^[^\d.]+/.exec(s);
    if (!u) throw new Error(`time: missing unit in duration ${quoted}`);
    const unit = UNITS[u[0]];
    if (unit === undefined) throw new Error(`time: unknown unit ${JSON.stringify(u[0])} in duration ${quoted}`);
    s = s.slice(u[0].length);
    total += parseFloat((m[1] || '0') + (m[2] ?? '')) * unit;
  }
  return neg ? -total : total;
}

/**
 * A Go-duration flag (`--timeout=60s`): `defaultMs` when absent, undefined after recording
 * time.ParseDuration's error when malformed.
 */
export function durationFlag(ctx: Ctx, name: string, defaultMs: number): number | undefined {
  const v = flag(ctx.p, name);
  if (!v) return defaultMs;
  try {
    return parseGoDuration(v);
  } catch (e) {
    ctx.errors.push({ message: (e as Error).message });
    return undefined;
  }
}
