import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import leerkompas from './scripts/lint/import-fences.js';

// The recommended JavaScript and TypeScript rules, and the import rules of the layout
// (docs/architecture.md, "Import rules") as a rule of our own.
export default defineConfig(
  { ignores: ['node_modules/**', 'dist/**', 'web/dist/**', 'data/**', 'src/db/migrations/**', 'bench/results/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { leerkompas },
    rules: {
      'leerkompas/import-fences': 'error',
      // A leading underscore marks what is left out on purpose (`const { id: _id, ...rest } = row`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Tests build malformed input on purpose, and loosely typed fixtures for it.
    files: ['test/**', '**/*.test.{ts,tsx}', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
