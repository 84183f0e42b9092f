/**
 * Ingress admission: DefaultIngressClass (plugin/pkg/admission/network/defaultingressclass) and
 * the ingress-nginx validating webhook (duplicate host and path). Filled in by the Ingress work.
 */
import type { KindHooks } from './kindHooks.ts';

export const ingressHooks: KindHooks = {};
