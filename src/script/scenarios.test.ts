/**
 * Golden scenarios: every scenarios/<name>/script.txt runs through the real engine (seed 1,
 * 3 workers — what `npm run sim -- FILE` does) and must print exactly scenarios/<name>/expected.txt.
 * Regenerate after an intended change with `UPDATE_GOLDEN=1 npx vitest run src/script/scenarios.test.ts`.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine/index.ts';
import { hostForCluster } from './clusterHost.ts';
import { formatJson, formatText, runScript } from './index.ts';

const ROOT = resolve(import.meta.dirname, '../../scenarios');
const scenarios = readdirSync(ROOT).filter((d) => existsSync(join(ROOT, d, 'script.txt')));

async function run(name: string, seed = 1) {
  const dir = join(ROOT, name);
  const cluster = createCluster({ seed, workers: 3 });
  const readFile = (p: string) => {
    const full = resolve(dir, p);
    return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
  };
  return runScript(readFileSync(join(dir, 'script.txt'), 'utf8'), hostForCluster(cluster, readFile));
}

describe('golden scenarios', () => {
  it('has scenarios', () => expect(scenarios.length).toBeGreaterThan(0));
  for (const name of scenarios) {
    it(name, async () => {
      const r = await run(name);
      expect(r.exitCode).toBe(0);
      const text = formatText(r.results);
      const file = join(ROOT, name, 'expected.txt');
      if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, text);
      expect(text).toBe(readFileSync(file, 'utf8'));
    });
  }
});

describe('determinism', () => {
  it('same seed + same script → identical text and JSON output', async () => {
    const a = await run('pod-basics', 7);
    const b = await run('pod-basics', 7);
    expect(formatJson(b.results)).toBe(formatJson(a.results));
    expect(formatText(b.results)).toBe(formatText(a.results));
  });
});
