import { describe, expect, it } from 'vitest';
import { PRIORITYCLASS_COLUMNS, priorityClassRow } from './scheduling.ts';

const NOW = Date.parse('2026-01-01T01:00:00Z');

describe('priorityclass printer (printPriorityClass)', () => {
  it('prints NAME, VALUE, GLOBAL-DEFAULT, AGE, PREEMPTIONPOLICY', () => {
    expect(PRIORITYCLASS_COLUMNS).toEqual(['NAME', 'VALUE', 'GLOBAL-DEFAULT', 'AGE', 'PREEMPTIONPOLICY']);
    const sys = { metadata: { name: 'system-node-critical', creationTimestamp: '2026-01-01T00:00:00Z' }, value: 2000001000, preemptionPolicy: 'PreemptLowerPriority' };
    expect(priorityClassRow(sys, NOW, false)).toEqual(['system-node-critical', '2000001000', 'false', '60m', 'PreemptLowerPriority']);
    const def = { metadata: { name: 'batch', creationTimestamp: '2026-01-01T00:59:30Z' }, value: -5, globalDefault: true, preemptionPolicy: 'Never' };
    expect(priorityClassRow(def, NOW, true)).toEqual(['batch', '-5', 'true', '30s', 'Never']);
  });

  it('a class without preemptionPolicy prints <none>', () => {
    expect(priorityClassRow({ metadata: { name: 'x' }, value: 1 }, NOW)[4]).toBe('<none>');
  });
});
