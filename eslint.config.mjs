// The plugin lints its own source: typescript-eslint for the code, eslint-plugin-eslint-plugin for the
// rules, eslint-plugin-regexp for every regular expression (they run on user code, so they must be linear).
import js from '@eslint/js';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'examples/**', 'bench/.corpus/**', '.tmp/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  regexp.configs['flat/recommended'],
  {
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'http', 'https', 'node:http', 'node:https', 'net', 'node:net', 'child_process', 'node:child_process'].map((name) => ({
            name,
            message: 'Rule code must not touch the file system, the network or processes.',
          })),
        },
      ],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Rule code must not use the network.' }],
    },
  },
  {
    // The one place that reads files: the project's own modules a linted file imports (stat and read, never write).
    files: ['src/capmonster/modules.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['fs/promises', 'node:fs/promises', 'http', 'https', 'node:http', 'node:https', 'net', 'node:net', 'child_process', 'node:child_process'].map((name) => ({
            name,
            message: 'Rule code must not touch the network or processes.',
          })),
          patterns: [{ group: ['fs', 'node:fs'], importNames: ['writeFileSync', 'writeFile', 'rmSync', 'unlinkSync', 'mkdirSync', 'renameSync', 'appendFileSync'], message: 'The plugin only reads files.' }],
        },
      ],
    },
  },
  {
    files: ['src/rules/**/*.ts'],
    ...eslintPlugin.configs.recommended,
    rules: {
      ...eslintPlugin.configs.recommended.rules,
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Enforce|Require|Disallow)' }],
      'eslint-plugin/require-meta-docs-url': 'off',
      'eslint-plugin/require-meta-schema-description': 'error',
      'eslint-plugin/require-meta-default-options': 'error',
      'eslint-plugin/prefer-message-ids': 'error',
    },
  },
  {
    files: ['tests/**/*.ts'],
    ...eslintPlugin.configs.recommended,
    rules: {
      ...eslintPlugin.configs.recommended.rules,
      'eslint-plugin/consistent-output': 'error',
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', 'bench/**/*.js', 'scripts/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', URL: 'readonly', setTimeout: 'readonly', performance: 'readonly', structuredClone: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
