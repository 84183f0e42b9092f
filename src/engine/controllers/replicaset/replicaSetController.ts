/**
 * The ReplicaSet controller (k/k pkg/controller/replicaset/replica_set.go). STUB: owned by the
 * ReplicaSet helper, which replaces this file.
 */
import type { ComponentContext } from '../../component.ts';

/** Starts the controller inside kube-controller-manager (`ctx.stage` is `controller-manager`). */
export function startReplicaSetController(_ctx: ComponentContext): void {}
