import { randomUUID } from 'crypto';
import { dspValidator } from '@dsaas/protocol-dsp';
import { describeWithServices, eventually, Participant } from '@dsaas/testing';
import { DataAddressSecrets } from '../../src/transfer/data-address-secrets';
import { TestCounterParty } from '../support/dsp-test-counter-party';
import { DSP_CONTEXT, startTransferTestEnv, TransferTestEnv } from '../support/transfer-test-env';

/** A data plane URL nobody answers: the provider accepts requests (a capable data plane is registered), its DPS start keeps failing. */
const UNREACHABLE_DATA_PLANE = 'http://127.0.0.1:1/api/signaling/v1/dataflows';

/**
 * DSP 2025-1 transfer process, provider side, as the TCK's provider scenarios drive it: the test speaks DSP as the
 * hosted consumer context (its identity hub's STS signs), with the callbackAddress of a recorder (TestCounterParty)
 * that receives what our provider sends back. The agreements are negotiated for real between the two contexts.
 * The flows that need a running data plane (start with an EDR, suspension, completion) are in transfer-e2e.spec.ts.
 */
describeWithServices(['postgres', 'nats'], 'DSP transfer conformance: provider', () => {
  const tck = new TestCounterParty();
  let env: TransferTestEnv;
  let consumer: Participant;
  let provider: Participant;
  let stranger: Participant;
  let agreementId: string;

  const request = (body: Record<string, unknown>, as: Participant = consumer) =>
    env.dsp(as, provider, 'POST', '/transfers/request', {
      '@context': DSP_CONTEXT,
      '@type': 'TransferRequestMessage',
      consumerPid: `urn:uuid:${randomUUID()}`,
      agreementId,
      format: 'HttpData-PULL',
      callbackAddress: tck.dspAddress,
      ...body,
    });
  const toProvider = (providerPid: string, consumerPid: string, suffix: string, message: Record<string, unknown>, as: Participant = consumer) =>
    env.dsp(as, provider, 'POST', `/transfers/${providerPid}/${suffix}`, { '@context': DSP_CONTEXT, providerPid, consumerPid, ...message });
  const providerView = async (providerPid: string) => (await env.fixture.management(provider, 'GET', `transferprocesses/${providerPid}`)).body;
  const rows = async () => (await env.fixture.management(provider, 'POST', 'transferprocesses/request', {})).body.length as number;

  async function requested(): Promise<{ providerPid: string; consumerPid: string }> {
    const consumerPid = `urn:uuid:${randomUUID()}`;
    const answer = await request({ consumerPid });
    expect(answer.status).toBe(201);
    return { providerPid: answer.body.providerPid, consumerPid };
  }

  beforeAll(async () => {
    await tck.start();
    // Slow retries: a REQUESTED process keeps waiting for its (unreachable) data plane during the test.
    env = await startTransferTestEnv('tp_provider', { STATE_MACHINE_BACKOFF_BASE_MS: '60000' });
    consumer = await env.participant('consumer');
    provider = await env.participant('provider');
    stranger = await env.participant('stranger');
    const dataPlane = await env.fixture.management(provider, 'POST', 'dataplanes', {
      '@id': 'dp-unreachable',
      url: UNREACHABLE_DATA_PLANE,
      allowedSourceTypes: ['HttpData'],
      allowedTransferTypes: ['HttpData-PULL', 'HttpData-PUSH'],
    });
    expect(dataPlane.status).toBe(200);
    agreementId = await env.agreement(consumer, provider, 'asset-p');
  }, 120_000);

  afterAll(async () => {
    await env?.stop();
    await tck.stop();
  });

  it('P01 accepts a TransferRequestMessage: 201 TransferProcess REQUESTED, readable by the consumer with GET', async () => {
    const consumerPid = `urn:uuid:${randomUUID()}`;
    const answer = await request({ consumerPid });
    expect(answer.status).toBe(201);
    expect(dspValidator.validate('TransferProcess', answer.body)).toEqual({ valid: true, errors: [] });
    expect(answer.body).toMatchObject({ '@type': 'TransferProcess', consumerPid, state: 'REQUESTED', providerPid: expect.any(String) });
    const get = await env.dsp(consumer, provider, 'GET', `/transfers/${answer.body.providerPid}`);
    expect(get.status).toBe(200);
    expect(dspValidator.validate('TransferProcess', get.body)).toEqual({ valid: true, errors: [] });
    expect(await providerView(answer.body.providerPid)).toMatchObject({ type: 'PROVIDER', state: 'REQUESTED', correlationId: consumerPid, contractId: agreementId, assetId: 'asset-p', counterPartyId: consumer.did });
  });

  it('P02 answers a retried request with the same process (no second one)', async () => {
    const consumerPid = `urn:uuid:${randomUUID()}`;
    const first = await request({ consumerPid });
    const before = await rows();
    const again = await request({ consumerPid });
    expect(again.status).toBe(201);
    expect(again.body.providerPid).toBe(first.body.providerPid);
    expect(await rows()).toBe(before);
  });

  it('P03 refuses an unknown agreement, and another consumer\'s agreement, with 400 TransferError; nothing stored', async () => {
    const before = await rows();
    for (const answer of [await request({ agreementId: 'no-such-agreement' }), await request({}, stranger)]) {
      expect(answer.status).toBe(400);
      expect(dspValidator.validate('TransferError', answer.body)).toEqual({ valid: true, errors: [] });
      expect(answer.body.code).toBe('transfer_refused');
    }
    expect(await rows()).toBe(before);
  });

  it('P04 refuses a transfer under an expired agreement (inForceDate in scope transfer.process)', async () => {
    const expiring = await env.agreement(consumer, provider, 'asset-expiring', { policy: {
      '@type': 'Set',
      permission: [{ action: 'use', constraint: [{ leftOperand: 'inForceDate', operator: 'lteq', rightOperand: 'contractAgreement+2s' }] }],
    } });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const answer = await request({ agreementId: expiring });
    expect(answer.status).toBe(400);
    expect(answer.body.reason.join(' ')).toMatch(/policy/i);
  });

  it('P05 refuses a transfer type no data plane offers for the asset, and a push without destination', async () => {
    expect((await request({ format: 'Kafka-PUSH' })).status).toBe(400);
    const push = await request({ format: 'HttpData-PUSH' });
    expect(push.status).toBe(400);
    expect(push.body.reason.join(' ')).toMatch(/dataAddress/);
  });

  it('P06 refuses malformed requests with 400 TransferError', async () => {
    const cases = [
      { '@type': 'TransferStartMessage' },
      { agreementId: undefined },
      { callbackAddress: 42 },
      { '@context': undefined },
      { dataAddress: { endpoint: 'https://x' } },
      { callbackAddress: 'not a url' },
    ];
    for (const body of cases) {
      const answer = await request(body as Record<string, unknown>);
      expect(answer.status).toBe(400);
      expect(answer.body['@type']).toBe('TransferError');
    }
    const raw = await fetch(`${provider.dspAddress}/transfers/request`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await env.stsToken(consumer, provider.did)}`, 'content-type': 'application/json' },
      body: '{"@type":',
    });
    // Unparseable JSON is refused by the body parser before any DSP handler runs: a 400 problem, not a TransferError.
    expect(raw.status).toBe(400);
  });

  it('P07 an unknown pid, and a caller that is not the consumer of the process, get the same 404 TransferError; no token is a 401', async () => {
    const { providerPid, consumerPid } = await requested();
    const unknown = await env.dsp(consumer, provider, 'GET', '/transfers/urn:uuid:nobody');
    const wrongCaller = await env.dsp(stranger, provider, 'GET', `/transfers/${providerPid}`);
    const wrongTermination = await toProvider(providerPid, consumerPid, 'termination', { '@type': 'TransferTerminationMessage' }, stranger);
    for (const answer of [unknown, wrongCaller, wrongTermination]) {
      expect(answer.status).toBe(404);
      expect(dspValidator.validate('TransferError', answer.body)).toEqual({ valid: true, errors: [] });
    }
    expect((await fetch(`${provider.dspAddress}/transfers/${providerPid}`)).status).toBe(401);
    expect((await providerView(providerPid)).state).toBe('REQUESTED');
  });

  it('P08 out-of-order messages on a REQUESTED process are 400 TransferErrors and change nothing', async () => {
    const { providerPid, consumerPid } = await requested();
    for (const [suffix, type] of [['completion', 'TransferCompletionMessage'], ['suspension', 'TransferSuspensionMessage'], ['start', 'TransferStartMessage']]) {
      const answer = await toProvider(providerPid, consumerPid, suffix, { '@type': type });
      expect(answer.status).toBe(400);
      expect(dspValidator.validate('TransferError', answer.body)).toEqual({ valid: true, errors: [] });
    }
    expect((await toProvider(providerPid, 'urn:uuid:not-the-consumer-pid', 'termination', { '@type': 'TransferTerminationMessage' })).status).toBe(400);
    expect((await providerView(providerPid)).state).toBe('REQUESTED');
  });

  it('P09 termination by the consumer ends the process; a repeat is answered the same', async () => {
    const { providerPid, consumerPid } = await requested();
    const termination = { '@type': 'TransferTerminationMessage', code: 'changed-mind', reason: ['not needed'] };
    expect((await toProvider(providerPid, consumerPid, 'termination', termination)).status).toBe(200);
    expect(await providerView(providerPid)).toMatchObject({ state: 'TERMINATED', reason: 'changed-mind: not needed' });
    expect((await toProvider(providerPid, consumerPid, 'termination', termination)).status).toBe(200);
    expect((await env.dsp(consumer, provider, 'GET', `/transfers/${providerPid}`)).body.state).toBe('TERMINATED');
  });

  it('P10 termination by the provider (management API) is sent to the consumer\'s callbackAddress', async () => {
    const { providerPid, consumerPid } = await requested();
    expect((await env.fixture.management(provider, 'POST', `transferprocesses/${providerPid}/terminate`, { '@type': 'TerminateTransfer', reason: 'asset withdrawn' })).status).toBe(204);
    await env.fixture.waitForState(provider, `transferprocesses/${providerPid}`, ['TERMINATED'], 15_000);
    const [message] = tck.messages(`/transfers/${encodeURIComponent(consumerPid)}/termination`);
    expect(dspValidator.validate('TransferTerminationMessage', message.body)).toEqual({ valid: true, errors: [] });
    expect(message.body).toMatchObject({ providerPid, consumerPid, reason: ['asset withdrawn'] });
  });

  it('P11 a data plane that refuses the start ends the process, the consumer is told with the reason', async () => {
    // Registered by mistake at a URL that is no data plane (our own control plane answers 404 there): a refusal, not an outage.
    const refusing = await env.fixture.management(provider, 'POST', 'dataplanes', { '@id': 'dp-refusing', url: `${env.cp.url}/api/no-data-plane/dataflows`, allowedSourceTypes: ['HttpData'], allowedTransferTypes: ['HttpData-PUSH'] });
    expect(refusing.status).toBe(200);
    try {
      const consumerPid = `urn:uuid:${randomUUID()}`;
      const answer = await request({ consumerPid, format: 'HttpData-PUSH', dataAddress: { '@type': 'DataAddress', endpointType: 'HttpData', endpoint: 'https://sink.example.com' } });
      expect(answer.status).toBe(201);
      await env.fixture.waitForState(provider, `transferprocesses/${answer.body.providerPid}`, ['TERMINATED'], 15_000);
      const [message] = await eventually(async () => (tck.messages(`/transfers/${encodeURIComponent(consumerPid)}/termination`).length ? tck.messages(`/transfers/${encodeURIComponent(consumerPid)}/termination`) : undefined), 'termination sent');
      expect(dspValidator.validate('TransferTerminationMessage', message.body)).toEqual({ valid: true, errors: [] });
      expect(message.body.reason.join(' ')).toMatch(/HTTP 404/);
      expect((await providerView(answer.body.providerPid)).errorDetail).toMatch(/refused/);
      // The ended process's destination credentials are gone from the SecretStore.
      expect(await env.cp.app.get(DataAddressSecrets).get('provider', answer.body.providerPid, 'destination')).toBeUndefined();
    } finally {
      await env.fixture.management(provider, 'DELETE', 'dataplanes/dp-refusing');
    }
  });
});
