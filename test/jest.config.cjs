// One Jest run for every tier: unit specs beside the code (*.spec.ts), integration and end-to-end specs
// here (*.integration-spec.ts, *.workflow-spec.ts, *.e2e-spec.ts), and component tests of the web libs
// (*.test.tsx, in jsdom). The global setup starts an isolated PostgreSQL and Temporal on free ports,
// separate from a running `npm start`, and always stops them; it runs only when a Node test is selected.
const path = require('node:path');
const { swcOptions } = require('../tools/swc-options.cjs');

const root = path.resolve(__dirname, '..');
const ignored = ['/node_modules/', '<rootDir>/dist/', '<rootDir>/.data/', '<rootDir>/tmp/'];

/** SWC as in the build: path aliases rewritten, so they also resolve in the global setup (which Node loads outside Jest's module system). */
const nodeSwc = { ...swcOptions({ rewritePaths: true }), swcrc: false };
/** The same for React components: TSX with the automatic JSX runtime, as Vite compiles them. */
const webSwc = {
  ...nodeSwc,
  jsc: { ...nodeSwc.jsc, parser: { ...nodeSwc.jsc.parser, tsx: true }, transform: { ...nodeSwc.jsc.transform, react: { runtime: 'automatic' } } },
};

/** Dependencies of the web libs published only as ES modules (Jest loads CommonJS). */
const ESM_ONLY = ['@x0k'];

module.exports = {
  rootDir: root,
  projects: [
    {
      displayName: 'node',
      rootDir: root,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/{apps,libs,workflows,forms,test}/**/*.{spec,integration-spec,workflow-spec,e2e-spec}.ts'],
      testPathIgnorePatterns: ignored,
      transform: { '^.+\\.ts$': ['@swc/jest', nodeSwc] },
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      // What a person sees and does in one component, rendered in jsdom with fetch mocked at the HTTP boundary.
      displayName: 'web',
      rootDir: root,
      testEnvironment: '<rootDir>/test/support/web/jsdom-environment.cjs',
      testMatch: ['<rootDir>/libs/web/**/*.test.tsx'],
      testPathIgnorePatterns: ignored,
      transform: {
        '^.+\\.tsx?$': ['@swc/jest', webSwc],
        // Packages that ship only ES modules, compiled to CommonJS like the rest.
        '^.+\\.m?js$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'ecmascript' } }, module: { type: 'commonjs' }, swcrc: false }],
      },
      transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
      moduleNameMapper: { '\\.css$': '<rootDir>/test/support/web/style-stub.cjs' },
      setupFilesAfterEnv: ['<rootDir>/test/support/web/setup.ts'],
    },
  ],
  // Jest reads the timeout from the run, not from a project: long enough for an end-to-end step.
  testTimeout: 180000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.cjs'],
  // One test file at a time: several browser + API + worker processes per file overload 2 cores.
  maxWorkers: 1,
  // A test that leaves a handle open must not keep CI waiting forever.
  forceExit: true,
};
