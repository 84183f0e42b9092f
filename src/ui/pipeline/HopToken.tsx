/**
 * A hop in flight: a token that travels the edge's path from `from` to `to` over `hopMs`,
 * carrying the verb as a small label. The travel is a CSS animation of `offset-distance` along
 * the path (`pipeline.css`, `hop-travel`): the browser runs it with no JS per frame, where a
 * framer-motion animation per token cost a JS animation loop per token on every frame.
 * With reduced motion it does not travel: it sits at the middle of the edge.
 */
import { memo, type CSSProperties } from 'react';

export interface HopTokenProps {
  /** SVG path in flow coordinates, already oriented from `from` to `to`. */
  path: string;
  verb: string;
  durationMs: number;
  /**
   * Request towards the API server / runtime, or an event/data flowing back; `traffic` and
   * `failed` are a client request's hops: small dots (green, red when it failed), no label.
   */
  tone: 'request' | 'event' | 'traffic' | 'failed';
  showLabel: boolean;
  reduce: boolean;
}

function HopTokenImpl({ path, verb, durationMs, tone, showLabel, reduce }: HopTokenProps) {
  const style = { offsetPath: `path('${path}')`, '--hop-ms': `${Math.round(durationMs)}ms` } as CSSProperties;
  return (
    <div className={`hop-token hop-token-${tone}${tone === 'traffic' || tone === 'failed' ? ' hop-dot' : ''}${reduce ? ' is-still' : ''}`} style={style}>
      {showLabel && tone !== 'traffic' && tone !== 'failed' && <span className="hop-verb">{verb}</span>}
    </div>
  );
}

/** One moving token. */
export const HopToken = memo(HopTokenImpl);
