/**
 * Data-plane bench (`npm run bench:data-plane`): the data plane runs as its own process (its RSS is measured) with the
 * auth-server, against the machine's PostgreSQL (a throwaway database) and a local HTTP source, and measures in one run:
 *   - throughput of a large download through the public proxy vs directly from the same source (ratio),
 *   - added latency of a small request through the proxy vs directly (P50/P95 difference),
 *   - transfer-start latency (DPS start of a pull flow, EDR issued),
 *   - RSS growth of the data plane during a 1 GB pull (target < 100 MB).
 *
 *   SIZE_MB=1024 RUNS=200 npm run bench:data-plane
 */
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { randomUUID } from 'crypto';
import { authServerService } from '@dsaas/feature-auth-server';
import { DPS_HTTP_PULL_PROFILE } from '@dsaas/protocol-dps';
import { startService } from '@dsaas/server';
import { clientCredentialsToken, startServiceForTest, startServiceProcess } from '@dsaas/testing';
import { summarize } from './support/latency';

const SIZE = Number(process.env.SIZE_MB ?? 1024) * 1024 * 1024;
const RUNS = Number(process.env.RUNS ?? 200);
const ISSUER = 'http://auth.bench.test';
const OPERATOR = { id: 'operator', secret: 'operator-secret-0123456789' };

/** A local source: `/big` streams SIZE bytes, `/small` 1 KB. */
async function startSource(): Promise<{ url: string; close: () => void }> {
  const block = Buffer.alloc(1024 * 1024, 0x5a);
  const server = http.createServer(async (request, response) => {
    if (request.url === '/small') return void response.writeHead(200, { 'content-type': 'text/plain', 'content-length': '1024' }).end(block.subarray(0, 1024));
    response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(SIZE) });
    for (let sent = 0; sent < SIZE; sent += block.length) {
      if (!response.write(block.subarray(0, Math.min(block.length, SIZE - sent)))) await new Promise((resolve) => response.once('drain', resolve));
      if (response.destroyed) return;
    }
    response.end();
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => (server.closeAllConnections(), server.close()) };
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function drain(url: string, token?: string): Promise<number> {
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
  let bytes = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
  return bytes;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

async function main(): Promise<void> {
  const source = await startSource();
  const auth = await startServiceForTest((env) => startService(authServerService, env, { shutdownHooks: false }), 'bench_dp_auth', {
    AUTH_ISSUER_URL: ISSUER,
    AUTH_BOOTSTRAP_CLIENT_ID: OPERATOR.id,
    AUTH_BOOTSTRAP_CLIENT_SECRET: OPERATOR.secret,
    LOG_LEVEL: 'error',
  });
  const dp = await startServiceProcess('data-plane', 'bench_dp', { AUTH_ISSUER_URL: ISSUER, AUTH_JWKS_URL: `${auth.url}/.well-known/jwks.json`, LOG_LEVEL: 'error' });
  try {
    const operator = await clientCredentialsToken(auth.url, OPERATOR.id, OPERATOR.secret);
    const created = (await (await fetch(`${auth.url}/api/admin/clients`, { method: 'POST', headers: { authorization: `Bearer ${operator}`, 'content-type': 'application/json' }, body: JSON.stringify({ role: 'provisioner', scopes: ['signaling-api:write'] }) })).json()) as { clientId: string; clientSecret: string };
    const cp = await clientCredentialsToken(auth.url, created.clientId, created.clientSecret);
    const start = async (baseUrl: string) => {
      const id = randomUUID();
      const response = await fetch(`${dp.url}/api/signaling/v1/dataflows/start`, {
        method: 'POST',
        headers: { authorization: `Bearer ${cp}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          messageId: randomUUID(), participantId: 'did:web:p', counterPartyId: 'did:web:c', dataspaceContext: 'bench', processId: id, agreementId: `a-${id}`, datasetId: 'asset',
          profile: DPS_HTTP_PULL_PROFILE, transferType: 'HttpData-PULL', claims: {}, metadata: { participantContextId: 'bench', sourceDataAddress: { type: 'HttpData', baseUrl } },
        }),
      });
      if (response.status !== 200) throw new Error(`start: HTTP ${response.status} ${await response.text()}`);
      const body = (await response.json()) as { dataAddress: { endpoint: string; endpointProperties: { name: string; value: string }[] } };
      const property = (name: string) => body.dataAddress.endpointProperties.find((p) => p.name === name)!.value;
      return { endpoint: body.dataAddress.endpoint, token: property('authorization') };
    };

    // Transfer start (DPS start → EDR).
    for (let i = 0; i < 10; i++) await start(`${source.url}/small`);
    const starts: number[] = [];
    for (let i = 0; i < RUNS; i++) starts.push((await timed(() => start(`${source.url}/small`))).ms);

    // Added latency on a small request.
    const small = await start(`${source.url}/small`);
    const direct: number[] = [];
    const proxied: number[] = [];
    for (let i = 0; i < 20; i++) await drain(small.endpoint, small.token);
    for (let i = 0; i < RUNS; i++) {
      direct.push((await timed(() => drain(`${source.url}/small`))).ms);
      proxied.push((await timed(() => drain(small.endpoint, small.token))).ms);
    }

    // Throughput and RSS on the big pull.
    const big = await start(`${source.url}/big`);
    const directBig = await timed(() => drain(`${source.url}/big`));
    const baseline = rssMb(dp.process.pid!);
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(dp.process.pid!))), 50);
    const proxiedBig = await timed(() => drain(big.endpoint, big.token));
    clearInterval(sampler);
    peak = Math.max(peak, rssMb(dp.process.pid!));
    if (proxiedBig.value !== SIZE || directBig.value !== SIZE) throw new Error(`short download: ${proxiedBig.value} / ${directBig.value} of ${SIZE}`);

    const mbps = (ms: number) => SIZE / 1024 / 1024 / (ms / 1000);
    const s = summarize(starts);
    const d = summarize(direct);
    const p = summarize(proxied);
    const growth = peak - baseline;
    const lines = [
      '',
      `Data plane bench (${SIZE / 1024 / 1024} MB pull, ${RUNS} runs for latencies; data plane as its own process)`,
      `throughput   direct ${mbps(directBig.ms).toFixed(0)} MB/s   via proxy ${mbps(proxiedBig.ms).toFixed(0)} MB/s   ratio proxy/direct ${(directBig.ms / proxiedBig.ms).toFixed(2)}`,
      `1 KB request direct P50 ${d.p50.toFixed(2)} ms P95 ${d.p95.toFixed(2)} ms   via proxy P50 ${p.p50.toFixed(2)} ms P95 ${p.p95.toFixed(2)} ms   added P50 ${(p.p50 - d.p50).toFixed(2)} ms P95 ${(p.p95 - d.p95).toFixed(2)} ms`,
      `transfer start (DPS start, EDR issued)  P50 ${s.p50.toFixed(2)} ms  P95 ${s.p95.toFixed(2)} ms  P99 ${s.p99.toFixed(2)} ms  max ${s.max.toFixed(2)} ms`,
      `data plane RSS during the pull: baseline ${baseline.toFixed(0)} MB, peak ${peak.toFixed(0)} MB, growth ${growth.toFixed(0)} MB (target < 100 MB): ${growth < 100 ? 'OK' : 'OVER'}`,
      '',
    ];
    console.log(lines.join('\n'));
    if (growth >= 100) process.exitCode = 1;
  } finally {
    await dp.stop();
    await auth.stop();
    source.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
