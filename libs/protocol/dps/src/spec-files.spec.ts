import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { SCHEMA_FILES } from './spec-index.generated';

describe('vendored DPS spec files', () => {
  it('spec-index.generated.ts is up to date (else run: node libs/protocol/generate-spec-index.js)', () => {
    const generator = path.join(__dirname, '../../generate-spec-index.js');
    expect(() => execFileSync(process.execPath, [generator, '--check', 'dps'], { stdio: 'pipe' })).not.toThrow();
  });

  it('holds the 13 DPS schemas and the HTTP profile schema', () => {
    expect(Object.keys(SCHEMA_FILES)).toHaveLength(14);
  });

  it('records where the files come from', () => {
    const provenance = fs.readFileSync(path.join(__dirname, 'spec', 'PROVENANCE.md'), 'utf8');
    expect(provenance).toContain('18204dbdb985bd7a6702194b66d9afcea1b66383');
    expect(provenance).toContain('Apache-2.0');
  });
});
