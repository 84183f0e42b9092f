/**
 * Which span the narration line shows. One at a time (narrative mode) it is simply the newest.
 * In busy mode (many objects, or 16× and faster) a frame releases dozens of spans and the newest
 * is usually a side note (an Endpoints update, a pod marked NotReady); a failure story's steps —
 * the machine stops, the node goes Unknown, is tainted, pods are evicted, the machine is back —
 * would flash by unread. Those milestones stay on the line for {@link HOLD_MS} of wall time
 * unless a newer milestone comes.
 */
import type { Span } from '../../protocol/types.ts';

/** Span kinds that tell a node's story (N's node-lifecycle spans), held on the narration line. */
export const MILESTONE_KINDS: ReadonlySet<string> = new Set([
  'nodeFail',
  'nodeRecover',
  'nodeMonitorUnknown',
  'nodeTaintAdd',
  'nodeTaintRemove',
  'taintEvictionDelete',
  'kubeletNodeReady',
  'podGCOrphaned',
]);

export const HOLD_MS = 1800;

/**
 * A span is a milestone when its kind is one. (Not every controller write to a Node: the REST
 * request span that follows a step says only "asked the API server to replace node X".)
 */
export function isMilestone(span: Span): boolean {
  return MILESTONE_KINDS.has(span.kind);
}

export interface StoryState {
  held?: Span;
  heldAt: number;
  /** Id of the newest span already looked at. */
  seen: number;
}

/**
 * The span to show, given the released spans (oldest first), the newest one, whether the pacer is
 * busy and the wall time; updates `st` in place.
 */
export function storySpan(st: StoryState, spans: readonly Span[], latest: Span | undefined, busy: boolean, wall: number): Span | undefined {
  // A new cluster (restart, restore) numbers its spans from 1 again.
  if (spans.length && spans[spans.length - 1]!.id < st.seen) {
    st.seen = 0;
    st.held = undefined;
  }
  // The newest milestone released since the last look.
  let milestone: Span | undefined;
  for (let i = spans.length - 1; i >= 0; i--) {
    const sp = spans[i]!;
    if (sp.id <= st.seen) break;
    if (isMilestone(sp)) {
      milestone = sp;
      break;
    }
  }
  if (spans.length) st.seen = Math.max(st.seen, spans[spans.length - 1]!.id);
  if (milestone) {
    st.held = milestone;
    st.heldAt = wall;
  }
  if (!busy || !st.held || latest === undefined) return milestone && busy ? milestone : latest;
  if (latest.id === st.held.id || wall - st.heldAt < HOLD_MS) return st.held;
  st.held = undefined;
  return latest;
}
