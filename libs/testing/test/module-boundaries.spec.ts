import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { promisify } from 'util';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../../..');

/** Lints a throw-away file placed in a project and returns eslint's messages for it. */
async function lintProbe(file: string, source: string): Promise<string[]> {
  const target = path.join(root, file);
  fs.writeFileSync(target, source);
  try {
    const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
    await run('npx', ['nx', 'show', 'projects'], { cwd: root, env });
    const result = await run('npx', ['eslint', '--format', 'json', file], { cwd: root, env }).catch((e) => e);
    const report = JSON.parse(result.stdout);
    return report[0].messages.map((m: { ruleId: string; message: string }) => `${m.ruleId}: ${m.message}`);
  } finally {
    fs.rmSync(target, { force: true });
  }
}

describe('module boundaries (npm run lint)', () => {
  it('rejects an app importing another app', async () => {
    const messages = await lintProbe(
      'apps/platform/src/boundary-probe.ts',
      "import { startAuthServer } from '../../auth-server/src/start';\nexport const probe = startAuthServer;\n",
    );
    expect(messages.some((m) => m.startsWith('@nx/enforce-module-boundaries'))).toBe(true);
  });

  it('rejects a shared lib importing a runtime-scoped lib', async () => {
    const messages = await lintProbe(
      'libs/model/src/boundary-probe.ts',
      "import { dataPlaneService } from '@dsaas/feature-data-plane';\nexport const probe = dataPlaneService;\n",
    );
    expect(messages.some((m) => m.startsWith('@nx/enforce-module-boundaries'))).toBe(true);
  });

  it('accepts an app importing its feature lib', async () => {
    const messages = await lintProbe(
      'apps/data-plane/src/boundary-probe.ts',
      "import { dataPlaneService } from '@dsaas/feature-data-plane';\nexport const probe = dataPlaneService;\n",
    );
    expect(messages).toEqual([]);
  });
});
