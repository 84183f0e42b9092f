/**
 * FailedScheduling messages. Mirrors pkg/scheduler/framework/types.go (FitError.Error) and the
 * part of plugins/defaultpreemption + framework/preemption/preemption.go that produces the
 * `preemption: …` PostFilter message when no preemption is possible.
 */
import type { FilterStatus } from './framework.ts';

export const ErrNoNodesAvailable = 'no nodes available to schedule pods';
export const ErrPreemptionNotHelpful = 'Preemption is not helpful for scheduling';
export const ErrNoPreemptionVictims = 'No preemption victims found for incoming pod';

/** A node's filter verdict, as the Diagnosis' NodeToStatus map holds it. */
export interface NodeStatus {
  node: string;
  status: FilterStatus;
}

/** `"<count> <reason>"` entries sorted as strings (sort.Strings), joined by ", ". */
export function reasonsHistogram(statuses: Iterable<{ status: { reasons: readonly string[] } }>): string {
  const counts = new Map<string, number>();
  for (const s of statuses) for (const r of s.status.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const entries: string[] = [];
  for (const [r, n] of counts) entries.push(`${n} ${r}`);
  entries.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.join(', ');
}

/**
 * FitError.Error(): `0/N nodes are available: <PreFilterMsg or histogram>. <postFilterMsg>` —
 * a PreFilter rejection replaces the per-node histogram.
 */
export function fitErrorMessage(numAllNodes: number, statuses: readonly NodeStatus[], postFilterMsg = '', preFilterMsg = ''): string {
  let msg = `0/${numAllNodes} nodes are available:`;
  const hist = preFilterMsg !== '' ? preFilterMsg : reasonsHistogram(statuses);
  if (hist !== '') msg += ` ${hist}.`;
  if (postFilterMsg !== '') msg += ` ${postFilterMsg}`;
  return msg;
}
