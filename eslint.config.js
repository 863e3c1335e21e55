import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Layering: ui → state → {db, engine, io} → domain. Each folder may import only downward. */
const restrict = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});
const ui = { group: ['**/ui/**', '../ui/*'], message: 'Only src/ui may import UI code.' };
const state = { group: ['**/state/**', '../state/*'], message: 'Only src/ui may import state.' };
const react = {
  group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*'],
  message: 'React/zustand belong in ui/state.',
};
const dexie = { group: ['dexie', 'dexie/*'], message: 'Only src/db imports dexie.' };
const hf = {
  group: ['hyperformula', 'hyperformula/*'],
  message: 'Only src/engine imports hyperformula.',
};
const grid = {
  group: ['ag-grid-*', 'ag-grid-community/*'],
  message: 'Only src/ui/grid imports AG Grid.',
};
const sheet = { group: ['@e965/xlsx', 'papaparse'], message: 'Only src/io parses files.' };
const db = { group: ['**/db/**', '../db/*'], message: 'Only state imports db.' };
const io = { group: ['**/io/**', '../io/*'], message: 'Only state imports io.' };
const engine = { group: ['**/engine/**', '../engine/*'], message: 'Only state imports engine.' };

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-bench',
      'dev-dist',
      'node_modules',
      'coverage',
      'public',
      'test-results',
      '*.tmp.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/refs': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'No export *.' },
        { selector: 'TSEnumDeclaration', message: 'Use string-literal unions instead of enum.' },
      ],
    },
  },
  {
    files: ['src/domain/**'],
    rules: restrict([ui, state, react, dexie, hf, grid, sheet, db, io, engine]),
  },
  { files: ['src/db/**'], rules: restrict([ui, state, react, hf, grid, sheet, io, engine]) },
  { files: ['src/engine/**'], rules: restrict([ui, state, react, dexie, grid, sheet, db, io]) },
  { files: ['src/io/**'], rules: restrict([ui, state, react, dexie, hf, grid, db, engine]) },
  { files: ['src/state/**'], rules: restrict([ui, grid]) },
  {
    files: ['src/ui/**'],
    ignores: ['src/ui/grid/**'],
    rules: restrict([dexie, hf, grid, sheet, db, io, engine]),
  },
  { files: ['src/ui/grid/**'], rules: restrict([dexie, hf, sheet, db, io, engine]) },
  {
    files: ['tests/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'No focused tests.' },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
