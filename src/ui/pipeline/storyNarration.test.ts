import { describe, expect, it } from 'vitest';
import type { Span } from '../../protocol/types.ts';
import { HOLD_MS, isMilestone, storySpan, type StoryState } from './storyNarration.ts';

let id = 0;
const span = (kind: string, extra: Partial<Span> = {}): Span => ({ id: ++id, at: 0, duration: 0, from: 'apiserver', to: 'etcd', verb: 'PUT', kind, args: {}, summary: kind, ...extra });

describe('story narration', () => {
  it('knows the failure story steps', () => {
    expect(isMilestone(span('nodeMonitorUnknown', { from: 'controller-manager', to: 'apiserver' }))).toBe(true);
    expect(isMilestone(span('taintEvictionDelete'))).toBe(true);
    expect(isMilestone(span('apiUpdate', { from: 'controller-manager', to: 'apiserver', object: 'Node/worker-2' }))).toBe(false);
    expect(isMilestone(span('etcdWrite'))).toBe(false);
    expect(isMilestone(span('schedulingFailed', { from: 'scheduler', to: 'scheduler', object: 'Pod/default/x' }))).toBe(false);
  });

  it('shows the newest span when not busy', () => {
    const st: StoryState = { heldAt: 0, seen: 0 };
    const a = span('nodeMonitorUnknown');
    const b = span('etcdWrite');
    expect(storySpan(st, [a, b], b, false, 0)).toBe(b);
  });

  it('in busy mode holds a milestone released mid-batch for HOLD_MS, then the newest again', () => {
    const st: StoryState = { heldAt: 0, seen: 0 };
    const unknown = span('nodeMonitorUnknown');
    const noise = span('endpointsUpdate');
    expect(storySpan(st, [unknown, noise], noise, true, 1000)).toBe(unknown);
    const more = span('nodeMarkPodNotReady');
    expect(storySpan(st, [unknown, noise, more], more, true, 1000 + HOLD_MS - 1)).toBe(unknown);
    expect(storySpan(st, [unknown, noise, more], more, true, 1000 + HOLD_MS)).toBe(more);
  });

  it('a newer milestone replaces the held one at once', () => {
    const st: StoryState = { heldAt: 0, seen: 0 };
    const taint = span('nodeTaintAdd');
    expect(storySpan(st, [taint], taint, true, 0)).toBe(taint);
    const evict = span('taintEvictionDelete');
    const noise = span('replicaSetSync');
    expect(storySpan(st, [taint, evict, noise], noise, true, 100)).toBe(evict);
  });
});
