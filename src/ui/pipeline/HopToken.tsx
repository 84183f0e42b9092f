/**
 * A hop in flight: a token that travels the edge's path from `from` to `to` over `hopMs`
 * (CSS motion path, animated by framer-motion), carrying the verb as a small label. With
 * reduced motion it does not travel: it sits at the middle of the edge.
 */
import { memo } from 'react';
import { motion } from 'framer-motion';

export interface HopTokenProps {
  /** SVG path in flow coordinates, already oriented from `from` to `to`. */
  path: string;
  verb: string;
  durationMs: number;
  /** Request towards the API server / runtime, or an event/data flowing back. */
  tone: 'request' | 'event';
  showLabel: boolean;
  reduce: boolean;
}

function HopTokenImpl({ path, verb, durationMs, tone, showLabel, reduce }: HopTokenProps) {
  return (
    <motion.div
      className={`hop-token hop-token-${tone}`}
      style={{ offsetPath: `path('${path}')`, offsetRotate: '0deg', offsetAnchor: '50% 50%' }}
      initial={{ offsetDistance: reduce ? '50%' : '0%', opacity: reduce ? 1 : 0 }}
      animate={{ offsetDistance: reduce ? '50%' : '100%', opacity: 1 }}
      transition={
        reduce
          ? { duration: 0 }
          : { offsetDistance: { duration: durationMs / 1000, ease: 'easeInOut' }, opacity: { duration: 0.12 } }
      }
    >
      {showLabel && <span className="hop-verb">{verb}</span>}
    </motion.div>
  );
}

/** One moving token. */
export const HopToken = memo(HopTokenImpl);
