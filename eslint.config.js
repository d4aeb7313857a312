import js from '@eslint/js';
import solid from 'eslint-plugin-solid/configs/typescript';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'public/decks', 'docs', '.lighthouse', 'bench/.cache'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/ui/**/*.tsx'], ...solid },
  // Solid assigns `ref={el}` variables in compiled JSX, which this rule cannot see.
  { files: ['src/ui/**/*.tsx'], rules: { 'no-unassigned-vars': 'off' } },
  {
    // Layering (house style): only the scheduler imports ts-fsrs; the domain uses no storage or UI.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/domain/scheduler.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'ts-fsrs', message: 'Only src/domain/scheduler.ts imports ts-fsrs.' }] },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/scheduler.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'ts-fsrs', message: 'Only src/domain/scheduler.ts imports ts-fsrs.' }],
          patterns: [
            {
              group: ['**/storage/*', '**/ui/*', '**/state/*', 'idb', 'solid-js*'],
              message: 'The domain is pure.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/storage/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'ts-fsrs', message: 'Only src/domain/scheduler.ts imports ts-fsrs.' }],
          patterns: [
            { group: ['**/ui/*', '**/state/*', 'solid-js*'], message: 'Storage does not depend on the UI.' },
          ],
        },
      ],
    },
  },
);
