/** Ends each active span's animation `hopMs` after its release (the store's timers live here). */
import { useEffect, useRef } from 'react';
import { useStore } from '../../store/index.ts';

export function useSpanExpiry(): void {
  const active = useStore((s) => s.activeSpans);
  const hopMs = useStore((s) => s.hopMs);
  const expire = useStore((s) => s.expireSpans);
  const scheduled = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  useEffect(() => {
    const timers = scheduled.current;
    const live = new Set(active.map((s) => s.id));
    for (const [id, timer] of timers) {
      if (!live.has(id)) {
        clearTimeout(timer);
        timers.delete(id);
      }
    }
    for (const span of active) {
      if (timers.has(span.id)) continue;
      timers.set(span.id, setTimeout(() => {
        timers.delete(span.id);
        expire(new Set([span.id]));
      }, hopMs));
    }
  }, [active, hopMs, expire]);

  useEffect(() => () => {
    for (const timer of scheduled.current.values()) clearTimeout(timer);
    scheduled.current.clear();
  }, []);
}
