// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/generated/**', 'coverage/**', '.local/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-extraneous-class': 'off',
      // kafkajs and grpc-js hand out closures in payload objects; destructuring them is safe.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // The domain core stays pure: no drivers, transports or adapters.
    files: ['services/*/src/domain/**/*.ts', 'libs/rules/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'kafkajs',
                'mongodb',
                '@grpc/*',
                'pino',
                '@truyvet/bus',
                '@truyvet/store',
                '@truyvet/grpc',
              ],
              message: 'domain code is pure: adapters live in src/adapters',
            },
            {
              group: ['**/adapters/**', '**/app/**'],
              message: 'domain code must not import adapters or use cases',
            },
            { group: ['node:*', 'fs', 'net', 'http', 'child_process'], message: 'domain code does no I/O' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
