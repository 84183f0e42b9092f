/**
 * node-lifecycle-controller: watches Node heartbeats (Leases and status), marks nodes Unknown after node-monitor-grace-period, taints them and marks their pods NotReady. Mirrors pkg/controller/nodelifecycle/node_lifecycle_controller.go.
 * CONTRACT STUB: started by cluster.ts; filled in by its owner.
 */
import type { ComponentContext } from '../../component.ts';

export function startNodeLifecycleController(ctx: ComponentContext): void {
  void ctx;
}
