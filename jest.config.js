// Three levels, one command: `npm test` runs them all.
//   unit         *.test.ts next to the code, no I/O beyond the process
//   integration  *.int.test.ts, against a real Kafka broker and a MongoDB-wire server
//   e2e          test/e2e/*.e2e.test.ts, several services together on the real servers
// ts-jest in transpile-only mode (tsconfig has isolatedModules): type errors are the job of
// `npm run build` and the type-aware lint, so tests stay fast on 2 cores.
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.base.json' }] };
const common = {
  transform,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['<rootDir>/test/harness/jest-setup.ts'],
};
const ignored = ['/node_modules/', '/dist/', '/.local/'];

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60_000,
  // A suite that fails half-way can leave a consumer or server open; the run must still end (CI
  // would otherwise wait out its time limit). Leaks show up as jest's "did not exit" warning locally.
  forceExit: true,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{libs,services,test,bench,scripts}/**/*.test.ts'],
      testPathIgnorePatterns: [...ignored, '\\.int\\.test\\.ts$', '\\.e2e\\.test\\.ts$'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{libs,services,test}/**/*.int.test.ts'],
      testPathIgnorePatterns: ignored,
      globalSetup: '<rootDir>/test/harness/global-setup.ts',
      globalTeardown: '<rootDir>/test/harness/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/{e2e,faults}/**/*.e2e.test.ts'],
      testPathIgnorePatterns: ignored,
      globalSetup: '<rootDir>/test/harness/global-setup.ts',
      globalTeardown: '<rootDir>/test/harness/global-teardown.ts',
    },
  ],
};
