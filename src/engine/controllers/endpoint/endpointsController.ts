/**
 * The legacy Endpoints controller (pkg/controller/endpoint/endpoints_controller.go).
 * Filled in by the endpoints work.
 */
import type { ComponentContext } from '../../component.ts';

export function startEndpointsController(_ctx: ComponentContext): void {}
