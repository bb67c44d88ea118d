import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { describeWithServices } from '@dsaas/testing';
import { callbackAddressesFor } from '../src/callbacks/callback-address';
import { callbackEventClass, callbackEventName } from '../src/callbacks/callback-event';
import { DspTestEnv, startDspTestEnv } from './support/dsp-test-env';
import { catalogOffers, publishOffer, startNegotiation, waitForNegotiationState } from './support/negotiation-test-env';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: any;
}

/** A webhook receiver: records every POST; paths in `failOnce` answer 500 to their first request. */
class Receiver {
  readonly received: Received[] = [];
  readonly failOnce = new Set<string>();
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const path = req.url ?? '';
        this.received.push({ path, headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        const fail = this.failOnce.delete(path);
        res.writeHead(fail ? 500 : 204).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  async waitFor(path: string, type: string, count = 1): Promise<Received[]> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const hits = this.at(path).filter((r) => r.body.type === type);
      if (hits.length >= count) return hits;
      if (Date.now() > deadline) throw new Error(`${path}: ${hits.length} ${type} events, got ${JSON.stringify(this.at(path).map((r) => r.body.type))}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

/** callbackAddresses of a consumer's negotiation are called with EDC events as its state changes. */
describeWithServices(['postgres', 'nats'], 'callbackAddresses deliveries', () => {
  let env: DspTestEnv;
  let providerDid: string;
  const receiver = new Receiver();

  beforeAll(async () => {
    await receiver.start();
    env = await startDspTestEnv('callbacks', { STATE_MACHINE_POLL_MS: '50', STATE_MACHINE_MAX_ATTEMPTS: '3', STATE_MACHINE_BACKOFF_BASE_MS: '50' });
    await env.createContext('alpha');
    providerDid = await env.createContext('bravo');
    await publishOffer(env, 'bravo', 'cd-1', ['asset-1', 'asset-2', 'asset-3']);
  }, 120_000);

  afterAll(async () => {
    await env?.stop();
    await receiver.stop();
  });

  const negotiate = async (assetId: string, callbackAddresses: unknown[]) => {
    const [offer] = await catalogOffers(env, 'alpha', 'bravo', providerDid, assetId);
    const id = await startNegotiation(env, 'alpha', 'bravo', providerDid, offer, assetId, { callbackAddresses });
    return { id, negotiation: await waitForNegotiationState(env, 'alpha', id, 'FINALIZED') };
  };

  it('a matching address receives the negotiation events, ContractNegotiationFinalized last, with its authKey', async () => {
    const { id, negotiation } = await negotiate('asset-1', [{ uri: `${receiver.url}/all`, events: ['contract.negotiation'], transactional: false, authKey: 'X-Secret', authCodeId: 'code-1' }]);
    const [finalized] = await receiver.waitFor('/all', 'ContractNegotiationFinalized');
    expect(finalized.headers['authkey']).toBe('X-Secret');
    expect(finalized.body).toMatchObject({
      type: 'ContractNegotiationFinalized',
      payload: { contractNegotiationId: id, state: 'FINALIZED', counterPartyId: providerDid, contractAgreementId: negotiation.contractAgreementId },
    });
    expect(finalized.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Math.abs(finalized.body.at - Date.now())).toBeLessThan(60_000);
    const types = receiver.at('/all').map((r) => r.body.type);
    // Keyed by negotiation: delivered in the order of the changes; no event for the internal -ING steps.
    expect(types).toEqual(['ContractNegotiationRequested', 'ContractNegotiationAgreed', 'ContractNegotiationVerified', 'ContractNegotiationFinalized']);
  });

  it('an address whose events do not match (or whose uri is not http) gets nothing', async () => {
    await negotiate('asset-2', [
      { uri: `${receiver.url}/none`, events: ['transfer.process'] },
      { uri: 'ftp://127.0.0.1/x', events: ['contract.negotiation'] },
      { uri: `${receiver.url}/sentinel`, events: ['contract.negotiation.finalized'] },
    ]);
    // Finalized is the negotiation's last event: once the sentinel has it, every earlier one was handled.
    await receiver.waitFor('/sentinel', 'ContractNegotiationFinalized');
    expect(receiver.at('/sentinel').map((r) => r.body.type)).toEqual(['ContractNegotiationFinalized']);
    expect(receiver.at('/none')).toEqual([]);
  });

  it('a receiver answering 500 gets the event again (redelivered by the bus after its backoff)', async () => {
    receiver.failOnce.add('/flaky');
    const { id } = await negotiate('asset-3', [{ uri: `${receiver.url}/flaky`, events: ['contract.negotiation.finalized'] }]);
    const [first, second] = await receiver.waitFor('/flaky', 'ContractNegotiationFinalized', 2);
    expect(first.body.payload).toEqual(second.body.payload);
    expect(second.body.payload).toMatchObject({ contractNegotiationId: id, state: 'FINALIZED' });
  });
});

describe('callback event names and matching', () => {
  it('names EDC events per state (INITIAL is initiated, -ING steps have none) and matches entries by prefix', () => {
    expect(callbackEventName('transfer.process', 'STARTED')).toBe('transfer.process.started');
    expect(callbackEventName('contract.negotiation', 'INITIAL')).toBe('contract.negotiation.initiated');
    expect(callbackEventName('transfer.process', 'STARTING')).toBeUndefined();
    expect(callbackEventClass('transfer.process.started')).toBe('TransferProcessStarted');
    expect(callbackEventClass('contract.negotiation.finalized')).toBe('ContractNegotiationFinalized');
    const stored = [
      { uri: 'https://a.example/hook', events: ['transfer.process'], authKey: 'k' },
      { uri: 'https://b.example/hook', events: ['transfer.process.completed'] },
      { uri: 'file:///etc/passwd', events: ['transfer.process'] },
      { uri: 'https://c.example/hook', events: 'transfer' },
      'not an object',
    ];
    expect(callbackAddressesFor(stored, 'transfer.process.started').map((a) => a.uri)).toEqual(['https://a.example/hook', 'https://c.example/hook']);
    expect(callbackAddressesFor(stored, 'transfer.process.completed').map((a) => a.uri)).toEqual(['https://a.example/hook', 'https://b.example/hook', 'https://c.example/hook']);
    expect(callbackAddressesFor(stored, 'contract.negotiation.finalized')).toEqual([]);
  });
});
