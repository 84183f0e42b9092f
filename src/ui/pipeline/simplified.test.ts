import { describe, expect, it } from 'vitest';
import en from '../../i18n/en/pipeline.ts';
import ko from '../../i18n/ko/pipeline.ts';
import { STAGES } from './layout.ts';
import { SIMPLIFIED_STAGES } from './SimplifiedMarker.tsx';

describe('Simplified notes', () => {
  it('every stage but the manifest and kubectl carries one (docs/FIDELITY.md)', () => {
    expect(STAGES.filter((s) => !SIMPLIFIED_STAGES.has(s))).toEqual(['manifest', 'kubectl']);
  });

  it('each has an English and a Korean note of 1-4 sentences, and nothing else has one', () => {
    for (const notes of [en.simplified.note, ko.simplified.note] as Record<string, string>[]) {
      expect(Object.keys(notes).sort()).toEqual([...SIMPLIFIED_STAGES].sort());
      for (const text of Object.values(notes)) {
        const sentences = text.split(/[.!?](?:\s|$)/).filter((x) => x.trim());
        expect(sentences.length).toBeGreaterThanOrEqual(1);
        expect(sentences.length).toBeLessThanOrEqual(4);
      }
    }
  });

  it('the marker name reads "Simplified: <stage>"', () => {
    expect(en.simplified.marker).toBe('Simplified: {{stage}}');
  });
});
