/**
 * Offline Monaco: the local ESM build (never the CDN loader), YAML highlighting, and
 * monaco-yaml with the Kubernetes schemas from src/schema for validation, completion and hover.
 * Imported only by the lazy MonacoEditor chunk, so none of this is in the initial JS.
 * See shared/reference/toolchain-notes.md §5 and §8 (P5, P6, P7) for why each line is here.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import { loader } from '@monaco-editor/react';
import YamlWorker from './yaml.worker.ts?worker';
import { yamlSchemas } from './yamlSchemas.ts';

/** The model path Apply reads; `*.yaml` fileMatch of the schemas applies to it. */
export const MODEL_PATH = 'file:///manifest.yaml';

interface LegacyWorkerOptions {
  worker?: unknown;
  moduleId?: string;
  label?: string;
  createData?: unknown;
  host?: unknown;
  keepIdleModels?: boolean;
}

globalThis.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
};

// monaco >= 0.55 wants createWebWorker({worker}); monaco-yaml 5.5.1 still passes
// {label, moduleId, createData} (remcohaszing/monaco-yaml#272). Without this shim the YAML
// worker silently falls back to the main thread and no schema markers ever appear.
const originalCreateWebWorker = monaco.editor.createWebWorker;
(monaco.editor as unknown as { createWebWorker: (o: LegacyWorkerOptions) => unknown }).createWebWorker = (
  opts: LegacyWorkerOptions,
) => {
  if (opts.worker) return originalCreateWebWorker(opts as Parameters<typeof originalCreateWebWorker>[0]);
  const worker = Promise.resolve(
    globalThis.MonacoEnvironment!.getWorker!(opts.moduleId ?? 'workerMain.js', opts.label ?? ''),
  ).then((w) => {
    w.postMessage('ignore');
    w.postMessage(opts.createData);
    return w;
  });
  return originalCreateWebWorker({
    worker,
    host: opts.host,
    keepIdleModels: opts.keepIdleModels,
  } as unknown as Parameters<typeof originalCreateWebWorker>[0]);
};

configureMonacoYaml(monaco as never, {
  enableSchemaRequest: false,
  hover: true,
  completion: true,
  validate: true,
  schemas: yamlSchemas(),
});

/**
 * vs-dark with line numbers that meet WCAG AA (4.5:1) on the editor background; vs-dark's
 * #858585 and its dimmed final line do not.
 */
export const THEME = 'desired-state-dark';
monaco.editor.defineTheme(THEME, {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: {
    'editorLineNumber.foreground': '#a3acb9',
    'editorLineNumber.activeForeground': '#ffffff',
    'editorLineNumber.dimmedForeground': '#a3acb9',
  },
});

loader.config({ monaco });

export { monaco };
