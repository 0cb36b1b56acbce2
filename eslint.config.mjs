import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'samples/**', 'media/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: 'error',
      curly: ['error', 'multi-line'],
    },
  },
  {
    // The core is pure: it runs in plain Node (unit tests, CLI, workers) and must never reach for the editor API.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/core is pure TypeScript: pass plain data in from the VS Code adapters instead.' }],
          patterns: [{ group: ['../*', '!../core', '!../core/*'], message: 'src/core must not import code outside src/core.' }],
        },
      ],
    },
  },
);
