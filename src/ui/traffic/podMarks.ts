/**
 * Marks on the pod chips: how the selected ConfigMap/Secret/Service/Ingress links to each pod
 * (store/links.ts) and the pod's traffic hits. One subscription per pod list; the selector
 * returns a string (equal while nothing changed for these pods), so a list re-renders only when
 * one of its own pods' marks changed, and memo keeps the other chips as they are.
 */
import { useMemo } from 'react';
import { useStore, type StoreState } from '../../store/index.ts';
import { linkedPods, type PodLink } from '../../store/links.ts';
import { hitsOf, PodTrafficTracker, type PodHits } from './podTraffic.ts';

export interface PodMark {
  link?: PodLink;
  /** Requests this pod answered (all generators in the table). */
  hits?: number;
  failing?: boolean;
}

const LINK_KINDS = new Set(['configmap', 'secret', 'service', 'ingress']);
const NO_LINKS: Record<string, PodLink> = {};

let linkInputs: { by: unknown; sel: unknown } | undefined;
let linkOut: Record<string, PodLink> = NO_LINKS;

/** linkedPods once per (objects, selection), however many lists ask. */
export function currentLinks(s: Pick<StoreState, 'byResource' | 'selection'>): Record<string, PodLink> {
  if (!s.selection || !LINK_KINDS.has(s.selection.kind)) return NO_LINKS;
  if (linkInputs && linkInputs.by === s.byResource && linkInputs.sel === s.selection) return linkOut;
  linkInputs = { by: s.byResource, sel: s.selection };
  linkOut = linkedPods(s.byResource, s.selection);
  return linkOut;
}

const tracker = new PodTrafficTracker();

/** Hits per backend for the current table (shared by every list). */
export function currentHits(s: Pick<StoreState, 'traffic' | 'playback'>): Record<string, PodHits> {
  return tracker.update(s.traffic, s.playback.now);
}

interface PodRef { key: string; name: string; namespace: string }

/** Marks of `pods` as one string: `key \t link \t hits \t failing` per marked pod. */
export function marksSignature(links: Record<string, PodLink>, hits: Record<string, PodHits>, pods: readonly PodRef[]): string {
  let out = '';
  for (const p of pods) {
    const link = links[p.key];
    const h = hitsOf(hits, p.namespace, p.name);
    if (!link && !h) continue;
    out += `${p.key}\t${link ?? ''}\t${h ? h.requests : ''}\t${h?.failing ? 1 : ''}\n`;
  }
  return out;
}

/** Parse {@link marksSignature} back into a map. */
export function parseMarks(sig: string): Map<string, PodMark> {
  const out = new Map<string, PodMark>();
  for (const line of sig.split('\n')) {
    if (!line) continue;
    const [key, link, hits, failing] = line.split('\t');
    out.set(key!, {
      ...(link ? { link: link as PodLink } : {}),
      ...(hits ? { hits: Number(hits) } : {}),
      ...(failing ? { failing: true } : {}),
    });
  }
  return out;
}

/** The marks of a list's pods, for its chips. */
export function usePodMarks(pods: readonly PodRef[]): Map<string, PodMark> {
  const sig = useStore((s) => {
    const links = currentLinks(s);
    const hits = s.traffic.length ? currentHits(s) : undefined;
    if (links === NO_LINKS && !hits) return '';
    return marksSignature(links, hits ?? {}, pods);
  });
  return useMemo(() => parseMarks(sig), [sig]);
}
