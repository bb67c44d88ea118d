import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// `npm run build` is plain tsc, which copies only the .json files a module imports. This compiles the lib the
// same way (tsconfig.base.json, into a temporary outDir) and uses the compiled code without src/ around, so a
// schema reached at run time but missing from dist/ fails here rather than in production.
const ROOT = path.resolve(__dirname, '../../../..');
const LIB_INDEX = path.join(ROOT, 'libs/protocol/dsp/src/index.ts');

describe('compiled @dsaas/protocol-dsp', () => {
  let outDir: string;
  beforeAll(() => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'protocol-dsp-build-'));
    const tsconfig = path.join(outDir, 'tsconfig.json');
    fs.writeFileSync(
      tsconfig,
      JSON.stringify({
        extends: path.join(ROOT, 'tsconfig.base.json'),
        compilerOptions: {
          outDir: path.join(outDir, 'dist'),
          rootDir: ROOT,
          typeRoots: [path.join(ROOT, 'node_modules/@types')],
          types: ['node'],
          sourceMap: false,
        },
        files: [LIB_INDEX],
      }),
    );
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', tsconfig], { stdio: 'pipe' });
  }, 60_000);
  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

  it('validates and loads contexts from dist/ alone', async () => {
    const dist = path.join(outDir, 'dist');
    // Run in a fresh node process with the @dsaas aliases pointing into the temporary dist, like tools/register-paths.js.
    const script = `
      const { compilerOptions } = require(${JSON.stringify(path.join(ROOT, 'tsconfig.base.json'))});
      const paths = {};
      for (const [alias, [target]] of Object.entries(compilerOptions.paths)) paths[alias] = [target.replace(/\\.ts$/, '.js')];
      require('tsconfig-paths').register({ baseUrl: ${JSON.stringify(dist)}, paths });
      const dsp = require('@dsaas/protocol-dsp');
      const valid = dsp.dspValidator.validate('CatalogRequestMessage', { '@context': [dsp.DSP_CONTEXT_URL], '@type': 'CatalogRequestMessage' });
      const invalid = dsp.dspValidator.validate('TransferTerminationMessage', { '@context': [dsp.DSP_CONTEXT_URL], '@type': 'TransferTerminationMessage', consumerPid: 'c' });
      const compiled = dsp.dspValidator.schemaNames.map((name) => dsp.dspValidator.validate(name, {}).valid);
      dsp.dspDocumentLoader(dsp.DSP_CONTEXT_URL).then((doc) =>
        console.log(JSON.stringify({ valid, invalid, compiled: compiled.length, context: Object.keys(doc.document), from: require.resolve('@dsaas/protocol-dsp') })));
    `;
    const output = execFileSync(process.execPath, ['-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
      // the compiled files sit outside the repo; their packages (ajv) still come from its node_modules
      env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
    });
    const result = JSON.parse(output);
    expect(result.from).toBe(path.join(dist, 'libs/protocol/dsp/src/index.js'));
    expect(result.valid).toEqual({ valid: true, errors: [] });
    expect(result.invalid.errors).toContain("/ must have required property 'providerPid'");
    expect(result.compiled).toBe(27);
    expect(result.context).toEqual(['@context']);
    expect(fs.existsSync(path.join(dist, 'libs/protocol/dsp/src/spec/schemas/transfer/transfer-schema.json'))).toBe(true);
  }, 30_000);
});
