/**
 * taint-eviction-controller: deletes pods that do not tolerate a node's NoExecute taints, after their tolerationSeconds. Mirrors pkg/controller/tainteviction/taint_eviction.go.
 * CONTRACT STUB: started by cluster.ts; filled in by its owner.
 */
import type { ComponentContext } from '../../component.ts';

export function startTaintEvictionController(ctx: ComponentContext): void {
  void ctx;
}
