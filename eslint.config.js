import tseslint from 'typescript-eslint';
import leerkompas from './scripts/lint/import-fences.js';

// Lint checks what the type checker cannot: the import rules of the layout (docs/architecture.md).
export default [
  { ignores: ['node_modules/**', 'dist/**', 'web/dist/**', 'data/**', 'src/db/migrations/**', 'bench/results/**'] },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { leerkompas },
    rules: { 'leerkompas/import-fences': 'error' },
  },
];
