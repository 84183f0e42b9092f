// ESLint flat config. Besides the usual checks it enforces the architecture of DESIGN.md:
//
//   ui ──▶ store ──▶ bridge ──▶ protocol ◀── worker ──▶ script ──▶ kubectl ──▶ engine
//                                             cli ───────┘
//
// A layer may import anything further right on its line; the engine imports none of the others.
// src/schema is data-only and importable by anyone; src/i18n only by the UI. The protocol may
// import the engine's, kubectl's and the script runner's shapes as types only and re-exports them,
// so the UI sees those shapes only as types and no engine code can reach the main thread. The headless layers (engine, kubectl, script)
// must stay deterministic and DOM-free: no timers, clocks, randomness or UI libraries.
//
// `node scripts/lint-selftest.mjs` (part of `npm run lint`) checks that these rules bite.
import { defineConfig } from 'eslint/config';
import { builtinRules } from 'eslint/use-at-your-own-risk';
import tseslint from 'typescript-eslint';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Folder of each layer under src/. `ui` also covers src/main.tsx. */
export const LAYERS = ['ui', 'store', 'bridge', 'protocol', 'worker', 'cli', 'script', 'kubectl', 'engine', 'i18n', 'schema'];

/**
 * What each layer may import (besides itself and src/schema). `typeOnly` imports must be
 * `import type`. Every other src layer is forbidden.
 */
export const ALLOWED = {
  ui: { value: ['store', 'bridge', 'protocol', 'i18n'], typeOnly: [] },
  store: { value: ['bridge', 'protocol'], typeOnly: [] },
  bridge: { value: ['protocol'], typeOnly: [] },
  protocol: { value: [], typeOnly: ['engine', 'kubectl', 'script'] },
  worker: { value: ['protocol', 'script', 'kubectl', 'engine'], typeOnly: [] },
  cli: { value: ['script', 'kubectl', 'engine'], typeOnly: [] },
  script: { value: ['kubectl', 'engine'], typeOnly: [] },
  kubectl: { value: ['engine'], typeOnly: [] },
  engine: { value: [], typeOnly: [] },
  i18n: { value: [], typeOnly: [] },
  schema: { value: [], typeOnly: [] },
};

const layerDir = (l) => (l === 'ui' ? ['./src/ui', './src/main.tsx'] : [`./src/${l}`]);

/** import-x/no-restricted-paths zones: for each layer, every layer it may not import at all. */
const zones = LAYERS.flatMap((target) => {
  const ok = new Set([target, 'schema', ...ALLOWED[target].value, ...ALLOWED[target].typeOnly]);
  return LAYERS.filter((from) => !ok.has(from)).map((from) => ({
    target: layerDir(target),
    from: layerDir(from),
    message: `The ${target} layer may not import from src/${from} (layers: DESIGN.md, docs/ARCHITECTURE.md).`,
  }));
});

/** Value imports of type-only layers, matched on the import string (relative paths). */
const typeOnlyRule = (target) => {
  const layers = ALLOWED[target].typeOnly;
  if (layers.length === 0) return {};
  return {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: layers.map((l) => ({
          regex: `^(\\.\\./)+(src/)?${l}(/|$)`,
          allowTypeImports: true,
          message: `The ${target} layer may use only \`import type\` from src/${l}.`,
        })),
      },
    ],
  };
};

const UI_LIBS = [
  'react',
  'react-dom',
  'react-dom/*',
  'react/*',
  'zustand',
  'zustand/*',
  '@xyflow/react',
  'monaco-editor',
  'monaco-editor/*',
  '@monaco-editor/react',
  'monaco-yaml',
  'framer-motion',
  'i18next',
  'react-i18next',
];

const HEADLESS_MSG = 'The engine, kubectl and the script runner are pure and deterministic (DESIGN.md, Principle 3)';

/** DOM, timers, wall clocks and Math.random are out of bounds in the headless layers. */
const headlessRules = {
  'no-restricted-globals': [
    'error',
    ...['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'indexedDB'].map((name) => ({
      name,
      message: `${HEADLESS_MSG}: no DOM.`,
    })),
    ...['setTimeout', 'setInterval', 'setImmediate', 'requestAnimationFrame', 'requestIdleCallback', 'queueMicrotask'].map(
      (name) => ({ name, message: `${HEADLESS_MSG}: schedule work on the virtual clock (ctx.clock.after).` }),
    ),
    { name: 'performance', message: `${HEADLESS_MSG}: time comes from the virtual clock.` },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "MemberExpression[object.name='Date'][property.name='now']",
      message: `${HEADLESS_MSG}: Date.now() reads the wall clock; use the virtual clock.`,
    },
    {
      selector: "NewExpression[callee.name='Date'][arguments.length=0]",
      message: `${HEADLESS_MSG}: new Date() reads the wall clock; format a virtual time with new Date(ms).`,
    },
    {
      selector: "MemberExpression[object.name='Math'][property.name='random']",
      message: `${HEADLESS_MSG}: use the seeded Rng (ctx.rand).`,
    },
    {
      selector:
        "MemberExpression[object.name=/^(globalThis|self|window)$/][property.name=/^(setTimeout|setInterval|requestAnimationFrame|performance|document|localStorage)$/]",
      message: `${HEADLESS_MSG}: no DOM, timers or wall clocks.`,
    },
  ],
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: UI_LIBS, message: `${HEADLESS_MSG}: no UI libraries.` },
      ],
    },
  ],
};

// eslint:recommended without @eslint/js (not a dependency): every core rule marked recommended.
const jsRecommended = {
  rules: Object.fromEntries(
    [...builtinRules].filter(([, rule]) => rule.meta?.docs?.recommended && !rule.meta.deprecated).map(([name]) => [name, 'error']),
  ),
};

export default defineConfig(
  {
    ignores: ['dist/**', 'dist-*/**', 'node_modules/**', '.chromium/**', 'test-results/**', 'playwright-report/**', 'shots/**', 'coverage/**'],
  },
  jsRecommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Shims around third-party APIs (Monaco, workers) legitimately need `any`; tsc strict covers the rest.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      'import-x/no-restricted-paths': ['error', { zones }],
      'import-x/no-cycle': 'off',
    },
  },
  // Browser code.
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts', 'src/store/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  // Type-only layer edges.
  ...LAYERS.filter((l) => ALLOWED[l].typeOnly.length > 0).map((l) => ({
    files: l === 'ui' ? ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'] : [`src/${l}/**/*.{ts,tsx}`],
    rules: typeOnlyRule(l),
  })),
  // Headless layers: pure, deterministic, DOM-free.
  {
    files: ['src/engine/**/*.ts', 'src/kubectl/**/*.ts', 'src/script/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: headlessRules,
  },
  {
    files: ['src/engine/**/*.ts', 'src/kubectl/**/*.ts', 'src/script/**/*.ts'],
    ignores: ['**/*.test.ts', '**/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: UI_LIBS, message: `${HEADLESS_MSG}: no UI libraries.` },
            { regex: '^node:', message: `${HEADLESS_MSG}: it runs in a Web Worker; no Node built-ins (the host passes files in).` },
          ],
        },
      ],
    },
  },
  // Node code: CLI, scripts, configs, e2e specs.
  {
    files: ['src/cli/**/*.ts', 'scripts/**/*.{js,mjs,ts}', 'e2e/**/*.ts', '*.config.{js,ts}', '.ci/**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['e2e/**/*.ts', 'scripts/bench-*.mjs'],
    // page.evaluate callbacks run in the browser.
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
