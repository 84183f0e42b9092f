/** Data-only schema layer: JSON Schemas per kind and the kind registry. Importable by any layer. */
export { definitions, schemaFor, podSchema, namespaceSchema, nodeSchema, deploymentSchema, replicaSetSchema } from './definitions.ts';
export { KINDS, findKind, type KindInfo } from './kinds.ts';

import { schemaFor } from './definitions.ts';

/** Kinds with a full schema, for the editor's per-document `if kind … then` dispatch. */
export const SCHEMA_KINDS = ['Pod', 'Namespace', 'Node', 'Deployment', 'ReplicaSet', 'ConfigMap', 'Secret', 'Service', 'Endpoints', 'EndpointSlice', 'Ingress', 'IngressClass'] as const;

/** One schema for a manifest document: dispatches on `kind` to the kind's definition. */
export const manifestSchema: Record<string, unknown> = {
  ...schemaFor('Pod'),
  $ref: undefined,
  type: 'object',
  required: ['apiVersion', 'kind'],
  properties: { apiVersion: { type: 'string' }, kind: { type: 'string' } },
  allOf: SCHEMA_KINDS.map((kind) => ({ if: { properties: { kind: { const: kind } } }, then: { $ref: `#/definitions/${kind}` } })),
};
delete manifestSchema.$ref;
