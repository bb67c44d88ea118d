import { ChildProcess, execFile, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../../..');
const SERVICES = ['auth-server', 'tenant-manager', 'provision-manager', 'activity-agent', 'control-plane', 'identity-hub', 'issuer-service', 'data-plane'];
const BASE_PORT = 18080 + Math.floor(Math.random() * 400) * 10;

/** The README's "Calling the platform" block, with the printed credentials filled in and our test ports. */
function readmeCallExample(clientId: string, clientSecret: string): string {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Calling the platform'));
  const block = /```bash\n([\s\S]*?)```/.exec(section)![1];
  return block
    .replace('<printed client_id>', clientId)
    .replace('<printed client_secret>', clientSecret)
    .replace(/localhost:808(\d)/g, (_m, n) => `localhost:${BASE_PORT + Number(n)}`);
}

/**
 * What `npm start` does, as a real process: the compiled platform on embedded PostgreSQL (no DATABASE_URL),
 * the Postgres event bus, generated keys; then the README's token + call example run by bash.
 */
describe('the all-in-one platform (npm start)', () => {
  let platform: ChildProcess;
  let output = '';
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsaas-platform-'));

  beforeAll(async () => {
    fs.chmodSync(dataDir, 0o755);
    await run('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root });
    const env: NodeJS.ProcessEnv = { ...process.env, PLATFORM_DATA_DIR: dataDir, PLATFORM_BASE_PORT: String(BASE_PORT), LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    platform = spawn('node', ['-r', './tools/register-paths.js', 'dist/apps/platform/src/main.js'], { cwd: root, env });
    platform.stdout!.on('data', (d) => (output += d));
    platform.stderr!.on('data', (d) => (output += d));
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (output.includes('bootstrap admin client_secret')) {
          clearInterval(timer);
          resolve();
        }
      }, 100);
      platform.once('exit', (code) => {
        clearInterval(timer);
        reject(new Error(`platform exited with ${code}:\n${output}`));
      });
    });
  }, 120_000);

  afterAll(async () => {
    if (platform && platform.exitCode === null) {
      const exited = new Promise((resolve) => platform.once('exit', resolve));
      platform.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints every service URL and answers /health/ready 200 on each', async () => {
    for (const [index, name] of SERVICES.entries()) {
      expect(output).toContain(`${name}`);
      const response = await fetch(`http://127.0.0.1:${BASE_PORT + index}/health/ready`);
      const body: any = await response.json();
      expect({ name, status: response.status, database: body.info?.database?.status, bus: body.info?.eventBus?.status }).toEqual({
        name,
        status: 200,
        database: 'up',
        bus: 'up',
      });
    }
  });

  it('runs the README token + call example as written', async () => {
    const clientId = /bootstrap admin client_id:\s+(\S+)/.exec(output)![1];
    const clientSecret = /bootstrap admin client_secret:\s+(\S+)/.exec(output)![1];
    const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', readmeCallExample(clientId, clientSecret)], { cwd: root });
    const info = JSON.parse(stdout);
    expect(info).toMatchObject({ service: 'tenant-manager', schema: 'tenant_manager' });
    expect(info.migrations).toContain('CreateOutboxTable1764000000000');
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => platform.once('exit', resolve));
    platform.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);
});
