// Shared jest settings: every app and lib's jest.config.js calls this with its own directory.
const path = require('path');
const { compilerOptions } = require('./tsconfig.base.json');
const swcOptions = require('./tools/swc-options');

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  moduleNameMapper[`^${alias}$`] = path.join(__dirname, target);
}

module.exports = (projectDir) => ({
  displayName: require(path.join(projectDir, 'project.json')).name,
  rootDir: projectDir,
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  // ESM-only dependencies are transpiled to CommonJS for jest (Node itself require()s them directly).
  transformIgnorePatterns: ['node_modules/(?!(@marcbachmann/cel-js)/)'],
  transform: {
    '^.+\\.(t|j)s$': ['@swc/jest', { ...swcOptions, sourceMaps: 'inline' }],
  },
});
