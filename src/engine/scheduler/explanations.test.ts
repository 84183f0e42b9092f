import { describe, expect, it } from 'vitest';
import { ExplanationLog } from './explanations.ts';
import type { SchedulingExplanation } from './scheduleOne.ts';

function expl(pod: string, rows = 10): SchedulingExplanation {
  return {
    pod, attempt: 1, at: 0, numAllNodes: rows, evaluated: rows, feasible: rows, plugins: [{ name: 'NodeResourcesFit', weight: 1 }],
    filtered: Array.from({ length: rows }, (_, i) => ({ node: `f${i}`, plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'] })),
    filteredTotal: rows, reasons: { 'Insufficient cpu': rows },
    scored: Array.from({ length: rows }, (_, i) => ({ node: `n${i}`, total: 100 - i, scores: [100 - i, 100 - i, 100 - i] })),
    full: true,
  };
}

describe('ExplanationLog', () => {
  it('keeps recent attempts in full and compacts older ones to the histogram and top 3 scores', () => {
    const log = new ExplanationLog(2);
    log.add(expl('default/a'));
    log.add(expl('default/b'));
    log.add(expl('default/c'));
    const a = log.forPod('default/a')!;
    expect(a.full).toBe(false);
    expect(a.scored.map((s) => s.node)).toEqual(['n0', 'n1', 'n2']);
    expect(a.filtered).toHaveLength(2);
    expect(a.reasons).toEqual({ 'Insufficient cpu': 10 });
    expect(log.forPod('default/c')!.scored).toHaveLength(10);
  });

  it('never compacts the pinned pod', () => {
    const log = new ExplanationLog(1);
    log.pin('default/a');
    log.add(expl('default/a'));
    log.add(expl('default/b'));
    expect(log.forPod('default/a')!.full).toBe(true);
    expect(log.forPod('default/a')!.scored).toHaveLength(10);
    log.pin(undefined);
    log.add(expl('default/c'));
    expect(log.forPod('default/b')!.scored).toHaveLength(3);
  });
});
