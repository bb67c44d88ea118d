import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { SCHEMA_FILES } from './spec-index.generated';

describe('vendored DCP spec files', () => {
  it('spec-index.generated.ts is up to date (else run: node libs/protocol/generate-spec-index.js)', () => {
    const generator = path.join(__dirname, '../../generate-spec-index.js');
    expect(() => execFileSync(process.execPath, [generator, '--check', 'dcp'], { stdio: 'pipe' })).not.toThrow();
  });

  it('holds the 9 DCP schemas and the 4 DIF schemas they reference', () => {
    expect(Object.keys(SCHEMA_FILES)).toHaveLength(13);
  });

  it('records where the files come from', () => {
    const provenance = fs.readFileSync(path.join(__dirname, 'spec', 'PROVENANCE.md'), 'utf8');
    expect(provenance).toContain('27175bc63ba47c13bae37dd4a158e1a1cb50af82');
    expect(provenance).toContain('Apache-2.0');
  });
});
