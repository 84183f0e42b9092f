#!/usr/bin/env node
// Proves the architecture rules in eslint.config.js bite (run by `npm run lint`). It lints small
// snippets as if they lived in each layer, through ESLint's API:
//  - for every pair of layers, a value import and a type import of a real file of the other
//    layer, expecting an error exactly when DESIGN.md's layer graph forbids the edge;
//  - in the headless layers (engine, kubectl, script), each forbidden global, clock, random
//    source and UI library, plus a few allowed look-alikes that must pass.
import { ESLint } from 'eslint';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALLOWED, LAYERS } from '../eslint.config.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const eslint = new ESLint({ cwd: root });
const LAYER_RULES = new Set(['import-x/no-restricted-paths', '@typescript-eslint/no-restricted-imports']);

function firstSource(dir) {
  let entries;
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return undefined;
  }
  for (const e of entries) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) continue;
    if (/\.(ts|tsx)$/.test(e) && !/\.(test|spec)\.tsx?$/.test(e) && !e.endsWith('.d.ts')) return p;
  }
  for (const e of entries) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) {
      const f = firstSource(p);
      if (f) return f;
    }
  }
  return undefined;
}

async function messages(code, filePath) {
  const [res] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return res.messages;
}

let failures = 0;
let checks = 0;
const skipped = [];
function expect(ok, what, got) {
  checks++;
  if (!ok) {
    failures++;
    console.error(`FAIL ${what}${got ? `\n     got: ${got}` : ''}`);
  }
}

// 1. The layer graph.
const targets = Object.fromEntries(LAYERS.map((l) => [l, firstSource(join(root, 'src', l))]));
for (const from of LAYERS) {
  const file = `src/${from}/__lint_selftest__.${from === 'ui' ? 'tsx' : 'ts'}`;
  for (const to of LAYERS) {
    if (to === from) continue;
    const target = targets[to];
    if (!target) {
      skipped.push(to);
      continue;
    }
    let spec = posix.normalize(relative(join(root, 'src', from), target).split('\\').join('/'));
    if (!spec.startsWith('.')) spec = `./${spec}`;
    const valueOk = to === 'schema' || ALLOWED[from].value.includes(to);
    const typeOk = valueOk || ALLOWED[from].typeOnly.includes(to);
    for (const [kind, code, ok] of [
      ['value', `import * as m from '${spec}';\nexport const y = m;\n`, valueOk],
      ['type', `import type * as m from '${spec}';\nexport type Y = typeof m;\n`, typeOk],
    ]) {
      const hits = (await messages(code, file)).filter((m) => LAYER_RULES.has(m.ruleId ?? ''));
      expect(
        ok ? hits.length === 0 : hits.length > 0,
        `${from} → ${to} (${kind} import of ${spec}) should be ${ok ? 'allowed' : 'an error'}`,
        hits.map((m) => m.message).join('; '),
      );
    }
  }
}

// 2. Purity of the headless layers.
const forbidden = [
  'export const w = window.innerWidth;',
  'export const t = document.title;',
  "export const s = localStorage.getItem('k');",
  'setTimeout(() => {}, 10);',
  'setInterval(() => {}, 10);',
  'requestAnimationFrame(() => {});',
  'export const n = Date.now();',
  'export const d = new Date();',
  'export const p = performance.now();',
  'export const r = Math.random();',
  'globalThis.setTimeout(() => {}, 1);',
  "import { useState } from 'react';\nexport const u = useState;",
  "import { createRoot } from 'react-dom/client';\nexport const c = createRoot;",
  "import { create } from 'zustand';\nexport const c = create;",
  "import { ReactFlow } from '@xyflow/react';\nexport const c = ReactFlow;",
  "import * as monaco from 'monaco-editor';\nexport const c = monaco;",
  "import { motion } from 'framer-motion';\nexport const c = motion;",
];
const allowed = [
  'export const d = new Date(5000).toISOString();',
  'export const m = Math.max(1, 2);',
  'export const f = (clock: { now(): number }) => clock.now();',
];
for (const layer of ['engine', 'kubectl', 'script']) {
  const file = `src/${layer}/__lint_selftest__.ts`;
  for (const code of forbidden) {
    const errs = (await messages(code + '\n', file)).filter((m) => m.severity === 2);
    expect(errs.length > 0, `${layer}: \`${code.split('\n')[0]}\` should be an error`);
  }
  for (const code of allowed) {
    const errs = (await messages(code + '\n', file)).filter((m) => m.severity === 2);
    expect(errs.length === 0, `${layer}: \`${code}\` should pass`, errs.map((m) => `${m.ruleId}: ${m.message}`).join('; '));
  }
}
// The same code is fine in the UI (the rules are scoped to the headless layers).
{
  const errs = (await messages('export const n = Date.now() + Math.random();\n', 'src/ui/__lint_selftest__.tsx')).filter(
    (m) => m.severity === 2,
  );
  expect(errs.length === 0, 'ui: Date.now() and Math.random() are allowed', errs.map((m) => m.message).join('; '));
}

const skip = [...new Set(skipped)];
console.log(
  `lint self-test: ${checks - failures}/${checks} checks passed` +
    (skip.length ? ` (no source files yet in src/{${skip.join(',')}}; their edges were not checked)` : ''),
);
process.exit(failures ? 1 : 0);
