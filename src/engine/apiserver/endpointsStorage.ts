/**
 * Endpoints (core/v1) and EndpointSlice (discovery.k8s.io/v1) storage: defaults and validation
 * (pkg/apis/core/validation ValidateEndpoints, pkg/apis/discovery/validation). Filled in by the
 * endpoints work.
 */
import type { KindHooks } from './kindHooks.ts';

export const endpointsHooks: KindHooks = {};
export const endpointSliceHooks: KindHooks = {};
