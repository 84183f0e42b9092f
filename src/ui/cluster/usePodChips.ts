/** One store subscription per pod list (a node card or the unscheduled lane), not four per chip. */
import { useRef } from 'react';
import { useStore, type StoreState } from '../../store/index.ts';
import { podChipModels, type PodChipModel } from './podChipModel.ts';

const NO_PODS: string[] = [];

/**
 * `selector` made stable: the previous array while every element is the same (===). zustand's
 * useShallow does this for arrays by copying both into Maps on every store update, which showed
 * up in profiles at 100 node cards × 60 updates a second.
 */
export function useStableArray<T>(selector: (s: StoreState) => T[]): T[] {
  const prev = useRef<T[] | undefined>(undefined);
  return useStore((s) => {
    const next = selector(s);
    const p = prev.current;
    if (p && p.length === next.length && p.every((x, i) => x === next[i])) return p;
    prev.current = next;
    return next;
  });
}

/**
 * The chip models of the pods listed under `podsByNode[bucket]`; the array is the same while
 * every model in it is (see podChipModel), so the list re-renders only when one of its pods changes.
 */
export function usePodChips(bucket: string | undefined): PodChipModel[] {
  return useStableArray((s) => podChipModels(s, (bucket !== undefined ? s.podsByNode[bucket] : undefined) ?? NO_PODS));
}

/** The selected pod's store key, if a pod is selected. */
export function useSelectedPod(): string | undefined {
  return useStore((s) => (s.selection?.kind === 'pod' ? s.selection.key : undefined));
}
