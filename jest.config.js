/** Projects, so `npm run test:unit` never needs a database. ML tests have their own config
 * (test/ml/jest.config.js): onnxruntime-node rejects typed arrays created in another VM context. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: [151002] } }];
module.exports = {
  // Real Neo4j and real xtb: generous, because these machines are noisy; never used as a speed check.
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': tsJest },
      // Every pure test: server, seed, and the site's helpers (web/lib imports only relative modules and types,
      // so the root tsconfig compiles it; no database, browser or network).
      testMatch: ['<rootDir>/server/src/**/*.test.ts', '<rootDir>/seed/**/*.test.ts', '<rootDir>/test/unit/**/*.test.ts', '<rootDir>/web/lib/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/', '\\.ml\\.test\\.ts$'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': tsJest },
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/test/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/test/helpers/global-teardown.ts',
    },
    {
      // Real browser against the real stack (built API + embedded Neo4j + `next start`), started once in global setup.
      displayName: 'e2e',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': tsJest },
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/test/e2e/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/test/e2e/helpers/global-teardown.ts',
    },
  ],
};
