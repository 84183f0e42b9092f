/**
 * disruption-controller: keeps each PodDisruptionBudget's status (currentHealthy, desiredHealthy, disruptionsAllowed, expectedPods, disruptedPods). Mirrors pkg/controller/disruption/disruption.go.
 * CONTRACT STUB: started by cluster.ts; filled in by its owner.
 */
import type { ComponentContext } from '../../component.ts';

export function startDisruptionController(ctx: ComponentContext): void {
  void ctx;
}
