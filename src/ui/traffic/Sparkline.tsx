/**
 * Requests per virtual second of one generator as tiny stacked bars: green for answered, red
 * for failed, so a Service losing its endpoints shows as the bars turning red. SVG, no library.
 */
import { memo } from 'react';
import type { TrafficStatus } from '../../protocol/types.ts';

const W = 150;
const H = 24;
/** Seconds drawn (the engine keeps up to 120). */
const SHOWN = 60;

export const Sparkline = memo(function Sparkline({ series, label }: { series: TrafficStatus['series']; label: string }) {
  const pts = series.slice(-SHOWN);
  const max = Math.max(1, ...pts.map((p) => p.requests));
  const bw = W / SHOWN;
  return (
    <svg className="sparkline" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <line x1={0} y1={H - 0.5} x2={W} y2={H - 0.5} className="spark-axis" />
      {pts.map((p, i) => {
        const x = W - (pts.length - i) * bw;
        const ok = ((p.requests - p.failed) / max) * (H - 2);
        const bad = (p.failed / max) * (H - 2);
        return (
          <g key={p.at}>
            {ok > 0 && <rect x={x} y={H - 1 - ok} width={Math.max(1, bw - 0.5)} height={ok} className="spark-ok" />}
            {bad > 0 && <rect x={x} y={H - 1 - ok - bad} width={Math.max(1, bw - 0.5)} height={bad} className="spark-bad" />}
          </g>
        );
      })}
    </svg>
  );
});
