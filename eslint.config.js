import js from '@eslint/js';
import checkFile from 'eslint-plugin-check-file';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'server/db/migrations/', 'tests/artifacts/', 'bench/reports/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js', 'server/workers/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    plugins: { 'check-file': checkFile },
    rules: {
      'check-file/filename-naming-convention': ['error', { '**/*.{ts,tsx}': 'KEBAB_CASE' }, { ignoreMiddleExtensions: true }],
      'check-file/folder-naming-convention': ['error', { '{client,server,geo,tests,data,bench}/**/': 'KEBAB_CASE' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The worker threads' plain-JavaScript entries: no types to check.
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // routers/_app.ts is tRPC's own convention for the composed router.
    files: ['server/routers/_app.ts'],
    rules: { 'check-file/filename-naming-convention': 'off' },
  },
  {
    // One query layer for SQLite and PostgreSQL (server/db/database.ts): tables come from db.t, queries are awaited.
    files: ['server/**/*.ts', 'bench/**/*.ts'],
    ignores: ['server/db/**', 'server/backup/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[arguments.length=0] > MemberExpression.callee[property.name=/^(get|all|run)$/]',
          message: 'SQLite only: await the query (first() for one row), so it runs on PostgreSQL too.',
        },
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/db/schema.ts', '**/db/schema-pg.ts'], allowTypeImports: true, message: 'Take the tables from db.t: a schema module is one dialect’s.' }] },
      ],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The router is the only contract: the client takes its types from client/wire.ts, derived from AppRouter.
    files: ['client/**/*.{ts,tsx}'],
    ignores: ['client/wire.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**'], message: 'Take the wire types from client/wire.ts (derived from AppRouter) and closed sets from geo/.' }] }],
    },
  },
  {
    // …and wire.ts imports the router's type, nothing else of the server.
    files: ['client/wire.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**', '!**/server/routers/_app.ts'], message: 'Only the router’s type crosses: derive the rest from AppRouter.' },
            { group: ['**/server/routers/_app.ts'], allowTypeImports: true, message: 'Only the router’s type crosses (import type).' },
          ],
        },
      ],
    },
  },
  {
    // geo/ is the pure core: no I/O, no clocks, no randomness, no UI or database.
    files: ['geo/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'http', 'os', 'child_process'], message: 'geo/ is pure: no I/O.' },
            { group: ['maplibre-gl', 'react', 'react-dom', 'drizzle-orm', 'drizzle-orm/*', 'better-sqlite3'], message: 'geo/ is pure: no UI or database.' },
            { group: ['**/server/**', '**/client/**'], message: 'geo/ must not depend on server/ or client/.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'geo/ is pure: no network.' }],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass time in as an argument.' },
        { object: 'Math', property: 'random', message: 'Pass a seeded RNG in as an argument.' },
      ],
    },
  },
);
