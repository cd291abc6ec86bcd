// Lint rules that keep the architecture honest: only src/extension and
// test/e2e may import `vscode`; src/core stays pure (no fs, child_process,
// network). Model: GitLens' restricted imports.
import tseslint from 'typescript-eslint';

const nodeIo = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process',
  'http', 'node:http', 'https', 'node:https', 'net', 'node:net', 'simple-git', '@octokit/rest'];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', '.vscode-test/**', 'test/github-fake/openapi/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['src/**/*.ts', 'test/unit/**/*.ts', 'test/integration/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    ignores: ['src/extension/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Only src/extension and test/e2e may import vscode.' }] }] },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/core is pure.' },
          ...nodeIo.map((name) => ({ name, message: 'src/core is pure: do I/O in an adapter (src/git, src/github, src/tickets).' }))],
      }],
    },
  },
  {
    files: ['**/*.cjs', '**/*.mjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
