/**
 * The Deployment controller (k/k pkg/controller/deployment/deployment_controller.go). STUB: owned
 * by the Deployment helper, which replaces this file.
 */
import type { ComponentContext } from '../../component.ts';

/** Starts the controller inside kube-controller-manager (`ctx.stage` is `controller-manager`). */
export function startDeploymentController(_ctx: ComponentContext): void {}
