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
  // The slowest files first (known times in test/support/test-seconds.json), also on a clean clone.
  testSequencer: '<rootDir>/test/support/sequencer.mjs',
  testTimeout: 60_000,
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
};
