import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      // monaco-editor >= 0.56 has an "exports" map that breaks the deep import monaco-yaml's
      // worker manager uses; point it at the file directly (toolchain-notes P6).
      { find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: r('./node_modules/monaco-editor/esm/vs/$1') },
    ],
  },
  // Deps used only inside workers are invisible to the dev scanner; without this the first dev
  // load re-optimizes and reloads the page (toolchain-notes P9).
  optimizeDeps: { include: ['yaml', 'monaco-yaml/yaml.worker.js'] },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  preview: { port: 4173, strictPort: true },
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
});
