import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { SCHEMA_FILES } from './spec-index.generated';

describe('vendored DSP spec files', () => {
  it('spec-index.generated.ts is up to date (else run: node libs/protocol/generate-spec-index.js)', () => {
    const generator = path.join(__dirname, '../../generate-spec-index.js');
    expect(() => execFileSync(process.execPath, [generator, '--check', 'dsp'], { stdio: 'pipe' })).not.toThrow();
  });

  it('holds the 26 DSP 2025-1 schemas', () => {
    expect(Object.keys(SCHEMA_FILES)).toHaveLength(26);
  });

  it('records where the files come from', () => {
    const provenance = fs.readFileSync(path.join(__dirname, 'spec', 'PROVENANCE.md'), 'utf8');
    expect(provenance).toContain('6d458834cab8011a18d65a7b56a9a1fac9b516e0');
    expect(provenance).toContain('Apache-2.0');
  });
});
