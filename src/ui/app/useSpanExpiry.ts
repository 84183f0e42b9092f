/**
 * Ends each active span's animation `hopMs` after its release (the store's timers live here).
 * Spans released together (one store update) share one timer and expire in one store update:
 * busy mode releases dozens per frame, and one update per span re-rendered the diagram dozens of
 * times per hop.
 */
import { useEffect, useRef } from 'react';
import { useStore } from '../../store/index.ts';
import { visibleHopMs } from '../pipeline/hopDisplay.ts';

interface Group {
  ids: Set<number>;
  timer?: ReturnType<typeof setTimeout>;
}

export function useSpanExpiry(): void {
  const active = useStore((s) => s.activeSpans);
  const hopMs = useStore((s) => visibleHopMs(s.hopMs, s.busy));
  const expire = useStore((s) => s.expireSpans);
  // Span id → the group whose timer ends it.
  const scheduled = useRef(new Map<number, Group>());

  useEffect(() => {
    const groups = scheduled.current;
    if (groups.size > 0) {
      const live = new Set<number>();
      for (const s of active) live.add(s.id);
      for (const [id, group] of groups) {
        if (live.has(id)) continue;
        groups.delete(id);
        group.ids.delete(id);
        if (group.ids.size === 0) clearTimeout(group.timer);
      }
    }
    const group: Group = { ids: new Set() };
    for (const span of active) {
      if (groups.has(span.id)) continue;
      group.ids.add(span.id);
      groups.set(span.id, group);
    }
    if (group.ids.size === 0) return;
    group.timer = setTimeout(() => {
      for (const id of group.ids) groups.delete(id);
      expire(group.ids);
    }, hopMs);
  }, [active, hopMs, expire]);

  useEffect(() => () => {
    for (const group of scheduled.current.values()) clearTimeout(group.timer);
    scheduled.current.clear();
  }, []);
}
