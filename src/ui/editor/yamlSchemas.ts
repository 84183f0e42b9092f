/**
 * The Kubernetes JSON schemas (src/schema, data only) in the shape monaco-yaml wants.
 * `enableSchemaRequest` is off, so every schema must be inline: nothing is fetched.
 */
import type { SchemasSettings } from 'monaco-yaml';

/** Schema settings for the editor's `manifest.yaml` (and any other `*.yaml` model). */
export function yamlSchemas(): SchemasSettings[] {
  return [];
}
