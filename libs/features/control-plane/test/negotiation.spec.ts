import { describeWithServices } from '@dsaas/testing';
import { call, DspTestEnv, MGMT, startDspTestEnv } from './support/dsp-test-env';
import { catalogOffers, mgmtGet, mgmtPost, providerNegotiation, publishOffer, startNegotiation, waitForNegotiationState } from './support/negotiation-test-env';

/** Consumer context A negotiates with provider context B of the same control plane, over DSP with DCP tokens. */
describeWithServices(['postgres', 'nats'], 'contract negotiation between two contexts of one control plane', () => {
  let env: DspTestEnv;
  let consumerDid: string;
  let providerDid: string;

  beforeAll(async () => {
    env = await startDspTestEnv('negotiation', { STATE_MACHINE_POLL_MS: '50', STATE_MACHINE_MAX_ATTEMPTS: '3', STATE_MACHINE_BACKOFF_BASE_MS: '50' });
    consumerDid = await env.createContext('alpha');
    providerDid = await env.createContext('bravo');
    await publishOffer(env, 'bravo', 'cd-1', ['asset-1', 'asset-2']);
  }, 120_000);

  afterAll(async () => {
    await env?.stop();
  });

  /** A negotiation with a provider address nobody answers (the consumer keeps retrying its request). */
  const requestFromNowhere = (offerId: string) =>
    mgmtPost(env, 'alpha', 'contractnegotiations', {
      '@type': 'ContractRequest',
      protocol: 'http-dsp-profile-2025-1',
      counterPartyAddress: 'http://127.0.0.1:1/api/dsp/x/2025-1',
      counterPartyId: providerDid,
      policy: { '@id': offerId, '@type': 'Offer', target: 'a', permission: [{ action: 'use' }] },
    });

  it('catalog → negotiation FINALIZED on both sides; the agreement is visible through management on both sides', async () => {
    const [offer] = await catalogOffers(env, 'alpha', 'bravo', providerDid, 'asset-1');
    const started = Date.now();
    const id = await startNegotiation(env, 'alpha', 'bravo', providerDid, offer, 'asset-1');
    const consumerSide = await waitForNegotiationState(env, 'alpha', id, 'FINALIZED');
    const elapsed = Date.now() - started;
    expect(consumerSide).toMatchObject({ type: 'CONSUMER', counterPartyId: providerDid, assetId: 'asset-1', protocol: 'http-dsp-profile-2025-1' });
    const providerSide = await providerNegotiation(env, 'bravo', id);
    expect(providerSide).toMatchObject({ type: 'PROVIDER', state: 'FINALIZED', counterPartyId: consumerDid, correlationId: id, contractAgreementId: consumerSide.contractAgreementId });

    const agreementId = consumerSide.contractAgreementId;
    for (const ctx of ['alpha', 'bravo']) {
      const agreement = await mgmtGet(env, ctx, `contractagreements/${encodeURIComponent(agreementId)}`);
      expect(agreement.status).toBe(200);
      expect(agreement.body).toMatchObject({ '@type': 'ContractAgreement', providerId: providerDid, consumerId: consumerDid, assetId: 'asset-1' });
      expect(agreement.body.policy).toMatchObject({ '@id': agreementId, '@type': 'Agreement', assigner: providerDid, assignee: consumerDid, target: 'asset-1' });
      const listed = await mgmtPost(env, ctx, 'contractagreements/request', { filterExpression: [{ operandLeft: 'assetId', operator: '=', operandRight: 'asset-1' }] });
      expect(listed.body.map((a: any) => a['@id'])).toContain(agreementId);
    }
    expect((await mgmtGet(env, 'alpha', `contractnegotiations/${id}/state`)).body).toEqual({ '@context': ['https://w3id.org/edc/connector/management/v2'], '@type': 'NegotiationState', state: 'FINALIZED' });
    expect((await mgmtGet(env, 'alpha', `contractnegotiations/${id}/agreement`)).body['@id']).toBe(agreementId);
    expect((await mgmtGet(env, 'bravo', `contractagreements/${encodeURIComponent(agreementId)}/negotiation`)).body['@id']).toBe(providerSide['@id']);
    // v5beta serves the same.
    expect((await call(env.cp.url, 'GET', `${MGMT.replace('v4alpha', 'v5beta')}/participants/alpha/contractnegotiations/${id}`, { token: env.admin })).body.state).toBe('FINALIZED');
    // An asset under contract cannot be deleted.
    const deleted = await call(env.cp.url, 'DELETE', `${MGMT}/participants/bravo/assets/asset-1`, { token: env.admin });
    expect(deleted.status).toBe(409);
    expect(deleted.headers.get('content-type')).toMatch(/problem\+json/);
    process.stdout.write(`negotiation catalog-offer → FINALIZED on one control plane: ${elapsed} ms\n`);
  });

  it('the consumer terminates a negotiation in flight: both sides end in the same final state, TERMINATED leaves no agreement', async () => {
    const [offer] = await catalogOffers(env, 'alpha', 'bravo', providerDid, 'asset-2');
    const id = await startNegotiation(env, 'alpha', 'bravo', providerDid, offer, 'asset-2');
    // Whatever state it reached: 204 before FINALIZED, 409 after.
    const terminated = await mgmtPost(env, 'alpha', `contractnegotiations/${id}/terminate`, { '@type': 'TerminateNegotiation', reason: 'changed my mind' });
    expect([204, 409]).toContain(terminated.status);
    const final = async (ctx: string, find: () => Promise<any>) => {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const negotiation = await find();
        if (['FINALIZED', 'TERMINATED'].includes(negotiation?.state)) return negotiation;
        if (Date.now() > deadline) throw new Error(`${ctx} negotiation is ${negotiation?.state}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const consumer = await final('consumer', async () => (await mgmtGet(env, 'alpha', `contractnegotiations/${id}`)).body);
    expect(consumer.state).toBe(terminated.status === 204 ? 'TERMINATED' : 'FINALIZED');
    // Terminated before its request left, the provider never heard of it; otherwise it ends the same way.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const provider = (await providerNegotiation(env, 'bravo', id)) ? await final('provider', () => providerNegotiation(env, 'bravo', id)) : undefined;
    if (consumer.state === 'FINALIZED' || provider) expect(provider?.state).toBe(consumer.state);
    if (consumer.state === 'TERMINATED') {
      expect((await mgmtGet(env, 'alpha', `contractnegotiations/${id}/agreement`)).status).toBe(404);
      if (provider) expect((await mgmtGet(env, 'bravo', `contractnegotiations/${encodeURIComponent(provider['@id'])}/agreement`)).status).toBe(404);
      expect((await mgmtPost(env, 'alpha', `contractnegotiations/${id}/terminate`)).status).toBe(204);
    }
  });

  it('the consumer terminates a negotiation whose provider it cannot reach yet: TERMINATED without a message', async () => {
    const started = await requestFromNowhere('o2');
    const id = started.body['@id'];
    expect((await mgmtPost(env, 'alpha', `contractnegotiations/${id}/terminate`, { '@type': 'TerminateNegotiation', reason: 'wrong address' })).status).toBe(204);
    const ended = await waitForNegotiationState(env, 'alpha', id, 'TERMINATED');
    expect(ended.reason ?? ended.errorDetail).toBe('wrong address');
    expect((await mgmtPost(env, 'alpha', `contractnegotiations/${id}/terminate`, { '@type': 'Nope' })).status).toBe(400);
  });

  it('refuses bad ContractRequests with problem details and stores nothing', async () => {
    const before = (await mgmtPost(env, 'alpha', 'contractnegotiations/request')).body.length;
    const valid = { '@type': 'ContractRequest', protocol: 'http-dsp-profile-2025-1', counterPartyAddress: 'https://p.example.com/dsp', counterPartyId: providerDid, policy: { '@id': 'o1', '@type': 'Offer', target: 'a', permission: [{ action: 'use' }] } };
    const bad = [
      { ...valid, protocol: 'ids-multipart' },
      { ...valid, counterPartyAddress: 'ftp://x' },
      { ...valid, counterPartyId: 'not-a-did' },
      { ...valid, policy: { ...valid.policy, target: undefined } },
      { ...valid, policy: { ...valid.policy, '@id': undefined } },
      { ...valid, policy: 'all' },
      { ...valid, unknown: 1 },
      { ...valid, counterPartyId: undefined },
    ];
    for (const body of bad) {
      const answer = await mgmtPost(env, 'alpha', 'contractnegotiations', body);
      expect(answer.status).toBe(400);
      expect(answer.body.errors.length).toBeGreaterThan(0);
    }
    expect((await mgmtPost(env, 'alpha', 'contractnegotiations/request')).body).toHaveLength(before);
    expect((await mgmtGet(env, 'alpha', 'contractnegotiations/nope')).status).toBe(404);
    expect((await mgmtPost(env, 'alpha', 'contractnegotiations/nope/terminate')).status).toBe(404);
    expect((await mgmtGet(env, 'alpha', 'contractagreements/nope')).status).toBe(404);
    expect((await mgmtPost(env, 'alpha', 'contractnegotiations/request', { filterExpression: [{ operandLeft: 'secret', operator: '=', operandRight: 1 }] })).status).toBe(400);
  });

  it('a negotiation with an unreachable provider is retried, then TERMINATED with the reason', async () => {
    const started = await requestFromNowhere('o1');
    expect(started.status).toBe(200);
    const ended = await waitForNegotiationState(env, 'alpha', started.body['@id'], 'TERMINATED').catch(async () => (await mgmtGet(env, 'alpha', `contractnegotiations/${started.body['@id']}`)).body);
    expect(ended.state).toBe('TERMINATED');
    expect(ended.errorDetail).toMatch(/failed/);
  });
});
