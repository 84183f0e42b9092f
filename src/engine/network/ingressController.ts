/**
 * The ingress controller of the default cluster (ingress-nginx, IngressClass `nginx`): watches
 * Ingresses of its class, publishes its address in their status, and routes requests with the
 * upstream matching rules (ingressRouting.ts). Filled in by the Ingress work.
 */
import type { ComponentContext } from '../component.ts';

/** Where an HTTP request for `host` + `path` goes: an Ingress rule's (or default) backend, or nowhere (nginx's 404). */
export type IngressRoute =
  | { ok: true; ingress: string; namespace: string; service: string; port: number | string; rule: 'rule' | 'defaultBackend' }
  | { ok: false; reason: 'no-rule' };

export interface IngressController {
  /** The address ingress-nginx publishes in each Ingress's status (`status.loadBalancer.ingress[0].ip`). */
  readonly address: string;
  route(host: string, path: string): IngressRoute;
}

export function startIngressController(_ctx: ComponentContext): IngressController {
  return { address: '', route: () => ({ ok: false, reason: 'no-rule' }) };
}
