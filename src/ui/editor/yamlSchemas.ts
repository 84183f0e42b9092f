/**
 * The Kubernetes JSON schemas (src/schema, data only) in the shape monaco-yaml wants.
 * `enableSchemaRequest` is off, so the schema is inline and nothing is fetched. One schema
 * dispatches per document on `kind`, so a multi-document file validates each document.
 */
import type { JSONSchema, SchemasSettings } from 'monaco-yaml';
import { manifestSchema } from '../../schema/index.ts';

/** Schema settings for the editor's `manifest.yaml` (and any other YAML model). */
export function yamlSchemas(): SchemasSettings[] {
  return [
    {
      uri: 'inmemory://schemas/kubernetes-v1.34.json',
      fileMatch: ['*.yaml', '*.yml'],
      schema: manifestSchema as JSONSchema,
    },
  ];
}
