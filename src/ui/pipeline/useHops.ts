/**
 * Narrow store subscriptions for the diagram: each stage, edge and row asks only for what it
 * draws, as a primitive or a shallow-equal array, so a frame with new spans re-renders just the
 * few parts those spans touch.
 */
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store/index.ts';
import type { Span } from '../../protocol/types.ts';
import { routeOf } from './layout.ts';

/** Tokens drawn at most per edge (the store already caps active spans at ~40 overall). */
export const MAX_TOKENS_PER_EDGE = 6;

const touches = (s: Span, stage: string) => s.from === stage || s.to === stage;

/** True while an active span starts or ends at `stage`. */
export function useStageActive(stage: string): boolean {
  return useStore((s) => s.activeSpans.some((sp) => touches(sp, stage)));
}

/** Node name of the newest active span at `stage` that names one (kubelet and runtime hops). */
export function useStageNode(stage: string): string | undefined {
  return useStore((s) => {
    for (let i = s.activeSpans.length - 1; i >= 0; i--) {
      const sp = s.activeSpans[i]!;
      if (sp.node && touches(sp, stage)) return sp.node;
    }
    return undefined;
  });
}

/**
 * The controller loop running at `stage` right now: the verb of the newest active decision span
 * (from and to the stage itself, e.g. `syncReplicaSet`), so the box says which loop is deciding.
 */
export function useStageLoop(stage: string): string | undefined {
  return useStore((s) => {
    for (let i = s.activeSpans.length - 1; i >= 0; i--) {
      const sp = s.activeSpans[i]!;
      if (sp.from === stage && sp.to === stage) return sp.verb;
    }
    return undefined;
  });
}

/** Names of the nodes whose kubelet or runtime an active span touches, sorted, joined by `\n`. */
export function useActiveNodes(): string {
  return useStore((s) => {
    const names = new Set<string>();
    for (const sp of s.activeSpans) {
      if (sp.node && (touches(sp, 'kubelet') || touches(sp, 'runtime'))) names.add(sp.node);
    }
    return [...names].sort().join('\n');
  });
}

/** The active spans travelling edge `edgeId`, newest last. */
export function useEdgeSpans(edgeId: string): Span[] {
  return useStore(
    useShallow((s) => {
      const out: Span[] = [];
      for (let i = s.activeSpans.length - 1; i >= 0 && out.length < MAX_TOKENS_PER_EDGE; i--) {
        const sp = s.activeSpans[i]!;
        if (routeOf(sp.from, sp.to)?.edgeId === edgeId) out.push(sp);
      }
      return out.reverse();
    }),
  );
}

/** Select the newest released span that touches `stage` (so the inspector shows its payload). */
export function selectLastHop(stage: string): boolean {
  const { spans, select } = useStore.getState();
  for (let i = spans.length - 1; i >= 0; i--) {
    if (touches(spans[i]!, stage)) {
      select({ kind: 'span', key: String(spans[i]!.id) });
      return true;
    }
  }
  return false;
}
