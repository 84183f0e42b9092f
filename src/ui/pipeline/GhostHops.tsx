/**
 * Hops between two stages that no edge joins (rare: e.g. traffic straight to a Service) still
 * travel: a straight line from centre to centre, drawn only while the hop is in flight.
 */
import { memo } from 'react';
import { ViewportPortal } from '@xyflow/react';
import { useReducedMotion } from 'framer-motion';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store/index.ts';
import type { Span } from '../../protocol/types.ts';
import { isStage, routeOf, type StageBox } from './layout.ts';
import { HopToken } from './HopToken.tsx';
import { trafficTone, visibleHopMs } from './hopDisplay.ts';

const MAX_GHOSTS = 8;

function GhostHopsImpl({ boxes }: { boxes: readonly StageBox[] }) {
  const reduce = useReducedMotion() ?? false;
  const hopMs = useStore((s) => visibleHopMs(s.hopMs, s.busy));
  const spans = useStore(
    useShallow((s) =>
      s.activeSpans
        .filter((sp: Span) => sp.from !== sp.to && isStage(sp.from) && isStage(sp.to) && !routeOf(sp.from, sp.to))
        .slice(-MAX_GHOSTS),
    ),
  );
  if (spans.length === 0) return null;
  const centre = (id: string) => {
    const b = boxes.find((x) => x.id === id)!;
    return [b.x + b.width / 2, b.y + b.height / 2] as const;
  };
  /**
   * A request dot between two stages of the same row (client → service, past the ingress box)
   * arcs over the box between them, into the gap above the row, instead of crossing it.
   */
  const path = (s: Span) => {
    const [x1, y1] = centre(s.from);
    const [x2, y2] = centre(s.to);
    if (!trafficTone(s) || y1 !== y2) return `M ${x1} ${y1} L ${x2} ${y2}`;
    // From top edge to top edge (the dot never sits on a stage's name), peaking half a box above.
    const h = boxes.find((x) => x.id === s.from)!.height;
    const top = y1 - h / 2;
    return `M ${x1} ${top} Q ${(x1 + x2) / 2} ${top - h} ${x2} ${top}`;
  };
  const lines = spans.filter((s) => !trafficTone(s));
  return (
    <ViewportPortal>
      <svg className="ghost-hops" aria-hidden="true">
        {lines.map((s) => {
          const [x1, y1] = centre(s.from);
          const [x2, y2] = centre(s.to);
          return <line key={s.id} x1={x1} y1={y1} x2={x2} y2={y2} className="ghost-line" />;
        })}
      </svg>
      {spans.map((s) => {
        const tone = trafficTone(s);
        return (
          <HopToken
            key={s.id}
            path={path(s)}
            verb={s.verb}
            durationMs={hopMs}
            tone={tone ?? 'request'}
            showLabel={!tone}
            reduce={reduce}
          />
        );
      })}
    </ViewportPortal>
  );
}

/** Tokens for hops without an edge. */
export const GhostHops = memo(GhostHopsImpl);
