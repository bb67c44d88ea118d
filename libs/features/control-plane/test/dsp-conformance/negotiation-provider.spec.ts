import { randomUUID } from 'crypto';
import { readFileSync } from 'fs';
import { dspValidator } from '@dsaas/protocol-dsp';
import { describeWithServices } from '@dsaas/testing';
import { TestCounterParty } from '../support/dsp-test-counter-party';
import { call, DspTestEnv } from '../support/dsp-test-env';
import { catalogOffers, mgmtGet, mgmtPost, publishOffer } from '../support/negotiation-test-env';
import { DSP_CONTEXT, expectNegotiationError, received, startWithCounterParties, stopAll, tckSend } from '../support/negotiation-tck';

const MEMBER_ONLY = {
  '@type': 'Set',
  permission: [{ action: 'use', constraint: [{ leftOperand: 'FullMembership', operator: 'eq', rightOperand: 'true' }] }],
};

/**
 * DSP 2025-1 contract negotiation, provider side, modelled on the DSP TCK's ContractNegotiationProvider scenarios:
 * a test counter-party (own did:web DID, credential issuer, credential service) drives our provider context with
 * signed DSP messages; what our provider sends back lands at the counter-party's callbackAddress.
 */
describeWithServices(['postgres', 'nats'], 'DSP negotiation conformance: provider', () => {
  const tck = new TestCounterParty();
  const stranger = new TestCounterParty();
  let env: DspTestEnv;
  let providerDid: string;
  let openOffer: any;
  let memberOffer: any;

  const send = (method: 'GET' | 'POST', path: string, body?: Record<string, unknown>, as = tck) => tckSend(env, as, 'provider', providerDid, method, path, body);
  const requestMessage = (offer: any, consumerPid = `urn:uuid:${randomUUID()}`) => ({
    '@context': DSP_CONTEXT,
    '@type': 'ContractRequestMessage',
    consumerPid,
    offer,
    callbackAddress: tck.dspAddress,
  });
  const toProvider = (providerPid: string, consumerPid: string, suffix: string, message: Record<string, unknown>, as = tck) =>
    send('POST', `/negotiations/${providerPid}/${suffix}`, { '@context': DSP_CONTEXT, providerPid, consumerPid, ...message }, as);
  const negotiations = async () => (await mgmtPost(env, 'provider', 'contractnegotiations/request')).body.length as number;
  const providerState = async (providerPid: string) => (await mgmtGet(env, 'provider', `contractnegotiations/${providerPid}`)).body.state;

  async function requested(offer = openOffer): Promise<{ providerPid: string; consumerPid: string }> {
    const message = requestMessage(offer);
    const answer = await send('POST', '/negotiations/request', message);
    expect(answer.status).toBe(201);
    return { providerPid: answer.body.providerPid, consumerPid: message.consumerPid };
  }

  async function waitFor(providerPid: string, state: string): Promise<void> {
    const deadline = Date.now() + 10_000;
    while ((await providerState(providerPid)) !== state) {
      if (Date.now() > deadline) throw new Error(`provider negotiation ${providerPid} is ${await providerState(providerPid)}, expected ${state}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  beforeAll(async () => {
    env = await startWithCounterParties('cn_provider', [tck, stranger]);
    providerDid = await env.createContext('provider');
    await env.createContext('consumer');
    // A CEL expression decides `FullMembership` on a claim of the caller's MembershipCredential.
    const cel = await call(env.cp.url, 'POST', '/api/mgmt/v4alpha/celexpressions', {
      token: env.admin,
      body: {
        '@context': ['https://w3id.org/edc/connector/management/v2'],
        '@id': 'full-membership',
        leftOperand: 'FullMembership',
        expression: "ctx.agent.claims.vc.exists(c, c.type.exists(t, t == 'MembershipCredential') && c.credentialSubject.exists(s, s.membership.membershipType == 'FullMember'))",
        scopes: ['contract.negotiation'],
      },
    });
    expect(cel.status).toBe(200);
    await publishOffer(env, 'provider', 'cd-open', ['asset-open']);
    await publishOffer(env, 'provider', 'cd-member', ['asset-member'], MEMBER_ONLY);
    [openOffer] = await catalogOffers(env, 'consumer', 'provider', providerDid, 'asset-open');
    [memberOffer] = await catalogOffers(env, 'consumer', 'provider', providerDid, 'asset-member');
    openOffer = { ...openOffer, target: 'asset-open' };
    memberOffer = { ...memberOffer, target: 'asset-member' };
  }, 120_000);

  afterAll(() => stopAll(env, [tck, stranger]));

  beforeEach(() => {
    tck.presentMembership = true;
    tck.received.length = 0;
    tck.dspHandler = () => undefined;
  });

  it('P01 happy path: request → 201 REQUESTED; agreement to the callbackAddress; verification → FINALIZED event; FINALIZED', async () => {
    const message = requestMessage(openOffer);
    const answer = await send('POST', '/negotiations/request', message);
    expect(answer.status).toBe(201);
    expect(dspValidator.validate('ContractNegotiation', answer.body)).toEqual({ valid: true, errors: [] });
    expect(answer.body).toMatchObject({ '@type': 'ContractNegotiation', consumerPid: message.consumerPid, state: 'REQUESTED', providerPid: expect.any(String) });
    const { providerPid } = answer.body;

    const agreementMessage = await received(tck, `/negotiations/${message.consumerPid}/agreement`);
    expect(agreementMessage.authorization).toMatch(/^Bearer /);
    expect(dspValidator.validate('ContractAgreementMessage', agreementMessage.body)).toEqual({ valid: true, errors: [] });
    const agreement = agreementMessage.body.agreement;
    expect(agreementMessage.body).toMatchObject({ providerPid, consumerPid: message.consumerPid });
    expect(agreement).toMatchObject({ '@type': 'Agreement', assigner: providerDid, assignee: tck.did, target: 'asset-open', permission: [{ action: 'use' }] });
    await waitFor(providerPid, 'AGREED');
    const got = await send('GET', `/negotiations/${providerPid}`);
    expect(got.status).toBe(200);
    expect(dspValidator.validate('ContractNegotiation', got.body)).toEqual({ valid: true, errors: [] });
    expect(got.body.state).toBe('AGREED');

    expect((await toProvider(providerPid, message.consumerPid, 'agreement/verification', { '@type': 'ContractAgreementVerificationMessage' })).status).toBe(200);
    const finalized = await received(tck, `/negotiations/${message.consumerPid}/events`);
    expect(dspValidator.validate('ContractNegotiationEventMessage', finalized.body)).toEqual({ valid: true, errors: [] });
    expect(finalized.body).toMatchObject({ eventType: 'FINALIZED', providerPid, consumerPid: message.consumerPid });
    await waitFor(providerPid, 'FINALIZED');
    expect((await send('GET', `/negotiations/${providerPid}`)).body.state).toBe('FINALIZED');
    // The verification again (a retry) changes nothing.
    expect((await toProvider(providerPid, message.consumerPid, 'agreement/verification', { '@type': 'ContractAgreementVerificationMessage' })).status).toBe(200);
    expect(tck.received.filter((m) => m.path.endsWith('/events'))).toHaveLength(1);
    const stored = await mgmtGet(env, 'provider', `contractagreements/${encodeURIComponent(agreement['@id'])}`);
    expect(stored.body).toMatchObject({ consumerId: tck.did, providerId: providerDid, assetId: 'asset-open' });
  });

  it('P02 a retried request answers the same negotiation; a reused consumerPid with another offer is refused', async () => {
    const message = requestMessage(openOffer);
    const first = await send('POST', '/negotiations/request', message);
    const again = await send('POST', '/negotiations/request', message);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.providerPid).toBe(first.body.providerPid);
    const before = await negotiations();
    expectNegotiationError(await send('POST', '/negotiations/request', { ...message, offer: { ...memberOffer } }), 400);
    expect(await negotiations()).toBe(before);
  });

  it('P03 refuses offers that are not ours, changed, or for another asset with 400 and stores nothing', async () => {
    const before = await negotiations();
    const cases = [
      { ...openOffer, '@id': 'urn:uuid:made-up' },
      { ...openOffer, permission: [{ action: 'use', constraint: [{ leftOperand: 'spatial', operator: 'eq', rightOperand: 'anywhere' }] }] },
      { ...openOffer, target: 'asset-member' },
      { ...memberOffer, permission: [{ action: 'use' }] },
    ];
    for (const offer of cases) {
      const error = expectNegotiationError(await send('POST', '/negotiations/request', requestMessage(offer)), 400);
      expect(error.code).toBe('negotiation_refused');
    }
    expect(await negotiations()).toBe(before);
  });

  it('P04 the contract policy (a CEL expression on a credential claim) allows a FullMember and refuses a caller without the credential', async () => {
    const { providerPid } = await requested(memberOffer);
    await waitFor(providerPid, 'AGREED');
    tck.presentMembership = false;
    const before = await negotiations();
    const error = expectNegotiationError(await send('POST', '/negotiations/request', requestMessage(memberOffer)), 400);
    expect(error.reason.join(' ')).toMatch(/contract policy/i);
    expect(await negotiations()).toBe(before);
  });

  it('P05 the consumer terminates in REQUESTED/AGREED: TERMINATED; again → 200; after FINALIZED → 400', async () => {
    const { providerPid, consumerPid } = await requested();
    await waitFor(providerPid, 'AGREED');
    const termination = { '@type': 'ContractNegotiationTerminationMessage', code: 'changed-mind', reason: ['no longer needed'] };
    expect((await toProvider(providerPid, consumerPid, 'termination', termination)).status).toBe(200);
    expect(await providerState(providerPid)).toBe('TERMINATED');
    expect((await toProvider(providerPid, consumerPid, 'termination', termination)).status).toBe(200);
    expect((await mgmtGet(env, 'provider', `contractnegotiations/${providerPid}`)).body.reason).toContain('no longer needed');
    // A terminated negotiation leaves no agreement in force.
    expect((await mgmtGet(env, 'provider', `contractnegotiations/${providerPid}/agreement`)).status).toBe(404);

    const done = await requested();
    await waitFor(done.providerPid, 'AGREED');
    expect((await toProvider(done.providerPid, done.consumerPid, 'agreement/verification', { '@type': 'ContractAgreementVerificationMessage' })).status).toBe(200);
    await waitFor(done.providerPid, 'FINALIZED');
    expectNegotiationError(await toProvider(done.providerPid, done.consumerPid, 'termination', termination), 400);
    expect(await providerState(done.providerPid)).toBe('FINALIZED');
  });

  it('P06 the provider terminates through management: the termination reaches the consumer', async () => {
    tck.dspHandler = (message) => (message.path.endsWith('/agreement') ? { status: 503 } : undefined);
    const { providerPid, consumerPid } = await requested();
    await waitFor(providerPid, 'AGREEING');
    expect((await mgmtPost(env, 'provider', `contractnegotiations/${providerPid}/terminate`, { '@type': 'TerminateNegotiation', reason: 'stock sold out' })).status).toBe(204);
    const termination = await received(tck, `/negotiations/${consumerPid}/termination`);
    expect(dspValidator.validate('ContractNegotiationTerminationMessage', termination.body)).toEqual({ valid: true, errors: [] });
    expect(termination.body.reason).toEqual(['stock sold out']);
    await waitFor(providerPid, 'TERMINATED');
  });

  it('P07 out-of-order messages are 400 ContractNegotiationErrors and change nothing', async () => {
    const { providerPid, consumerPid } = await requested();
    await waitFor(providerPid, 'AGREED');
    // ACCEPTED answers an offer the provider never made; FINALIZED and agreements come from providers.
    expectNegotiationError(await toProvider(providerPid, consumerPid, 'events', { '@type': 'ContractNegotiationEventMessage', eventType: 'ACCEPTED' }), 400);
    expectNegotiationError(await toProvider(providerPid, consumerPid, 'events', { '@type': 'ContractNegotiationEventMessage', eventType: 'FINALIZED' }), 400);
    const agreement = (await received(tck, `/negotiations/${consumerPid}/agreement`)).body.agreement;
    expectNegotiationError(await toProvider(providerPid, consumerPid, 'agreement', { '@type': 'ContractAgreementMessage', agreement }), 400);
    // A counter-request after the agreement was sent.
    expectNegotiationError(await toProvider(providerPid, consumerPid, 'request', { '@type': 'ContractRequestMessage', offer: openOffer }), 400);
    expect(await providerState(providerPid)).toBe('AGREED');
    // A verification of a terminated negotiation.
    await toProvider(providerPid, consumerPid, 'termination', { '@type': 'ContractNegotiationTerminationMessage', code: 'x' });
    expectNegotiationError(await toProvider(providerPid, consumerPid, 'agreement/verification', { '@type': 'ContractAgreementVerificationMessage' }), 400);
    expect(await providerState(providerPid)).toBe('TERMINATED');
  });

  it('P08 another caller, an unknown pid and a pid of another context all get the same 404', async () => {
    const { providerPid, consumerPid } = await requested();
    const notFound = [
      await toProvider(providerPid, consumerPid, 'termination', { '@type': 'ContractNegotiationTerminationMessage', code: 'x' }, stranger),
      await send('GET', `/negotiations/${providerPid}`, undefined, stranger),
      await toProvider('urn:uuid:unknown', consumerPid, 'agreement/verification', { '@type': 'ContractAgreementVerificationMessage' }),
      await tckSend(env, tck, 'consumer', (await mgmtGet(env, 'consumer', '')).body.identity, 'GET', `/negotiations/${providerPid}`),
    ];
    for (const answer of notFound) expect(expectNegotiationError(answer, 404).code).toBe('not_found');
    expect(await providerState(providerPid)).not.toBe('TERMINATED');
  });

  it('P09 bad bodies, mismatched pids and missing tokens are refused', async () => {
    const { providerPid, consumerPid } = await requested();
    expect(expectNegotiationError(await send('POST', '/negotiations/request', { '@context': DSP_CONTEXT, '@type': 'ContractRequestMessage', consumerPid: 'x' }), 400).code).toBe('dsp_schema_violation');
    expectNegotiationError(await toProvider(providerPid, consumerPid, 'events', { '@type': 'ContractNegotiationEventMessage', eventType: 'MAYBE' }), 400);
    expectNegotiationError(await toProvider(providerPid, 'urn:uuid:other', 'termination', { '@type': 'ContractNegotiationTerminationMessage', code: 'x' }), 400);
    expectNegotiationError(await call(env.cp.url, 'POST', `/api/dsp/provider/2025-1/negotiations/request`, { body: requestMessage(openOffer) }), 401);
    const malformed = await fetch(`${env.cp.url}/api/dsp/provider/2025-1/negotiations/request`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${await tck.token(providerDid)}` }, body: '{"@type":' });
    // Unparseable JSON is refused by the shared body parser before any DSP handler runs: a 400 problem body.
    expect(malformed.status).toBe(400);
    expect(await providerState(providerPid)).not.toBe('TERMINATED');
  });

  it('P11 the official example messages are accepted as they are (pids replaced)', async () => {
    const example = (file: string) => JSON.parse(readFileSync(`/work/shared/specs/dsp-2025-1/examples/negotiation/${file}`, 'utf8'));
    const initial = example('contract-request-message_initial.json');
    const answer = await send('POST', '/negotiations/request', { ...initial, offer: openOffer, callbackAddress: tck.dspAddress });
    expect(answer.status).toBe(201);
    const { providerPid, consumerPid } = answer.body;
    await waitFor(providerPid, 'AGREED');
    expect((await send('POST', `/negotiations/${providerPid}/agreement/verification`, { ...example('contract-agreement-verification-message.json'), providerPid, consumerPid })).status).toBe(200);
    await waitFor(providerPid, 'FINALIZED');
    const other = await requested();
    expect((await send('POST', `/negotiations/${other.providerPid}/termination`, { ...example('contract-negotiation-termination-message.json'), ...other })).status).toBe(200);
    expect((await mgmtGet(env, 'provider', `contractnegotiations/${other.providerPid}`)).body).toMatchObject({ state: 'TERMINATED', reason: '99: License model does not fit.' });
  });

  it('P10 a provider-initiated negotiation (negotiations/offers) is answered 501', async () => {
    const answer = await send('POST', '/negotiations/offers', { '@context': DSP_CONTEXT, '@type': 'ContractOfferMessage', providerPid: 'urn:uuid:p', offer: openOffer, callbackAddress: tck.dspAddress });
    expect(expectNegotiationError(answer, 501).code).toBe('provider_initiated_negotiation_not_supported');
  });
});
