/**
 * Ends span animations (see useSpanExpiry). A component that draws nothing, so only it
 * re-renders whenever the active spans change, not the App around it.
 */
import { useSpanExpiry } from './useSpanExpiry.ts';

export function SpanExpiry(): null {
  useSpanExpiry();
  return null;
}
