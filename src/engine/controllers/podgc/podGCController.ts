/**
 * pod-garbage-collector: deletes orphaned pods (bound to nodes that no longer exist) and terminated pods over the threshold. Mirrors pkg/controller/podgc/gc_controller.go.
 * CONTRACT STUB: started by cluster.ts; filled in by its owner.
 */
import type { ComponentContext } from '../../component.ts';

export function startPodGCController(ctx: ComponentContext): void {
  void ctx;
}
