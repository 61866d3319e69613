/**
 * Stand-alone Jest config for the model tests (server/src/ml/**\/*.ml.test.ts), used by
 * `npm run test:ml` and by `npm run train:smoke`. They need their own project: onnxruntime-node
 * runs in a worker thread and the tests load the real model, so they are slower than unit tests.
 */
const path = require('node:path');

module.exports = {
  rootDir: path.resolve(__dirname, '..', '..'),
  displayName: 'ml',
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: false, diagnostics: { ignoreCodes: [151002] } }],
  },
  testMatch: ['<rootDir>/server/src/ml/**/*.ml.test.ts'],
  testTimeout: 120000,
};
