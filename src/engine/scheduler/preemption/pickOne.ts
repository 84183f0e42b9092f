/**
 * Choosing the node to preempt on among the candidates. Mirrors
 * pkg/scheduler/framework/preemption/preemption.go (pickOneNodeForPreemption) and
 * pkg/scheduler/util/utils.go (GetEarliestPodStartTime).
 */
import { podPriority, podStartTime, type Victims } from './victims.ts';

/** GetEarliestPodStartTime: the earliest start among the highest-priority victims. */
export function earliestPodStartTime(v: Victims, nowMs: number): number | undefined {
  if (v.pods.length === 0) return undefined;
  let earliest = podStartTime(v.pods[0]!, nowMs);
  let maxPriority = podPriority(v.pods[0]!);
  for (const p of v.pods) {
    const pr = podPriority(p);
    if (pr === maxPriority) {
      const t = podStartTime(p, nowMs);
      if (t < earliest) earliest = t;
    } else if (pr > maxPriority) {
      maxPriority = pr;
      earliest = podStartTime(p, nowMs);
    }
  }
  return earliest;
}

const MAX_INT32_PLUS_1 = 2147483648;

/**
 * pickOneNodeForPreemption: each criterion keeps the best-scoring nodes; the next one breaks
 * ties. Fewest PDB violations, then the lowest highest-priority victim, the smallest sum of
 * priorities, the fewest victims, the latest start of the highest-priority victims; then the
 * first node (upstream iterates a Go map here, so its "first" is arbitrary; ours is candidate
 * order). `candidates` is in dry-run order: non-violating candidates before violating ones.
 */
export function pickOneNodeForPreemption(candidates: ReadonlyMap<string, Victims>, nowMs: number): string {
  if (candidates.size === 0) return '';
  let all = [...candidates.keys()];
  const v = (n: string) => candidates.get(n)!;
  const scoreFuncs: ((node: string) => number)[] = [
    (n) => -v(n).numPDBViolations,
    (n) => -podPriority(v(n).pods[0]!),
    (n) => {
      // Shifting every priority to be >= 0 keeps a few negative-priority pods from beating
      // fewer pods of the same negative priority.
      let sum = 0;
      for (const p of v(n).pods) sum += podPriority(p) + MAX_INT32_PLUS_1;
      return -sum;
    },
    (n) => -v(n).pods.length,
    (n) => earliestPodStartTime(v(n), nowMs) ?? Number.MIN_SAFE_INTEGER,
  ];
  for (const f of scoreFuncs) {
    let selected: string[] = [];
    let max = -Infinity;
    for (const node of all) {
      const s = f(node);
      if (s > max) {
        max = s;
        selected = [];
      }
      if (s === max) selected.push(node);
    }
    if (selected.length === 1) return selected[0]!;
    all = selected;
  }
  return all[0]!;
}
