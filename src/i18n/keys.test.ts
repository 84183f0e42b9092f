/** Korean must cover every English key (plural forms: Korean has only `_other`). */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

function keys(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k.replace(/_(zero|one|two|few|many|other)$/, '')}`],
  );
}

const dir = (lang: string) => fileURLToPath(new URL(`./${lang}/`, import.meta.url));

describe('i18n', () => {
  for (const file of readdirSync(dir('en')).filter((f) => f.endsWith('.ts'))) {
    it(`ko/${file} has every key of en/${file}`, async () => {
      const en = (await import(`./en/${file}`)).default as Record<string, unknown>;
      const ko = (await import(`./ko/${file}`)).default as Record<string, unknown>;
      const missing = [...new Set(keys(en))].filter((k) => !new Set(keys(ko)).has(k));
      expect(missing).toEqual([]);
    });
  }
});
