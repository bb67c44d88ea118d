import { createHash, randomBytes } from 'crypto';
import * as http from 'http';
import { AddressInfo } from 'net';
import { describeWithServices, eventually, Participant } from '@dsaas/testing';
import { startTransferTestEnv, TransferTestEnv } from './support/transfer-test-env';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** An HTTP data source (and push sink) of the provider's and consumer's organisations: real HTTP, not a component of ours. */
class DataServer {
  readonly payload = randomBytes(2 * 1024 * 1024);
  readonly received: Buffer[] = [];
  private server!: http.Server;
  url = '';

  async start(): Promise<void> {
    this.server = http.createServer(async (req, res) => {
      if (req.method === 'GET' && req.url?.startsWith('/data')) {
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(this.payload.length) });
        res.end(this.payload);
        return;
      }
      if (req.url?.startsWith('/sink')) {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        this.received.push(Buffer.concat(chunks));
        res.writeHead(200);
        res.end();
        return;
      }
      res.writeHead(404);
      res.end();
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections?.();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * Two contexts of one control plane, the real data plane, real HTTP: agreement (negotiated over DSP) → HttpData-PULL
 * transfer STARTED on both sides → the consumer reads its EDR and downloads through the data plane's proxy;
 * suspension, resume, termination reach the data plane; push to a sink; an expired agreement is refused.
 */
describeWithServices(['postgres', 'nats'], 'transfer end to end (control plane + data plane)', () => {
  const data = new DataServer();
  let env: TransferTestEnv;
  let consumer: Participant;
  let provider: Participant;
  let agreementId: string;

  const transfer = async (contractId: string, transferType = 'HttpData-PULL', dataDestination?: object) =>
    (await env.fixture.startTransfer(consumer, provider, contractId, transferType, dataDestination)) as string;
  const consumerState = (id: string, states: string[]) => env.fixture.waitForState(consumer, `transferprocesses/${id}`, states, 20_000);
  const providerProcess = (consumerPid: string) => env.providerTransfer(provider, consumerPid);
  const edr = async (id: string) => (await env.fixture.management(consumer, 'GET', `edrs/${id}/dataaddress`)).body;
  const download = async (address: { endpoint: string; authorization: string }) => {
    const response = await fetch(address.endpoint, { headers: { authorization: address.authorization } });
    return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
  };

  beforeAll(async () => {
    await data.start();
    env = await startTransferTestEnv('transfer_e2e', {}, { dataPlane: true });
    consumer = await env.participant('consumer');
    provider = await env.participant('provider');
    await env.registerDataPlane(provider);
    agreementId = await env.agreement(consumer, provider, 'asset-data', { baseUrl: `${data.url}/data`, negotiate: true });
  }, 120_000);

  afterAll(async () => {
    await env?.stop();
    await data.stop();
  });

  it('pull: STARTED on both sides, the consumer downloads the asset byte-identical through the proxy with its EDR', async () => {
    const id = await transfer(agreementId);
    await consumerState(id, ['STARTED']);
    const providerSide = await eventually(async () => ((await providerProcess(id))?.state === 'STARTED' ? providerProcess(id) : undefined), 'provider STARTED');
    expect(providerSide).toMatchObject({ type: 'PROVIDER', dataPlaneId: 'data-plane', contractId: agreementId });
    const address = await edr(id);
    expect(address.endpoint).toContain(env.dataPlane!.url);
    const got = await download(address);
    expect(got.status).toBe(200);
    expect(sha256(got.body)).toBe(sha256(data.payload));
  });

  it('suspension by the provider stops the proxy; resume by the consumer gives a fresh EDR that works; termination stops it for good', async () => {
    const id = await transfer(agreementId);
    await consumerState(id, ['STARTED']);
    const first = await edr(id);
    const providerPid = (await providerProcess(id))['@id'];
    await eventually(async () => ((await providerProcess(id)).state === 'STARTED' ? true : undefined), 'provider STARTED');
    expect((await env.fixture.management(provider, 'POST', `transferprocesses/${providerPid}/suspend`, { '@type': 'SuspendTransfer', reason: 'maintenance' })).status).toBe(204);
    await consumerState(id, ['SUSPENDED']);
    expect((await download(first)).status).toBeGreaterThanOrEqual(400);

    expect((await env.fixture.management(consumer, 'POST', `transferprocesses/${id}/resume`)).status).toBe(204);
    await consumerState(id, ['STARTED']);
    const second = await edr(id);
    expect(sha256((await download(second)).body)).toBe(sha256(data.payload));

    expect((await env.fixture.management(consumer, 'POST', `transferprocesses/${id}/terminate`, { '@type': 'TerminateTransfer', reason: 'done' })).status).toBe(204);
    await consumerState(id, ['TERMINATED']);
    await eventually(async () => ((await providerProcess(id)).state === 'TERMINATED' ? true : undefined), 'provider TERMINATED');
    expect((await download(second)).status).toBeGreaterThanOrEqual(400);
  });

  it('push: the data plane writes the asset to the consumer\'s destination and the transfer COMPLETES on both sides', async () => {
    const id = await transfer(agreementId, 'HttpData-PUSH', { type: 'HttpData', baseUrl: `${data.url}/sink/${Date.now()}` });
    await consumerState(id, ['COMPLETED']);
    await eventually(async () => ((await providerProcess(id)).state === 'COMPLETED' ? true : undefined), 'provider COMPLETED');
    expect(data.received.some((body) => sha256(body) === sha256(data.payload))).toBe(true);
  });

  it('an expired agreement blocks a new transfer: the provider refuses, the consumer\'s process is TERMINATED with the reason', async () => {
    const expiring = await env.agreement(consumer, provider, 'asset-expiring', {
      baseUrl: `${data.url}/data`,
      negotiate: true,
      policy: { '@type': 'Set', permission: [{ action: 'use', constraint: [{ leftOperand: 'inForceDate', operator: 'lteq', rightOperand: 'contractAgreement+2s' }] }] },
    });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const id = await transfer(expiring);
    const done = await consumerState(id, ['TERMINATED']);
    expect(done.errorDetail).toMatch(/policy/i);
    expect(await providerProcess(id)).toBeUndefined();
  });

  it('selection skips a registered data plane that cannot be reached and starts the flow on the next capable one', async () => {
    const down = await env.fixture.management(provider, 'POST', 'dataplanes', {
      '@id': 'a-data-plane-down',
      url: 'http://127.0.0.1:1/api/signaling/v1/dataflows',
      allowedSourceTypes: ['HttpData'],
      allowedTransferTypes: ['HttpData-PULL'],
    });
    expect(down.status).toBe(200);
    try {
      const id = await transfer(agreementId);
      await consumerState(id, ['STARTED']);
      expect((await providerProcess(id)).dataPlaneId).toBe('data-plane');
      expect(sha256((await download(await edr(id))).body)).toBe(sha256(data.payload));
    } finally {
      await env.fixture.management(provider, 'DELETE', 'dataplanes/a-data-plane-down');
    }
  });
});
