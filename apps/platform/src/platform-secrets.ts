import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/**
 * A value generated on the first start and kept in the data dir (mode 0600), so restarts can still decrypt what
 * earlier runs stored. Production deployments set the variable instead.
 */
export function persistentGeneratedValue(dataDir: string, file: string, generate: () => string = () => randomBytes(32).toString('base64')): string {
  const target = path.join(dataDir, file);
  if (fs.existsSync(target)) return fs.readFileSync(target, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const value = generate();
  fs.writeFileSync(target, value, { mode: 0o600 });
  return value;
}
