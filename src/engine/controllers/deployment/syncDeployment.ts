/**
 * The body of syncDeployment (k/k pkg/controller/deployment/deployment_controller.go) once the
 * Deployment, its ReplicaSets and pods are in hand: deletion → status only; paused conditions;
 * paused → sync; scaling event → proportional sync; else the strategy's rollout.
 */
import { rolloutRecreate, type PodMap } from './recreate.ts';
import { rolloutRolling } from './rolling.ts';
import { checkPausedConditions, isScalingEvent, sync, syncStatusOnly } from './sync.ts';
import type { DeploymentClient, V1Deployment, V1ReplicaSet } from './types.ts';

/** `d` is a private copy (it is updated as status writes succeed); `rsList` the RSs it controls. */
export function reconcileDeployment(dc: DeploymentClient, d: V1Deployment, rsList: V1ReplicaSet[], podMap: () => PodMap): void {
  if (d.metadata.deletionTimestamp) return syncStatusOnly(dc, d, rsList);
  checkPausedConditions(dc, d);
  if (d.spec?.paused) return sync(dc, d, rsList);
  // (spec.rollbackTo is extensions/v1beta1 only; apps/v1 rollbacks are kubectl's template patch.)
  if (isScalingEvent(dc, d, rsList)) return sync(dc, d, rsList);
  if (d.spec?.strategy?.type === 'Recreate') return rolloutRecreate(dc, d, rsList, podMap());
  rolloutRolling(dc, d, rsList);
}
