// Runs a TypeScript entry point in a plain node process (benches, child processes that tests kill):
// compiles .ts with @swc/core on require and maps the @dsaas/* aliases onto the sources.
//   node tools/run-ts.js bench/control-plane.bench.ts [args...]
const fs = require('fs');
const path = require('path');
const Module = require('module');
const { transformSync } = require('@swc/core');
const { compilerOptions } = require('../tsconfig.base.json');
const swcOptions = require('./swc-options');

const root = path.resolve(__dirname, '..');
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
require('reflect-metadata');
require(path.resolve(process.argv[2]));
