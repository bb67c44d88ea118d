// One jest project per app and lib (tools/projects.json lists them), run together by `npm test`.
module.exports = {
  projects: require('./tools/projects.json').map((dir) => `<rootDir>/${dir}`),
  globalSetup: '<rootDir>/libs/testing/src/global-setup.js',
  testTimeout: 60000,
  maxWorkers: process.env.JEST_MAX_WORKERS || '50%',
};
