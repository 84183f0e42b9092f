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
import { visibleHopMs } from './hopDisplay.ts';

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
  return (
    <ViewportPortal>
      <svg className="ghost-hops" aria-hidden="true">
        {spans.map((s) => {
          const [x1, y1] = centre(s.from);
          const [x2, y2] = centre(s.to);
          return <line key={s.id} x1={x1} y1={y1} x2={x2} y2={y2} className="ghost-line" />;
        })}
      </svg>
      {spans.map((s) => {
        const [x1, y1] = centre(s.from);
        const [x2, y2] = centre(s.to);
        return (
          <HopToken
            key={s.id}
            path={`M ${x1} ${y1} L ${x2} ${y2}`}
            verb={s.verb}
            durationMs={hopMs}
            tone="request"
            showLabel
            reduce={reduce}
          />
        );
      })}
    </ViewportPortal>
  );
}

/** Tokens for hops without an edge. */
export const GhostHops = memo(GhostHopsImpl);
