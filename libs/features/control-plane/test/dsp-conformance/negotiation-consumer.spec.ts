import { randomUUID } from 'crypto';
import { readFileSync } from 'fs';
import { dspValidator } from '@dsaas/protocol-dsp';
import { describeWithServices } from '@dsaas/testing';
import { TestCounterParty } from '../support/dsp-test-counter-party';
import { DspTestEnv } from '../support/dsp-test-env';
import { mgmtGet, mgmtPost, waitForNegotiationState } from '../support/negotiation-test-env';
import { DSP_CONTEXT, expectNegotiationError, received, startWithCounterParties, stopAll, tckSend } from '../support/negotiation-tck';

const OFFER = { '@id': 'offer-1', '@type': 'Offer', target: 'asset-x', permission: [{ action: 'use' }] };

/**
 * DSP 2025-1 contract negotiation, consumer side, modelled on the DSP TCK's ContractNegotiationConsumer scenarios:
 * our consumer context negotiates (started through management) with a test counter-party playing the provider,
 * which answers our messages and sends offers, agreements, events and terminations signed with its own DID.
 */
describeWithServices(['postgres', 'nats'], 'DSP negotiation conformance: consumer', () => {
  const tck = new TestCounterParty();
  const stranger = new TestCounterParty();
  let env: DspTestEnv;
  let consumerDid: string;
  const providerPids = new Map<string, string>();

  const toConsumer = (consumerPid: string, suffix: string, message: Record<string, unknown>, as = tck) =>
    tckSend(env, as, 'consumer', consumerDid, 'POST', `/negotiations/${consumerPid}/${suffix}`, { '@context': DSP_CONTEXT, providerPid: providerPids.get(consumerPid) ?? 'urn:uuid:p', consumerPid, ...message });
  const state = async (id: string) => (await mgmtGet(env, 'consumer', `contractnegotiations/${id}`)).body.state;
  const agreementFor = (overrides: Record<string, unknown> = {}) => ({
    '@id': `urn:uuid:${randomUUID()}`,
    '@type': 'Agreement',
    assigner: tck.did,
    assignee: consumerDid,
    target: 'asset-x',
    timestamp: new Date().toISOString(),
    permission: [{ action: 'use' }],
    ...overrides,
  });

  /** A negotiation our consumer started, REQUESTED at the counter-party (which answered with its providerPid). */
  async function requested(offer: Record<string, unknown> = OFFER): Promise<string> {
    const started = await mgmtPost(env, 'consumer', 'contractnegotiations', { '@type': 'ContractRequest', protocol: 'http-dsp-profile-2025-1', counterPartyAddress: tck.dspAddress, counterPartyId: tck.did, policy: offer });
    expect(started.status).toBe(200);
    const id = started.body['@id'];
    await waitForNegotiationState(env, 'consumer', id, 'REQUESTED');
    return id;
  }

  beforeAll(async () => {
    env = await startWithCounterParties('cn_consumer', [tck, stranger], { STATE_MACHINE_MAX_ATTEMPTS: '2', STATE_MACHINE_BACKOFF_BASE_MS: '50' });
    consumerDid = await env.createContext('consumer');
  }, 120_000);

  afterAll(() => stopAll(env, [tck, stranger]));

  beforeEach(() => {
    tck.received.length = 0;
    // The provider: answers an initial request with its ContractNegotiation, everything else with 200.
    tck.dspHandler = (message) => {
      if (message.path !== '/negotiations/request') return undefined;
      const providerPid = `urn:uuid:${randomUUID()}`;
      providerPids.set(message.body.consumerPid, providerPid);
      return { status: 201, body: { '@context': DSP_CONTEXT, '@type': 'ContractNegotiation', providerPid, consumerPid: message.body.consumerPid, state: 'REQUESTED' } };
    };
  });

  it('C01 happy path: request → agreement → verification sent → FINALIZED event → FINALIZED, agreement visible', async () => {
    const id = await requested();
    const request = await received(tck, '/negotiations/request');
    expect(dspValidator.validate('ContractRequestMessage', request.body)).toEqual({ valid: true, errors: [] });
    expect(request.body).toMatchObject({ consumerPid: id, offer: { '@id': 'offer-1', target: 'asset-x' }, callbackAddress: expect.stringMatching(/\/api\/dsp\/consumer\/2025-1$/) });
    expect((await mgmtGet(env, 'consumer', `contractnegotiations/${id}`)).body.correlationId).toBe(providerPids.get(id));

    const agreement = agreementFor();
    const sent = { '@type': 'ContractAgreementMessage', agreement };
    expect((await toConsumer(id, 'agreement', sent)).status).toBe(200);
    const verification = await received(tck, `/negotiations/${providerPids.get(id)}/agreement/verification`);
    expect(dspValidator.validate('ContractAgreementVerificationMessage', verification.body)).toEqual({ valid: true, errors: [] });
    await waitForNegotiationState(env, 'consumer', id, 'VERIFIED');
    // The agreement again (a retry) is answered 200 and changes nothing.
    expect((await toConsumer(id, 'agreement', sent)).status).toBe(200);
    expect(await state(id)).toBe('VERIFIED');

    expect((await toConsumer(id, 'events', { '@type': 'ContractNegotiationEventMessage', eventType: 'FINALIZED' })).status).toBe(200);
    expect(await state(id)).toBe('FINALIZED');
    const stored = await mgmtGet(env, 'consumer', `contractagreements/${encodeURIComponent(agreement['@id'])}`);
    expect(stored.body).toMatchObject({ providerId: tck.did, consumerId: consumerDid, assetId: 'asset-x', policy: { '@id': agreement['@id'], assigner: tck.did } });
    const got = await tckSend(env, tck, 'consumer', consumerDid, 'GET', `/negotiations/${id}`);
    expect(dspValidator.validate('ContractNegotiation', got.body)).toEqual({ valid: true, errors: [] });
    expect(got.body.state).toBe('FINALIZED');
  });

  it('C02 a counter-offer equal to the request is accepted (ACCEPTED event), then agreed and finalized', async () => {
    const id = await requested();
    expect((await toConsumer(id, 'offers', { '@type': 'ContractOfferMessage', offer: { ...OFFER, '@id': 'offer-2' } })).status).toBe(200);
    const accepted = await received(tck, `/negotiations/${providerPids.get(id)}/events`);
    expect(dspValidator.validate('ContractNegotiationEventMessage', accepted.body)).toEqual({ valid: true, errors: [] });
    expect(accepted.body.eventType).toBe('ACCEPTED');
    await waitForNegotiationState(env, 'consumer', id, 'ACCEPTED');
    expect((await toConsumer(id, 'agreement', { '@type': 'ContractAgreementMessage', agreement: agreementFor() })).status).toBe(200);
    await waitForNegotiationState(env, 'consumer', id, 'VERIFIED');
    expect((await toConsumer(id, 'events', { '@type': 'ContractNegotiationEventMessage', eventType: 'FINALIZED' })).status).toBe(200);
    expect(await state(id)).toBe('FINALIZED');
  });

  it('C03 a different counter-offer waits (OFFERED); the consumer terminates it and the provider is told', async () => {
    const id = await requested();
    const other = { ...OFFER, '@id': 'offer-3', permission: [{ action: 'use', constraint: [{ leftOperand: 'dateTime', operator: 'lteq', rightOperand: '2030-01-01T00:00:00Z' }] }] };
    expect((await toConsumer(id, 'offers', { '@type': 'ContractOfferMessage', offer: other })).status).toBe(200);
    expect(await state(id)).toBe('OFFERED');
    expect((await mgmtPost(env, 'consumer', `contractnegotiations/${id}/terminate`, { '@type': 'TerminateNegotiation', reason: 'too restrictive' })).status).toBe(204);
    const termination = await received(tck, `/negotiations/${providerPids.get(id)}/termination`);
    expect(dspValidator.validate('ContractNegotiationTerminationMessage', termination.body)).toEqual({ valid: true, errors: [] });
    expect(termination.body.reason).toEqual(['too restrictive']);
    await waitForNegotiationState(env, 'consumer', id, 'TERMINATED');
    expect((await mgmtPost(env, 'consumer', `contractnegotiations/${id}/terminate`)).status).toBe(204);
  });

  it('C04 the provider terminates a REQUESTED and an AGREED negotiation: TERMINATED with its reason; again → 200', async () => {
    const id = await requested();
    const termination = { '@type': 'ContractNegotiationTerminationMessage', code: 'rejected', reason: ['not eligible'] };
    expect((await toConsumer(id, 'termination', termination)).status).toBe(200);
    expect((await mgmtGet(env, 'consumer', `contractnegotiations/${id}`)).body).toMatchObject({ state: 'TERMINATED', reason: 'rejected: not eligible' });
    expect((await toConsumer(id, 'termination', termination)).status).toBe(200);

    const agreed = await requested();
    const agreement = agreementFor();
    expect((await toConsumer(agreed, 'agreement', { '@type': 'ContractAgreementMessage', agreement })).status).toBe(200);
    await waitForNegotiationState(env, 'consumer', agreed, 'VERIFIED');
    expect((await toConsumer(agreed, 'termination', termination)).status).toBe(200);
    expect(await state(agreed)).toBe('TERMINATED');
    expect((await mgmtGet(env, 'consumer', `contractagreements/${encodeURIComponent(agreement['@id'])}`)).status).toBe(404);
  });

  it('C05 out-of-order and wrong messages are 400 ContractNegotiationErrors and change nothing', async () => {
    const id = await requested();
    // FINALIZED before any agreement (and a verification is the provider's to receive).
    expectNegotiationError(await toConsumer(id, 'events', { '@type': 'ContractNegotiationEventMessage', eventType: 'FINALIZED' }), 400);
    expectNegotiationError(await toConsumer(id, 'events', { '@type': 'ContractNegotiationEventMessage', eventType: 'ACCEPTED' }), 400);
    expectNegotiationError(await toConsumer(id, 'agreement/verification', { '@type': 'ContractAgreementVerificationMessage' }), 400);
    expectNegotiationError(await toConsumer(id, 'request', { '@type': 'ContractRequestMessage', offer: OFFER }), 400);
    // Agreements that do not bind what was negotiated.
    for (const agreement of [agreementFor({ assignee: 'did:web:someone-else' }), agreementFor({ assigner: stranger.did }), agreementFor({ target: 'asset-y' }), agreementFor({ permission: [{ action: 'use', constraint: [{ leftOperand: 'spatial', operator: 'eq', rightOperand: 'EU' }] }] })]) {
      expect(expectNegotiationError(await toConsumer(id, 'agreement', { '@type': 'ContractAgreementMessage', agreement }), 400).code).toBe('negotiation_refused');
    }
    // Mismatched providerPid.
    expectNegotiationError(await toConsumer(id, 'termination', { '@type': 'ContractNegotiationTerminationMessage', code: 'x', providerPid: 'urn:uuid:other' }), 400);
    expect(await state(id)).toBe('REQUESTED');
    expect((await mgmtGet(env, 'consumer', `contractnegotiations/${id}/agreement`)).status).toBe(404);
  });

  it('C06 an agreement for an unknown pid, and any message from another party, get the same 404', async () => {
    const id = await requested();
    const agreement = { '@type': 'ContractAgreementMessage', agreement: agreementFor() };
    for (const answer of [await toConsumer('urn:uuid:unknown', 'agreement', agreement), await toConsumer(id, 'agreement', agreement, stranger), await tckSend(env, stranger, 'consumer', consumerDid, 'GET', `/negotiations/${id}`)]) {
      expect(expectNegotiationError(answer, 404).code).toBe('not_found');
    }
    expect(await state(id)).toBe('REQUESTED');
  });

  it('C08 the official agreement and event examples are accepted (pids and parties replaced)', async () => {
    const example = (file: string) => JSON.parse(readFileSync(`/work/shared/specs/dsp-2025-1/examples/negotiation/${file}`, 'utf8'));
    const id = await requested();
    const pids = { providerPid: providerPids.get(id)!, consumerPid: id };
    const message = example('contract-agreement-message.json');
    const agreement = { ...message.agreement, assigner: tck.did, assignee: consumerDid, target: 'asset-x', permission: [{ action: 'use' }] };
    expect((await tckSend(env, tck, 'consumer', consumerDid, 'POST', `/negotiations/${id}/agreement`, { ...message, ...pids, agreement })).status).toBe(200);
    await waitForNegotiationState(env, 'consumer', id, 'VERIFIED');
    const event = { ...example('contract-negotiation-event-message.json'), ...pids, eventType: 'FINALIZED' };
    expect((await tckSend(env, tck, 'consumer', consumerDid, 'POST', `/negotiations/${id}/events`, event)).status).toBe(200);
    expect(await state(id)).toBe('FINALIZED');
  });

  it('C07 a provider refusing the request ends the negotiation TERMINATED with its reason (no retries)', async () => {
    tck.dspHandler = (message) =>
      message.path === '/negotiations/request'
        ? { status: 400, body: { '@context': DSP_CONTEXT, '@type': 'ContractNegotiationError', providerPid: '', consumerPid: message.body.consumerPid, code: 'offer_unknown', reason: ['no such offer'] } }
        : undefined;
    const started = await mgmtPost(env, 'consumer', 'contractnegotiations', { '@type': 'ContractRequest', protocol: 'http-dsp-profile-2025-1', counterPartyAddress: tck.dspAddress, counterPartyId: tck.did, policy: OFFER });
    const ended = await waitForNegotiationState(env, 'consumer', started.body['@id'], 'TERMINATED').catch(() => mgmtGet(env, 'consumer', `contractnegotiations/${started.body['@id']}`).then((r) => r.body));
    expect(ended.state).toBe('TERMINATED');
    expect(ended.errorDetail).toContain('no such offer');
    expect(tck.received.filter((m) => m.path === '/negotiations/request')).toHaveLength(1);
  });
});
