// Native ESM: middy, jose and zod are ESM-first, and the Lambda bundles are ESM too.
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    // esbuild strips types file by file, as ts-jest's transpile mode did, several times faster.
    '^.+\\.ts$': '<rootDir>/test/support/esbuild-transform.mjs',
  },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/cdk.out/', '/.local/'],
  maxWorkers: 2,
  // Native ESM keeps every test file's module graph alive in its worker (3 GB by the end of a run, and its
  // garbage collection slowing every file after): a worker above this is replaced after its file.
  workerIdleMemoryLimit: '1GB',
  // The slowest files first (known times in test/support/test-seconds.json), also on a clean clone.
  testSequencer: '<rootDir>/test/support/sequencer.mjs',
  testTimeout: 60_000,
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
};
