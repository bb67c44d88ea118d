import { randomUUID } from 'crypto';
import { dspValidator } from '@dsaas/protocol-dsp';
import { describeWithServices, Participant } from '@dsaas/testing';
import { TestCounterParty } from '../support/dsp-test-counter-party';
import { DSP_CONTEXT, startTransferTestEnv, TransferTestEnv } from '../support/transfer-test-env';

const EDR = {
  '@type': 'DataAddress',
  endpointType: 'https://w3id.org/idsa/v4.1/HTTP',
  endpoint: 'https://dp.provider.example/api/public',
  endpointProperties: [
    { '@type': 'EndpointProperty', name: 'authorization', value: 'edr-token-0123456789' },
    { '@type': 'EndpointProperty', name: 'authType', value: 'bearer' },
  ],
};

/**
 * DSP 2025-1 transfer process, consumer side, as the TCK's consumer scenarios drive it. Our consumer context
 * `consumer` holds an agreement with the hosted context `provider` (negotiated for real); the provider's DSP
 * endpoint is a recorder (TestCounterParty) that acknowledges the request, and the provider's messages to our
 * consumer are sent by the test, signed as the provider context (its identity hub's STS).
 */
describeWithServices(['postgres', 'nats'], 'DSP transfer conformance: consumer', () => {
  const tck = new TestCounterParty();
  let env: TransferTestEnv;
  let consumer: Participant;
  let provider: Participant;
  let stranger: Participant;
  let agreementId: string;
  const providerPids = new Map<string, string>();

  const mgmt = (method: string, path: string, body?: unknown) => env.fixture.management(consumer, method, `transferprocesses${path}`, body as object);
  const state = async (id: string) => (await mgmt('GET', `/${id}`)).body.state as string;
  const waitFor = (id: string, states: string[]) => env.fixture.waitForState(consumer, `transferprocesses/${id}`, states, 15_000);
  const fromProvider = (consumerPid: string, suffix: string, message: Record<string, unknown>, as: Participant = provider) =>
    env.dsp(as, consumer, 'POST', `/transfers/${consumerPid}/${suffix}`, { '@context': DSP_CONTEXT, providerPid: providerPids.get(consumerPid) ?? 'urn:uuid:unknown', consumerPid, ...message });

  /** A consumer transfer acknowledged by the provider (REQUESTED); answers our pid. */
  async function requested(transferType = 'HttpData-PULL', extra: object = {}): Promise<string> {
    const answer = await mgmt('POST', '', {
      '@type': 'TransferRequest',
      protocol: 'http-dsp-profile-2025-1',
      counterPartyAddress: tck.dspAddress,
      counterPartyId: provider.did,
      contractId: agreementId,
      transferType,
      ...extra,
    });
    expect(answer.status).toBe(200);
    const id = answer.body['@id'];
    await waitFor(id, ['REQUESTED']);
    return id;
  }

  async function started(): Promise<string> {
    const id = await requested();
    expect((await fromProvider(id, 'start', { '@type': 'TransferStartMessage', dataAddress: EDR })).status).toBe(200);
    expect(await state(id)).toBe('STARTED');
    return id;
  }

  beforeAll(async () => {
    await tck.start();
    env = await startTransferTestEnv('tp_consumer');
    consumer = await env.participant('consumer');
    provider = await env.participant('provider');
    stranger = await env.participant('stranger');
    agreementId = await env.agreement(consumer, provider, 'asset-c');
    tck.dspHandler = (message) => {
      if (message.method === 'POST' && message.path === '/transfers/request') {
        const providerPid = `urn:uuid:${randomUUID()}`;
        providerPids.set(message.body.consumerPid, providerPid);
        return { status: 201, body: { '@context': DSP_CONTEXT, '@type': 'TransferProcess', providerPid, consumerPid: message.body.consumerPid, state: 'REQUESTED' } };
      }
      return undefined;
    };
  }, 120_000);

  afterAll(async () => {
    await env?.stop();
    await tck.stop();
  });

  it('sends a schema-valid TransferRequestMessage (format, agreementId, callbackAddress = its DSP base) and is REQUESTED with the providerPid', async () => {
    const id = await requested();
    const [request] = tck.messages('/transfers/request').filter((m) => m.body.consumerPid === id);
    expect(dspValidator.validate('TransferRequestMessage', request.body)).toEqual({ valid: true, errors: [] });
    expect(request.body).toMatchObject({ agreementId, format: 'HttpData-PULL', callbackAddress: expect.stringMatching(/\/api\/dsp\/consumer\/2025-1$/) });
    const process = (await mgmt('GET', `/${id}`)).body;
    expect(process).toMatchObject({ '@type': 'TransferProcess', type: 'CONSUMER', state: 'REQUESTED', correlationId: providerPids.get(id), contractId: agreementId, assetId: 'asset-c' });
  });

  it('C01 happy path pull: the start carries the EDR; it is served to the owner only through the EDR API, never in the process', async () => {
    const id = await started();
    expect((await env.dsp(provider, consumer, 'GET', `/transfers/${id}`)).body).toMatchObject({ '@type': 'TransferProcess', state: 'STARTED', consumerPid: id });
    expect(JSON.stringify((await mgmt('GET', `/${id}`)).body)).not.toContain('edr-token-0123456789');
    const edr = await env.fixture.management(consumer, 'GET', `edrs/${id}/dataaddress`);
    expect(edr.status).toBe(200);
    expect(edr.body).toMatchObject({ '@type': 'DataAddress', endpoint: EDR.endpoint, authorization: 'edr-token-0123456789', authType: 'bearer' });
    const entries = await env.fixture.management(consumer, 'POST', 'edrs/request', { filterExpression: [{ operandLeft: 'id', operator: '=', operandRight: id }] });
    expect(entries.body).toEqual([expect.objectContaining({ '@type': 'EndpointDataReferenceEntry', transferProcessId: id, agreementId, assetId: 'asset-c', providerId: provider.did })]);
    // Another participant's token never reaches it.
    const other = await env.token({ role: 'participant', participantContextId: 'provider', scopes: ['management-api:read'] });
    expect((await fetch(`${env.cp.url}/api/mgmt/v4alpha/participants/consumer/edrs/${id}/dataaddress`, { headers: { authorization: `Bearer ${other}` } })).status).toBe(404);
    // A retried start is answered the same and changes nothing.
    expect((await fromProvider(id, 'start', { '@type': 'TransferStartMessage', dataAddress: EDR })).status).toBe(200);
  });

  it('C02 suspension by the provider, then restart by the provider (new EDR); the EDR is not served while suspended', async () => {
    const id = await started();
    expect((await fromProvider(id, 'suspension', { '@type': 'TransferSuspensionMessage', code: 'maintenance', reason: ['window'] })).status).toBe(200);
    expect(await state(id)).toBe('SUSPENDED');
    expect((await env.fixture.management(consumer, 'GET', `edrs/${id}/dataaddress`)).status).toBe(404);
    const renewed = { ...EDR, endpointProperties: [{ '@type': 'EndpointProperty', name: 'authorization', value: 'renewed-token' }] };
    expect((await fromProvider(id, 'start', { '@type': 'TransferStartMessage', dataAddress: renewed })).status).toBe(200);
    expect(await state(id)).toBe('STARTED');
    expect((await env.fixture.management(consumer, 'GET', `edrs/${id}/dataaddress`)).body.authorization).toBe('renewed-token');
  });

  it('C03 suspension and resume by the consumer: suspension message, then a start without address, STARTED again on the provider\'s start', async () => {
    const id = await started();
    expect((await mgmt('POST', `/${id}/suspend`, { '@type': 'SuspendTransfer', reason: 'pause' })).status).toBe(204);
    await waitFor(id, ['SUSPENDED']);
    const [suspension] = tck.messages(`/transfers/${encodeURIComponent(providerPids.get(id)!)}/suspension`);
    expect(dspValidator.validate('TransferSuspensionMessage', suspension.body)).toEqual({ valid: true, errors: [] });
    expect(suspension.body).toMatchObject({ consumerPid: id, providerPid: providerPids.get(id), reason: ['pause'] });
    expect((await mgmt('POST', `/${id}/resume`)).status).toBe(204);
    await waitFor(id, ['RESUME_REQUESTED']);
    const [restart] = tck.messages(`/transfers/${encodeURIComponent(providerPids.get(id)!)}/start`);
    expect(dspValidator.validate('TransferStartMessage', restart.body)).toEqual({ valid: true, errors: [] });
    expect(restart.body.dataAddress).toBeUndefined();
    expect((await fromProvider(id, 'start', { '@type': 'TransferStartMessage', dataAddress: EDR })).status).toBe(200);
    expect(await state(id)).toBe('STARTED');
  });

  it('C04 completion by the provider; a later termination is out of order (400, stays COMPLETED)', async () => {
    const id = await started();
    expect((await fromProvider(id, 'completion', { '@type': 'TransferCompletionMessage' })).status).toBe(200);
    expect(await state(id)).toBe('COMPLETED');
    expect((await fromProvider(id, 'completion', { '@type': 'TransferCompletionMessage' })).status).toBe(200);
    const late = await fromProvider(id, 'termination', { '@type': 'TransferTerminationMessage', code: 'x' });
    expect(late.status).toBe(400);
    expect(dspValidator.validate('TransferError', late.body)).toEqual({ valid: true, errors: [] });
    expect(await state(id)).toBe('COMPLETED');
    expect((await env.fixture.management(consumer, 'GET', `edrs/${id}/dataaddress`)).status).toBe(404);
  });

  it('C05 termination by the provider (REQUESTED and STARTED), and by the consumer (the provider is told)', async () => {
    const early = await requested();
    expect((await fromProvider(early, 'termination', { '@type': 'TransferTerminationMessage', code: 'policy', reason: ['no'] })).status).toBe(200);
    expect((await mgmt('GET', `/${early}`)).body).toMatchObject({ state: 'TERMINATED', reason: 'policy: no' });
    const running = await started();
    expect((await mgmt('POST', `/${running}/terminate`, { '@type': 'TerminateTransfer', reason: 'done with it' })).status).toBe(204);
    await waitFor(running, ['TERMINATED']);
    const [termination] = tck.messages(`/transfers/${encodeURIComponent(providerPids.get(running)!)}/termination`);
    expect(dspValidator.validate('TransferTerminationMessage', termination.body)).toEqual({ valid: true, errors: [] });
    expect(termination.body.reason).toEqual(['done with it']);
    expect((await mgmt('POST', `/${running}/terminate`)).status).toBe(409);
  });

  it('C06 out-of-order messages are 400 TransferErrors and change nothing', async () => {
    const id = await requested();
    for (const [suffix, type] of [['completion', 'TransferCompletionMessage'], ['suspension', 'TransferSuspensionMessage']]) {
      const answer = await fromProvider(id, suffix, { '@type': type });
      expect(answer.status).toBe(400);
      expect(dspValidator.validate('TransferError', answer.body)).toEqual({ valid: true, errors: [] });
    }
    expect((await fromProvider(id, 'start', { '@type': 'TransferStartMessage' })).status).toBe(400); // a pull start needs the EDR
    const mismatched = await env.dsp(provider, consumer, 'POST', `/transfers/${id}/start`, { '@context': DSP_CONTEXT, '@type': 'TransferStartMessage', providerPid: 'urn:uuid:other', consumerPid: id, dataAddress: EDR });
    expect(mismatched.status).toBe(400);
    expect(await state(id)).toBe('REQUESTED');
  });

  it('C07 an unknown pid, and a caller that is not the provider of the process, get the same 404 TransferError', async () => {
    const id = await requested();
    const unknown = await fromProvider('urn:uuid:nobody', 'start', { '@type': 'TransferStartMessage', dataAddress: EDR });
    const wrongCaller = await fromProvider(id, 'start', { '@type': 'TransferStartMessage', dataAddress: EDR }, stranger);
    // A caller from outside the platform (its own DID and key) that is not the provider either.
    tck.presentMembership = false;
    const tckCaller = await fetch(`${consumer.dspAddress}/transfers/${id}`, { headers: { authorization: `Bearer ${await tck.token(consumer.did)}` } });
    for (const answer of [unknown, wrongCaller]) {
      expect(answer.status).toBe(404);
      expect(dspValidator.validate('TransferError', answer.body)).toEqual({ valid: true, errors: [] });
    }
    expect(tckCaller.status).toBe(404);
    expect(await state(id)).toBe('REQUESTED');
  });

  it('C08 refuses malformed messages with 400 TransferError', async () => {
    const id = await requested();
    const cases = [
      { '@context': DSP_CONTEXT, '@type': 'TransferCompletionMessage', providerPid: providerPids.get(id) },
      { '@context': DSP_CONTEXT, '@type': 'TransferRequestMessage', providerPid: providerPids.get(id), consumerPid: id },
      { '@type': 'TransferStartMessage', providerPid: providerPids.get(id), consumerPid: id },
    ];
    for (const body of cases) {
      const answer = await env.dsp(provider, consumer, 'POST', `/transfers/${id}/start`, body);
      expect(answer.status).toBe(400);
      expect(answer.body['@type']).toBe('TransferError');
    }
    expect(await state(id)).toBe('REQUESTED');
  });

  it('C09 a provider refusing the request ends the process TERMINATED with its reason', async () => {
    const handler = tck.dspHandler;
    tck.dspHandler = (message) =>
      message.path === '/transfers/request'
        ? { status: 400, body: { '@context': DSP_CONTEXT, '@type': 'TransferError', providerPid: '', consumerPid: message.body.consumerPid, code: 'refused', reason: ['no agreement'] } }
        : handler(message);
    try {
      const answer = await mgmt('POST', '', { '@type': 'TransferRequest', protocol: 'http-dsp-profile-2025-1', counterPartyAddress: tck.dspAddress, contractId: agreementId, transferType: 'HttpData-PULL' });
      const done = await waitFor(answer.body['@id'], ['TERMINATED']);
      expect(done.errorDetail).toContain('no agreement');
    } finally {
      tck.dspHandler = handler;
    }
  });

  it('refuses bad management requests with 400 problems and stores nothing', async () => {
    const before = (await mgmt('POST', '/request', {})).body.length;
    const base = { '@type': 'TransferRequest', protocol: 'http-dsp-profile-2025-1', counterPartyAddress: tck.dspAddress, contractId: agreementId, transferType: 'HttpData-PULL' };
    const cases: unknown[] = [
      { ...base, contractId: 'no-such-agreement' },
      { ...base, protocol: 'dataspace-protocol-http' },
      { ...base, counterPartyAddress: 'ftp://x' },
      { ...base, counterPartyId: 'did:web:someone-else' },
      { ...base, transferType: 'HttpData-PUSH' },
      { ...base, dataDestination: { baseUrl: 'https://sink.example.com' } },
      { ...base, unknownField: 1 },
      { ...base, contractId: 42 },
      [base],
    ];
    for (const body of cases) {
      const answer = await env.fixture.management(consumer, 'POST', 'transferprocesses', body as object);
      expect([answer.status, answer.headers.get('content-type')]).toEqual([400, expect.stringContaining('application/problem+json')]);
    }
    expect((await mgmt('POST', '/request', {})).body.length).toBe(before);
    expect((await mgmt('POST', '/no-such-id/suspend', {})).status).toBe(404);
  });

  it('C10 push: the destination goes to the provider in the request; its credentials are not shown by the management API', async () => {
    const id = await requested('HttpData-PUSH', { dataDestination: { type: 'HttpData', baseUrl: 'https://sink.consumer.example/in', authorization: 'sink-secret' } });
    const [request] = tck.messages('/transfers/request').filter((m) => m.body.consumerPid === id);
    expect(dspValidator.validate('TransferRequestMessage', request.body)).toEqual({ valid: true, errors: [] });
    expect(request.body.dataAddress).toMatchObject({ '@type': 'DataAddress', endpointType: 'HttpData', endpoint: 'https://sink.consumer.example/in' });
    expect(request.body.dataAddress.endpointProperties).toContainEqual({ '@type': 'EndpointProperty', name: 'authorization', value: 'sink-secret' });
    const shown = (await mgmt('GET', `/${id}`)).body;
    expect(shown.dataDestination).toMatchObject({ type: 'HttpData', endpoint: 'https://sink.consumer.example/in', authorization: '(secret)' });
    expect((await fromProvider(id, 'start', { '@type': 'TransferStartMessage' })).status).toBe(200);
    expect(await state(id)).toBe('STARTED');
    const pushes = await mgmt('POST', '/request', { filterExpression: [{ operandLeft: 'transferType', operator: '=', operandRight: 'HttpData-PUSH' }] });
    expect(pushes.body.map((p: { '@id': string }) => p['@id'])).toContain(id);
  });
});
