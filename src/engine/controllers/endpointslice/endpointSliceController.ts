/**
 * The EndpointSlice controller (pkg/controller/endpointslice, k8s.io/endpointslice reconciler).
 * Filled in by the endpoints work.
 */
import type { ComponentContext } from '../../component.ts';

export function startEndpointSliceController(_ctx: ComponentContext): void {}
