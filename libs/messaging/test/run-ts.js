// The contract suite's "kill -9" tests run their TypeScript consumers through the shared runner.
require('../../../tools/run-ts.js');
