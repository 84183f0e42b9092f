import { describe, expect, it } from 'vitest';
import type { SchedulingExplanation, Span } from '../protocol/types.ts';
import {
  activeExplanation, applyScheduling, clearLive, emptyScheduling, explanationOfSpan, MAX_EXPLANATIONS, nodeVerdicts,
  parseHistogram, reasonHistogram, recordExplanations, verdictOf,
} from './scheduling.ts';

const TAINT = 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }';
const MESSAGE = `0/4 nodes are available: 1 ${TAINT}, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.`;

const failed = (pod = 'default/big', at = 10, attempt = 1): SchedulingExplanation => ({
  pod, attempt, at, numAllNodes: 4, evaluated: 4, feasible: 0, plugins: [],
  filtered: [
    { node: 'control-plane', plugin: 'TaintToleration', reasons: [TAINT] },
    { node: 'worker-1', plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'] },
    { node: 'worker-2', plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'] },
    { node: 'worker-3', plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'] },
  ],
  filteredTotal: 4, scored: [], message: MESSAGE,
});

const bound = (pod = 'default/web', at = 20): SchedulingExplanation => ({
  pod, attempt: 1, at, numAllNodes: 4, evaluated: 4, feasible: 3,
  plugins: [{ name: 'TaintToleration', weight: 3 }, { name: 'NodeResourcesFit', weight: 1 }],
  filtered: [{ node: 'control-plane', plugin: 'TaintToleration', reasons: [TAINT] }],
  filteredTotal: 1,
  scored: [
    { node: 'worker-2', total: 395, scores: [100, 100, 300, 95, 95, 95] },
    { node: 'worker-1', total: 395, scores: [100, 100, 300, 95, 95, 95] },
    { node: 'worker-3', total: 390, scores: [100, 100, 300, 90, 90, 90] },
  ],
  selected: 'worker-2', tiedForTop: 2,
});

const span = (id: number, kind: string, payload: unknown, from: Span['from'] = 'scheduler'): Span => ({
  id, at: id, duration: 0, from, to: kind === 'apiBind' ? 'apiserver' : 'scheduler', verb: 'POST', kind, args: {}, summary: '', payload,
});

describe('explanationOfSpan', () => {
  it('reads a bind payload and a schedulingFailed payload, nothing else', () => {
    const b = bound();
    const f = failed();
    expect(explanationOfSpan(span(1, 'apiBind', { kind: 'Binding', explanation: b }))).toBe(b);
    expect(explanationOfSpan(span(2, 'schedulingFailed', f))).toBe(f);
    expect(explanationOfSpan(span(3, 'apiBind', { kind: 'Binding' }))).toBeUndefined();
    expect(explanationOfSpan(span(4, 'apiCreate', { explanation: b }, 'kubectl'))).toBeUndefined();
    expect(explanationOfSpan(span(5, 'schedulingFailed', undefined))).toBeUndefined();
  });
});

describe('applyScheduling', () => {
  it('keeps the latest explanation per pod and makes the last released attempt live', () => {
    const s0 = emptyScheduling();
    const s1 = applyScheduling(s0, [span(1, 'schedulingFailed', failed('default/big', 10)), span(2, 'apiBind', { explanation: bound() })]);
    expect(Object.keys(s1.explanations)).toEqual(['default/big', 'default/web']);
    expect(s1.liveScheduling).toEqual({ spanId: 2, pod: 'default/web' });
    const again = failed('default/big', 30, 2);
    const s2 = applyScheduling(s1, [span(3, 'schedulingFailed', again)]);
    expect(s2.explanations['default/big']).toBe(again);
    expect(Object.keys(s2.explanations)).toEqual(['default/web', 'default/big']); // re-inserted: newest last
    expect(applyScheduling(s2, [span(4, 'apiCreate', {}, 'kubectl')])).toBe(s2);
    expect(applyScheduling(s2, [], true)).toEqual(emptyScheduling());
  });

  it('an older or less detailed copy of an attempt does not replace the stored one', () => {
    const full = failed('default/big', 30);
    const compact = { ...full, filtered: full.filtered.slice(0, 2) };
    const r = recordExplanations({ 'default/big': full }, [compact, failed('default/big', 10)]);
    expect(r['default/big']).toBe(full);
    expect(recordExplanations({ 'default/big': compact }, [full])['default/big']).toBe(full);
  });

  it(`is bounded to ${MAX_EXPLANATIONS} pods, dropping the oldest`, () => {
    const list = Array.from({ length: MAX_EXPLANATIONS + 5 }, (_, i) => failed(`default/p${i}`, i));
    const r = recordExplanations({}, list);
    expect(Object.keys(r)).toHaveLength(MAX_EXPLANATIONS);
    expect(r['default/p0']).toBeUndefined();
    expect(r[`default/p${MAX_EXPLANATIONS + 4}`]).toBeDefined();
  });

  it('clearLive ends only the attempt it was armed for', () => {
    const s1 = applyScheduling(emptyScheduling(), [span(7, 'apiBind', { explanation: bound() })]);
    expect(clearLive(s1, 6)).toBe(s1);
    expect(clearLive(s1, 7).liveScheduling).toBeUndefined();
  });
});

describe('verdicts', () => {
  it('chosen (with ties), passed with rank and points behind, rejected with plugin and reason', () => {
    const e = bound();
    const v = nodeVerdicts(e);
    expect(v.get('worker-2')).toEqual({ kind: 'chosen', pod: 'default/web', total: 395, tied: 2 });
    expect(v.get('worker-1')).toEqual({ kind: 'passed', pod: 'default/web', total: 395, rank: 2, behind: 0 });
    expect(v.get('worker-3')).toEqual({ kind: 'passed', pod: 'default/web', total: 390, rank: 3, behind: 5 });
    expect(v.get('control-plane')).toEqual({ kind: 'rejected', pod: 'default/web', plugin: 'TaintToleration', reasons: [TAINT] });
    expect(nodeVerdicts(e)).toBe(v); // cached: node cards keep stable identities
    expect(verdictOf(e, 'worker-9')).toBeUndefined(); // joined after the attempt
  });

  it('the only feasible node is chosen without a score; unrecorded nodes are not evaluated or lack detail', () => {
    const only: SchedulingExplanation = { ...bound(), feasible: 1, scored: [], selected: 'worker-1', tiedForTop: 1 };
    expect(verdictOf(only, 'worker-1')).toEqual({ kind: 'chosen', pod: 'default/web', tied: 1 });
    const partial: SchedulingExplanation = { ...bound(), numAllNodes: 200, evaluated: 120 };
    expect(verdictOf(partial, 'worker-150')).toMatchObject({ kind: 'notEvaluated' });
    const compact: SchedulingExplanation = { ...bound(), feasible: 30 };
    expect(verdictOf(compact, 'worker-17')).toMatchObject({ kind: 'noDetail' });
    const pre: SchedulingExplanation = { ...failed(), filtered: [], filteredTotal: 0, preFilter: { plugin: 'NodeAffinity', reasons: ['x'] } };
    expect(verdictOf(pre, 'worker-1')).toEqual({ kind: 'rejected', pod: 'default/big', plugin: 'NodeAffinity', reasons: ['x'] });
  });

  it('activeExplanation: the selected pod first, else the live attempt', () => {
    const s = applyScheduling(emptyScheduling(), [span(1, 'schedulingFailed', failed()), span(2, 'apiBind', { explanation: bound() })]);
    expect(activeExplanation(s)?.pod).toBe('default/web');
    expect(activeExplanation({ ...s, selection: { kind: 'pod', key: 'pods/default/big' } })?.pod).toBe('default/big');
    expect(activeExplanation({ ...s, selection: { kind: 'pod', key: 'pods/default/other' } })).toBeUndefined();
    expect(activeExplanation({ ...s, liveScheduling: undefined })).toBeUndefined();
  });
});

describe('reasonHistogram', () => {
  it('counts complete rows, sorted as upstream', () => {
    expect(reasonHistogram(failed())).toEqual([{ reason: TAINT, count: 1 }, { reason: 'Insufficient cpu', count: 3 }]);
  });
  it('uses the scheduler\'s own reasons field in either shape', () => {
    expect(reasonHistogram({ ...failed(), reasons: { 'Insufficient cpu': 3, [TAINT]: 1 } } as SchedulingExplanation)).toEqual([{ reason: TAINT, count: 1 }, { reason: 'Insufficient cpu', count: 3 }]);
    expect(reasonHistogram({ ...failed(), reasons: [{ reason: 'Too many pods', count: 2 }] } as unknown as SchedulingExplanation)).toEqual([{ reason: 'Too many pods', count: 2 }]);
  });
  it('parses the FailedScheduling message when rows were trimmed', () => {
    expect(reasonHistogram({ ...failed(), filtered: [], filteredTotal: 4 })).toEqual([{ reason: TAINT, count: 1 }, { reason: 'Insufficient cpu', count: 3 }]);
    expect(parseHistogram('0/3 nodes are available: 1 Insufficient cpu, 2 node(s) were unschedulable.')).toEqual([
      { reason: 'Insufficient cpu', count: 1 }, { reason: 'node(s) were unschedulable', count: 2 },
    ]);
    expect(reasonHistogram({ ...failed(), filtered: [], filteredTotal: 0, preFilter: { plugin: 'NodeAffinity', reasons: ["node(s) didn't match Pod's node affinity/selector"] } })).toEqual([
      { reason: "node(s) didn't match Pod's node affinity/selector", count: 4 },
    ]);
    expect(parseHistogram('no nodes available to schedule pods')).toEqual([]);
  });
});
