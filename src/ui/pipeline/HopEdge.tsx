/**
 * A pipeline edge: requests solid, watches dashed and labelled "watch", data flows (image
 * push/pull, traffic) dotted. Active hops on it are drawn as tokens travelling its path, in
 * either direction (a write goes up the same line its watch events come down).
 */
import { memo, useMemo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import { useReducedMotion } from 'framer-motion';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index.ts';
import type { HopEdgeSpec } from './layout.ts';
import { routeOf } from './layout.ts';
import { useEdgeSpans } from './useHops.ts';
import { HopToken } from './HopToken.tsx';
import { trafficTone, visibleHopMs } from './hopDisplay.ts';

export type HopEdgeData = { spec: HopEdgeSpec };
export type HopEdgeType = Edge<HopEdgeData, 'hop'>;

/** Hops travelling away from the API server (watch events, responses) read as events. */
const EVENT_SOURCES = new Set(['apiserver', 'registry', 'etcd']);

function HopEdgeImpl(props: EdgeProps<HopEdgeType>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, markerStart, data } = props;
  const { t } = useTranslation('pipeline');
  const reduce = useReducedMotion() ?? false;
  const hopMs = useStore((s) => visibleHopMs(s.hopMs, s.busy));
  const spans = useEdgeSpans(id);
  const spec = data!.spec;
  const label = useMemo(() => t(`edge.${spec.label}`), [t, spec.label]);

  const [forward, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  const hasReverse = spans.some((s) => routeOf(s.from, s.to)?.reverse);
  const [backward] = hasReverse
    ? getBezierPath({
        sourceX: targetX,
        sourceY: targetY,
        sourcePosition: targetPosition,
        targetX: sourceX,
        targetY: sourceY,
        targetPosition: sourcePosition,
      })
    : [forward];
  const busy = spans.length > 0;
  // The verb label goes on the newest object token; request dots carry none.
  let labelled = -1;
  for (let i = spans.length - 1; i >= 0 && labelled < 0; i--) if (!trafficTone(spans[i]!)) labelled = i;

  return (
    <>
      <BaseEdge
        id={id}
        path={forward}
        markerEnd={markerEnd}
        markerStart={markerStart}
        className={`hop-edge hop-edge-${spec.kind}${busy ? ' is-active' : ''}`}
      />
      <EdgeLabelRenderer>
        <div
          className={`hop-edge-label hop-edge-label-${spec.kind}${busy ? ' is-active' : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
        >
          {label}
        </div>
        {spans.map((s, i) => {
          const reverse = routeOf(s.from, s.to)?.reverse ?? false;
          return (
            <HopToken
              key={s.id}
              path={reverse ? backward : forward}
              verb={s.verb}
              durationMs={hopMs}
              tone={trafficTone(s) ?? (EVENT_SOURCES.has(s.from) ? 'event' : 'request')}
              showLabel={i === labelled}
              reduce={reduce}
            />
          );
        })}
      </EdgeLabelRenderer>
    </>
  );
}

/** React Flow edge type `hop`. */
export const HopEdge = memo(HopEdgeImpl);
