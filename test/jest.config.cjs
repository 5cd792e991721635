// One Jest run for every tier: unit specs beside the code (*.spec.ts), integration and end-to-end specs
// here (*.integration-spec.ts, *.workflow-spec.ts, *.e2e-spec.ts). The global setup starts an isolated
// PostgreSQL and Temporal on free ports, separate from a running `npm start`, and always stops them.
const path = require('node:path');
const { swcOptions } = require('../tools/swc-options.cjs');

const root = path.resolve(__dirname, '..');

module.exports = {
  rootDir: root,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/{apps,libs,workflows,forms,test}/**/*.{spec,integration-spec,workflow-spec,e2e-spec}.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/', '<rootDir>/.data/', '<rootDir>/tmp/'],
  // Path aliases are rewritten by SWC, as in the build, so they also resolve in the global setup
  // (which Node loads outside Jest's module system).
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcOptions({ rewritePaths: true }), swcrc: false }] },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.cjs'],
  testTimeout: 180000,
  // One test file at a time: several browser + API + worker processes per file overload 2 cores.
  maxWorkers: 1,
  // A test that leaves a handle open must not keep CI waiting forever.
  forceExit: true,
};
