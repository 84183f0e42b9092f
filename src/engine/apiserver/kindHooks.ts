/**
 * Per-kind REST storage and admission steps beyond the generic strategy: the Service registry's
 * IP and port allocation (pkg/registry/core/service/storage: beginCreate/beginUpdate, release on
 * delete), the DefaultIngressClass admission plugin and the ingress-nginx validating webhook.
 * writes.ts and ApiServer.commit call these; each kind's module owns its state.
 */
import type { KubeObject } from '../types.ts';
import type { FieldError } from '../api/field.ts';
import type { ApiServer } from './server.ts';
import { serviceHooks } from './serviceStorage.ts';
import { ingressClassHooks, ingressHooks } from './ingressAdmission.ts';
import { endpointSliceHooks, endpointsHooks } from './endpointsStorage.ts';

export interface KindHooks {
  /** SetDefaults_<Kind> (after decoding, before admission). */
  defaults?(obj: KubeObject): void;
  /** Validate<Kind> / Validate<Kind>Update (`old` set on update; `subresource` for status writes). */
  validate?(obj: KubeObject, old: KubeObject | undefined, subresource?: string): FieldError[];
  /** Mutating admission, before validation (create, and update unless `subresource` is set). */
  admit?(server: ApiServer, obj: KubeObject, old: KubeObject | undefined): void;
  /**
   * After validation, before the write: allocate (Service IPs and node ports) and validating
   * admission. Throws an ApiError to refuse the write. With `dryRun`, checks without keeping.
   */
  beforeCommit?(server: ApiServer, obj: KubeObject, old: KubeObject | undefined, opts: { dryRun: boolean; subresource?: string }): void;
  /** The object left the store (whatever deleted it): release what it held. */
  afterDelete?(server: ApiServer, obj: KubeObject): void;
}

export const KIND_HOOKS: Readonly<Record<string, KindHooks>> = {
  Service: serviceHooks,
  Ingress: ingressHooks,
  IngressClass: ingressClassHooks,
  Endpoints: endpointsHooks,
  EndpointSlice: endpointSliceHooks,
};
