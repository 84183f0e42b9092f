/**
 * The ingress controller of the default cluster (ingress-nginx, IngressClass `nginx`): watches
 * Ingresses of its class, publishes its address in their status, and routes requests
 * (ingressRouting.ts). Filled in by the Ingress work.
 */
import type { ComponentContext } from '../component.ts';

export function startIngressController(_ctx: ComponentContext): void {}
