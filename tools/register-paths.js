// Maps the @dsaas/* aliases onto the compiled output in dist/ at run time (node -r ./tools/register-paths.js).
const path = require('path');
const tsconfigPaths = require('tsconfig-paths');
const { compilerOptions } = require('../tsconfig.base.json');

const paths = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  paths[alias] = [target.replace(/\.ts$/, '.js')];
}
tsconfigPaths.register({ baseUrl: path.join(__dirname, '..', 'dist'), paths });
