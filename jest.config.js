'use strict';
// One jest run for the whole monorepo. Sources run through ts-jest (transpile only:
// type-checking is `npm run typecheck`), workspace packages map to their src/ so
// tests never need a build. globalSetup brings up Kafka and the Mongo-wire store.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/packages', '<rootDir>/services', '<rootDir>/gateway', '<rootDir>/schemas', '<rootDir>/test', '<rootDir>/tools'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
  moduleNameMapper: {
    '^@sanshe/domain-kit$': '<rootDir>/packages/domain-kit/src/index.ts',
    '^@sanshe/service-kit$': '<rootDir>/packages/service-kit/src/index.ts',
    '^@sanshe/community-directory$': '<rootDir>/packages/community-directory/src/index.ts',
    '^@sanshe/seed-fixtures$': '<rootDir>/packages/seed-fixtures/src/index.ts',
    '^@sanshe/graph-client$': '<rootDir>/packages/graph-client/src/index.ts',
    '^@sanshe/test-env$': '<rootDir>/test/env/index.ts',
    '^@sanshe/schemas/compose$': '<rootDir>/schemas/compose.js',
    '^@sanshe/gateway/(.*)$': '<rootDir>/gateway/src/$1',
    '^@sanshe/(registry|social-orgs|activities|resident-services|credits)/(.*)$': '<rootDir>/services/$1/src/$2',
  },
  globalSetup: '<rootDir>/test/global-setup.js',
  testTimeout: 90_000,
  maxWorkers: 2,
};
