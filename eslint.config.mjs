// @ts-check
import { existsSync, readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Boundaries (docs/architecture.md, "Layers"; test/architecture/layers.test.ts holds the libraries'
// layers to the picture there).
const workspaces = (dir) => readdirSync(dir).filter((name) => existsSync(`${dir}/${name}/package.json`));
const services = workspaces('services');
/** A package's files are its own: others import what it exports (`@truyvet/grpc/<api>` for the protos' types). */
const packageEntriesOnly = {
  regex: '^@truyvet/(?!grpc/(audit|cases|lab|reports|samples|testing)$)[^/]+/.+',
  message:
    'import what a package exports (@truyvet/<name>, or @truyvet/grpc/<api> for gRPC types), not its files',
};
/** A service reaches another only over Kafka and gRPC. */
const otherServices = (service) => ({
  group: services.filter((other) => other !== service).map((other) => `@truyvet/${other}`),
  message:
    'a service does not import another service: talk over the bus or gRPC, or move shared code to a library',
});
const restricted = (...patterns) => ['error', { patterns }];
const domainPurity = [
  {
    group: ['kafkajs', 'mongodb', '@grpc/*', 'pino', '@truyvet/bus', '@truyvet/store', '@truyvet/grpc'],
    message: 'domain code is pure: adapters live in src/adapters',
  },
  {
    group: ['**/adapters/**', '**/app/**'],
    message: 'domain code must not import adapters or use cases',
  },
  { group: ['node:*', 'fs', 'net', 'http', 'child_process'], message: 'domain code does no I/O' },
];

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
  { rules: { 'no-restricted-imports': restricted(packageEntriesOnly) } },
  ...services.map((service) => ({
    files: [`services/${service}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': restricted(packageEntriesOnly, otherServices(service)) },
  })),
  // The domain core stays pure: no drivers, transports or adapters.
  ...services.map((service) => ({
    files: [`services/${service}/src/domain/**/*.ts`],
    rules: {
      'no-restricted-imports': restricted(packageEntriesOnly, otherServices(service), ...domainPurity),
    },
  })),
  {
    files: ['libs/rules/src/**/*.ts'],
    rules: { 'no-restricted-imports': restricted(packageEntriesOnly, ...domainPurity) },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
