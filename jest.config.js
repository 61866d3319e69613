/** Three projects so `npm run test:unit` never needs a database and ML tests get their own
 * environment (onnxruntime-node rejects typed arrays created in another VM context). */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: false }];
module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': tsJest },
      testMatch: ['<rootDir>/server/src/**/*.test.ts', '<rootDir>/seed/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/', '\\.ml\\.test\\.ts$'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': tsJest },
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/test/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/test/helpers/global-teardown.ts',
      testTimeout: 60000,
    },
  ],
};
