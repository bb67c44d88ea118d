/**
 * Control-plane latency on the embedded platform (`npm run bench:control-plane`): catalog request, negotiation
 * end to end and transfer start, each measured over RUNS runs (default 200) between two participants of the one
 * control plane, over real HTTP with DCP, printed beside the seed SLAs (P95: 500 ms, 2 s, 1 s).
 *
 *   RUNS=200 npm run bench:control-plane      (BENCH_DATABASE_URL=postgres://... to use a running PostgreSQL)
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { clientCredentialsToken, DataspaceFixture, Participant } from '@dsaas/testing';
import { startPlatform } from '../apps/platform/src/start';
import { summarize, printReport, Measurement } from './support/latency';

const RUNS = Number(process.env.RUNS ?? 200);
const WARMUP = Number(process.env.WARMUP ?? 10);

/** Warm-up runs, then `runs` timed runs; a failing operation is reported with its error instead of figures. */
async function measure(name: string, slaMs: number, runs: number, once: () => Promise<void>): Promise<Measurement> {
  try {
    for (let i = 0; i < Math.min(WARMUP, runs); i++) await once();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await once();
      samples.push(performance.now() - started);
    }
    return { name, slaMs, ...summarize(samples) };
  } catch (error) {
    return { name, slaMs, error: String((error as Error)?.message ?? error).slice(0, 300) };
  }
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsaas-bench-'));
  // As root, the embedded PostgreSQL runs as its own user, which must reach the data directory.
  fs.chmodSync(dataDir, 0o755);
  const env: NodeJS.ProcessEnv = { ...process.env };
  // The embedded PostgreSQL unless a database is named for the bench.
  delete env.DATABASE_URL;
  if (process.env.BENCH_DATABASE_URL) env.DATABASE_URL = process.env.BENCH_DATABASE_URL;
  const platform = await startPlatform({
    ...env,
    PLATFORM_DATA_DIR: dataDir,
    PLATFORM_BASE_PORT: process.env.PLATFORM_BASE_PORT ?? '28080',
    PUBLIC_HOST: '127.0.0.1',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
  });
  try {
    const admin = await clientCredentialsToken(platform.urls['auth-server'], platform.admin.clientId, platform.admin.clientSecret);
    const dataspace = new DataspaceFixture(
      {
        auth: platform.urls['auth-server'],
        identityHub: platform.urls['identity-hub'],
        issuer: platform.urls['issuer-service'],
        controlPlane: platform.urls['control-plane'],
        dataPlane: platform.urls['data-plane'],
      },
      admin,
    );
    const [provider, consumer]: Participant[] = await Promise.all([dataspace.onboard('provider', { member: true }), dataspace.onboard('consumer', { member: true })]);
    await dataspace.publish(provider, 'bench-asset');
    const offer = DataspaceFixture.offerOf(await dataspace.catalog(consumer, provider), 'bench-asset', provider.did);

    const results: Measurement[] = [];
    results.push(await measure('catalog request (consumer mgmt → provider DSP, DCP)', 500, RUNS, async () => void (await dataspace.catalog(consumer, provider))));
    let agreementId: string | undefined;
    results.push(
      await measure('negotiation end to end (request → FINALIZED)', 2000, RUNS, async () => {
        const id = await dataspace.startNegotiation(consumer, provider, offer);
        agreementId = (await dataspace.waitForState(consumer, `contractnegotiations/${id}`, ['FINALIZED'], 30_000, 5)).contractAgreementId;
      }),
    );
    results.push(
      await measure('transfer start (request → STARTED, HttpData-PULL)', 1000, RUNS, async () => {
        const id = await dataspace.startTransfer(consumer, provider, agreementId!);
        await dataspace.waitForState(consumer, `transferprocesses/${id}`, ['STARTED'], 30_000, 5);
      }),
    );
    printReport(`control plane on the embedded platform (${os.cpus().length} CPUs, Node ${process.version})`, results);
  } finally {
    await platform.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
