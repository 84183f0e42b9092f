/**
 * PriorityClass table rows (`kubectl get priorityclass`). Mirrors
 * pkg/printers/internalversion/printers.go: priorityClassColumnDefinitions and printPriorityClass
 * — all five columns print without -o wide; wide adds none.
 */
import { ageSince } from '../duration.ts';

type PriorityClass = {
  metadata?: { name?: string; creationTimestamp?: string };
  value?: number;
  globalDefault?: boolean;
  preemptionPolicy?: string;
};

export const PRIORITYCLASS_COLUMNS = ['NAME', 'VALUE', 'GLOBAL-DEFAULT', 'AGE', 'PREEMPTIONPOLICY'];

/** One row; `wide` changes nothing (no wide-only columns upstream). */
export function priorityClassRow(pc: PriorityClass, nowMs: number, _wide = false): string[] {
  return [
    pc.metadata?.name ?? '',
    String(pc.value ?? 0),
    String(pc.globalDefault ?? false),
    ageSince(pc.metadata?.creationTimestamp, nowMs),
    pc.preemptionPolicy ?? '<none>',
  ];
}
