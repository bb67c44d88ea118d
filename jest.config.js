// One jest project per app and lib (tools/projects.json lists them), run together by `npm test`.
module.exports = {
  projects: require('./tools/projects.json').map((dir) => `<rootDir>/${dir}`),
  globalSetup: '<rootDir>/libs/testing/src/global-setup.js',
  testTimeout: 60000,
  // At least two workers: the suites mostly wait on HTTP, PostgreSQL and NATS, so two workers halve the run even on
  // a 2-CPU machine (each test file has its own database and streams).
  maxWorkers: process.env.JEST_MAX_WORKERS || Math.max(2, Math.floor(require('os').cpus().length / 2)),
};
