/**
 * Service REST storage: ClusterIP and NodePort allocation (pkg/registry/core/service/storage,
 * ipallocator, portallocator). Filled in by the Services work.
 */
import type { KindHooks } from './kindHooks.ts';

export const serviceHooks: KindHooks = {};
