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
  testTimeout: 30000,
  // End-to-end suites share one DynamoDB Local and terraform's CPU: two cores, so run files one by one.
  maxWorkers: 1,
  reporters: ['default', '<rootDir>/test/support/summary-line-reporter.cjs'],
};
