// ts-jest in ESM mode; type-checking is done once by `tsc --noEmit` (npm run typecheck), not per test file.
// Coverage (npm run jest passes --coverage) counts what in-process tests run of src/; the runner-level and e2e tests
// run the bundle in child processes, which it does not see. src/index.ts only calls run() and exits, and src/post.ts
// only reads the state and calls cleanUpLeftStudy() (tested in-process) and exits: neither is importable.
// log.ts and smoke-test/report.ts hold only types: nothing of them runs, and v8 would count their lines as unrun.
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    // The workflow parser's schemas, as modules (see __tests__/docs/parser-schemas/).
    '^\\.\\./(workflow|action)-v1\\.0\\.min\\.json$': '<rootDir>/__tests__/docs/parser-schemas/$1-v1.0.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1'
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }]
  },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  testTimeout: 30000,
  maxWorkers: 2,
  // Not in the temp folder: a test run leaves it as it found it.
  cacheDirectory: '<rootDir>/node_modules/.cache/jest',
  coverageProvider: 'v8',
  collectCoverageFrom: [
    'src/**/*.ts',
    '!src/**/*.d.ts',
    '!src/index.ts',
    '!src/post.ts',
    '!src/log.ts',
    '!src/smoke-test/report.ts'
  ],
  coverageReporters: ['text-summary'],
  // Measured with the whole suite: statements and lines 97.8%, branches 89.9%, functions 96.5%; thresholds a little
  // below.
  coverageThreshold: { global: { statements: 96, branches: 88, functions: 94, lines: 96 } }
}
