import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// `npm run build` is plain tsc, which copies only the .json files a module imports. This compiles the protocol libs
// the same way (tsconfig.base.json, into a temporary outDir) and uses the compiled code without src/ around, so a
// schema or context reached at run time but missing from dist/ fails here rather than in production. One compile
// covers all three libs (dps imports dsp, which imports dcp), to keep the suite fast.
const ROOT = path.resolve(__dirname, '../../../..');
const LIB_INDEX = path.join(ROOT, 'libs/protocol/dps/src/index.ts');

describe('compiled @dsaas/protocol-dcp, -dsp and -dps', () => {
  let outDir: string;
  beforeAll(() => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'protocol-dps-build-'));
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

  const runCompiled = (code: string): any => {
    const dist = path.join(outDir, 'dist');
    // A fresh node process with the @dsaas aliases pointing into the temporary dist, like tools/register-paths.js.
    const script = `
      const { compilerOptions } = require(${JSON.stringify(path.join(ROOT, 'tsconfig.base.json'))});
      const paths = {};
      for (const [alias, [target]] of Object.entries(compilerOptions.paths)) paths[alias] = [target.replace(/\\.ts$/, '.js')];
      require('tsconfig-paths').register({ baseUrl: ${JSON.stringify(dist)}, paths });
      (async () => { ${code} })().then((result) => console.log(JSON.stringify(result)));
    `;
    const output = execFileSync(process.execPath, ['-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
      // the compiled files sit outside the repo; their packages (ajv) still come from its node_modules
      env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
    });
    return JSON.parse(output);
  };

  it('DCP validates and loads its contexts from dist/ alone', () => {
    const result = runCompiled(`
      const dcp = require('@dsaas/protocol-dcp');
      const valid = dcp.dcpValidator.validate('IssuerMetadata', { '@context': [dcp.DCP_CONTEXT_URL], type: 'IssuerMetadata', issuer: 'did:web:x', credentialsSupported: [] });
      const invalid = dcp.dcpValidator.validate('PresentationQueryMessage', { '@context': [dcp.DCP_CONTEXT_URL], type: 'PresentationQueryMessage', presentationDefinition: { id: 'x' } });
      // every schema compiles (a missing file or $ref throws)
      const compiled = dcp.dcpValidator.schemaNames.map((name) => dcp.dcpValidator.validate(name, {})).length;
      const doc = await dcp.dcpDocumentLoader(dcp.DCP_CONTEXT_URL);
      return { valid, invalid, compiled, context: Object.keys(doc.document), from: require.resolve('@dsaas/protocol-dcp') };
    `);
    expect(result.from).toBe(path.join(outDir, 'dist/libs/protocol/dcp/src/index.js'));
    expect(result.valid).toEqual({ valid: true, errors: [] });
    expect(result.invalid.errors).toContain("/presentationDefinition must have required property 'input_descriptors'"); // DIF schema
    expect(result.compiled).toBe(8);
    expect(result.context).toEqual(['@context']);
  });

  it('DSP validates and loads its contexts from dist/ alone', () => {
    const result = runCompiled(`
      const dsp = require('@dsaas/protocol-dsp');
      const valid = dsp.dspValidator.validate('CatalogRequestMessage', { '@context': [dsp.DSP_CONTEXT_URL], '@type': 'CatalogRequestMessage' });
      const invalid = dsp.dspValidator.validate('TransferTerminationMessage', { '@context': [dsp.DSP_CONTEXT_URL], '@type': 'TransferTerminationMessage', consumerPid: 'c' });
      // every schema compiles (a missing file or $ref throws)
      const compiled = dsp.dspValidator.schemaNames.map((name) => dsp.dspValidator.validate(name, {})).length;
      const doc = await dsp.dspDocumentLoader(dsp.DSP_ODRL_PROFILE_CONTEXT_URL);
      return { valid, invalid, compiled, context: Object.keys(doc.document) };
    `);
    expect(result.valid).toEqual({ valid: true, errors: [] });
    expect(result.invalid.errors).toContain("/ must have required property 'providerPid'"); // through the #definitions/ fix
    expect(result.compiled).toBe(27);
    expect(result.context).toEqual(['@context']);
  });

  it('DPS validates from dist/ alone, DSP references included', () => {
    const result = runCompiled(`
      const dps = require('@dsaas/protocol-dps');
      const message = { messageId: 'm', dataFlowId: 'f', state: 'STARTED', dataAddress: { '@type': 'DataAddress', endpointType: 'x' } };
      const valid = dps.dpsValidator.validate('DataFlowStatusMessage', message);
      const invalid = dps.dpsValidator.validate('DataFlowStatusMessage', { ...message, dataAddress: {} });
      // every schema compiles (a missing file or $ref throws)
      const compiled = dps.dpsValidator.schemaNames.map((name) => dps.dpsValidator.validate(name, {})).length;
      return { valid, invalid, compiled };
    `);
    expect(result.valid).toEqual({ valid: true, errors: [] });
    expect(result.invalid.errors).toContain("/dataAddress must have required property '@type'");
    expect(result.compiled).toBe(15);
    expect(fs.existsSync(path.join(outDir, 'dist/libs/protocol/dps/src/spec/schemas/profiles/http/data-address-schema.json'))).toBe(true);
  });
});
