// ESM + TypeScript through ts-jest (TypeScript 6: ts-jest 29 does not accept 7).
// Type errors are caught by `npm run lint`; here ts-jest only transpiles, which keeps runs fast.
import { existsSync } from 'node:fs';

// Module and end-to-end tests run `terraform init`: use the machine's offline provider mirror when it has
// one (CI machines do), never require it.
if (!process.env.PLANTON_PLUGIN_DIR && existsSync('/opt/tf-plugins')) process.env.PLANTON_PLUGIN_DIR = '/opt/tf-plugins';

/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }],
  },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // Suites copy files into test/.tmp/ (a packed repository among them): never run those copies.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/\\.tmp/'],
  testTimeout: 30000,
  // Two files at a time (jest's default on two cores would be one). Each end-to-end file has its own
  // DynamoDB Local, scratch directories and ports, and spends part of its time waiting (JVM start-up,
  // held requests, a single-threaded tsc or provider schema build), which the other file fills.
  // PLANTON_TEST_WORKERS=1 runs files one by one (a busy machine, or to time one file).
  maxWorkers: Number(process.env.PLANTON_TEST_WORKERS ?? 2),
  testSequencer: '<rootDir>/test/support/sequencer.cjs',
  reporters: ['default', '<rootDir>/test/support/summary-line-reporter.cjs'],
};
