// Runs a TypeScript entry point in a plain node child process (the contract suite's "kill -9" tests):
// compiles .ts with @swc/core on require and maps the @dsaas/* aliases onto the sources.
const fs = require('fs');
const path = require('path');
const Module = require('module');
const { transformSync } = require('@swc/core');
const { compilerOptions } = require('../../../tsconfig.base.json');
const swcOptions = require('../../../tools/swc-options');

const root = path.resolve(__dirname, '../../..');
const aliases = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) aliases[alias] = path.join(root, target);

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, aliases[request] ?? request, ...rest);
};
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { filename, ...swcOptions });
  module._compile(code, filename);
};
require(path.resolve(process.argv[2]));
