import { DidResolver, verifySelfIssuedToken } from '@dsaas/identity';
import { DCP_CONTEXT_URL, dcpValidator } from '@dsaas/protocol-dcp';
import { describeWithServices } from '@dsaas/testing';
import { IDENTITY_SCOPES, IdentityHubTestEnv, startIdentityHubTestEnv } from './support/identity-hub-test-env';
import { TestParty } from './support/test-issuer';

describeWithServices(['postgres', 'nats'], 'identity hub: credential requests, storage and offers (holder side of DCP issuance)', () => {
  let env: IdentityHubTestEnv;
  let issuer: TestParty;
  let stranger: TestParty;
  let tokenA: string;
  let didA: string;
  const received: { body: any; authorization: string }[] = [];
  let issuerAnswers = 201;

  beforeAll(async () => {
    env = await startIdentityHubTestEnv('ih_issuance');
    [issuer, stranger] = await Promise.all([TestParty.start('issuer'), TestParty.start('stranger')]);
    const endpoint = `${issuer.url}/api/issuance/issuer`;
    issuer.services = [{ id: `${issuer.did}#issuer-service`, type: 'IssuerService', serviceEndpoint: endpoint }];
    issuer.onRequest = (method, path, body, headers) => {
      if (method === 'GET' && path === '/api/issuance/issuer/metadata') {
        return {
          status: 200,
          body: {
            '@context': [DCP_CONTEXT_URL],
            type: 'IssuerMetadata',
            issuer: issuer.did,
            credentialsSupported: [
              { id: 'membership-def', type: 'CredentialObject', credentialType: 'MembershipCredential', offerReason: 'onboarding', credentialSchema: 'https://example.com/membership.json', bindingMethods: ['did:web'], profile: 'vc10-sl2021/jwt' },
            ],
          },
        };
      }
      if (method === 'POST' && path === '/api/issuance/issuer/credentials') {
        received.push({ body: JSON.parse(body), authorization: String(headers.authorization) });
        return issuerAnswers === 201 ? { status: 201, headers: { location: `${endpoint}/requests/issuer-pid-${received.length}` } } : { status: issuerAnswers, body: { error: 'nope' } };
      }
      return undefined;
    };
    const provisioner = await env.token({ role: 'provisioner', scopes: IDENTITY_SCOPES });
    didA = (await env.call('POST', '/api/identity/participants', { token: provisioner, body: { participantContextId: 'ctx-a' } })).body.did;
    await env.call('POST', '/api/identity/participants', { token: provisioner, body: { participantContextId: 'ctx-b' } });
    tokenA = await env.token({ role: 'participant', participantContextId: 'ctx-a', scopes: IDENTITY_SCOPES });
  });
  afterAll(async () => {
    await env?.stop();
    await issuer?.stop();
    await stranger?.stop();
  });

  const requestCredentials = (body: object) => env.call('POST', '/api/identity/participants/ctx-a/credentials/request', { token: tokenA, body });
  const deliver = async (from: TestParty, body: object, ctx = 'ctx-a', audience = didA) =>
    env.call('POST', `/api/credentials/${ctx}/credentials`, { body, headers: { authorization: `Bearer ${await from.selfIssuedToken(audience)}` } });
  const listCredentials = async () => (await env.call('GET', '/api/identity/participants/ctx-a/credentials', { token: tokenA })).body as any[];
  const credentialMessage = (holderPid: string, issuerPid: string, payloads: string[]) => ({
    '@context': [DCP_CONTEXT_URL],
    type: 'CredentialMessage',
    issuerPid,
    holderPid,
    status: 'ISSUED',
    credentials: payloads.map((payload) => ({ credentialType: 'MembershipCredential', payload, format: 'jwt' })),
  });

  it('requests a credential by type: metadata looked up, a schema-valid CredentialRequestMessage sent with an SI token for the issuer', async () => {
    const answer = await requestCredentials({ issuerDid: issuer.did, credentials: [{ credentialType: 'MembershipCredential' }] });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ issuerDid: issuer.did, issuerPid: 'issuer-pid-1', state: 'REQUESTED', credentials: [{ id: 'membership-def', credentialType: 'MembershipCredential' }] });
    const sent = received[0];
    expect(dcpValidator.validate('CredentialRequestMessage', sent.body).valid).toBe(true);
    expect(sent.body).toMatchObject({ holderPid: answer.body.holderPid, credentials: [{ id: 'membership-def' }] });
    const verified = await verifySelfIssuedToken(sent.authorization.replace('Bearer ', ''), { audience: issuer.did, resolver: new DidResolver({ allowHttpHosts: ['localhost'] }) });
    expect(verified.iss).toBe(didA);
    const read = await env.call('GET', `/api/identity/participants/ctx-a/credentials/requests/${answer.body.holderPid}`, { token: tokenA });
    expect(read.body.state).toBe('REQUESTED');
  });

  it('stores credentials delivered for an open request exactly once, and marks the request ISSUED', async () => {
    const { holderPid } = (await requestCredentials({ issuerDid: issuer.did, credentials: [{ id: 'membership-def' }] })).body;
    const before = (await listCredentials()).length;
    const vc = await issuer.issueCredential(didA);
    const message = credentialMessage(holderPid, 'issuer-pid-2', [vc]);
    expect((await deliver(issuer, message)).status).toBe(200);
    expect((await deliver(issuer, message)).status).toBe(200);
    const after = await listCredentials();
    expect(after).toHaveLength(before + 1);
    expect(after[after.length - 1]).toMatchObject({ source: 'issuance', issuer: issuer.did, types: ['VerifiableCredential', 'MembershipCredential'] });
    const request = await env.call('GET', `/api/identity/participants/ctx-a/credentials/requests/${holderPid}`, { token: tokenA });
    expect(request.body).toMatchObject({ state: 'ISSUED', issuerPid: 'issuer-pid-2' });
  });

  it('refuses deliveries without a matching request, from another issuer, for another DID or unauthenticated, storing nothing', async () => {
    const { holderPid } = (await requestCredentials({ issuerDid: issuer.did, credentials: [{ id: 'membership-def' }] })).body;
    const before = (await listCredentials()).length;
    const vc = await issuer.issueCredential(didA, { types: ['OtherCredential'] });
    expect((await deliver(issuer, credentialMessage('unknown-pid', 'x', [vc]))).status).toBe(403);
    expect((await deliver(stranger, credentialMessage(holderPid, 'issuer-pid-3', [await stranger.issueCredential(didA)]))).status).toBe(403);
    expect((await deliver(issuer, credentialMessage(holderPid, 'issuer-pid-3', [vc]), 'ctx-b', didA)).status).toBe(401);
    const aboutB = await issuer.issueCredential('did:web:elsewhere.example.com:b');
    const mixed = await deliver(issuer, credentialMessage(holderPid, 'issuer-pid-3', [vc, aboutB]));
    expect(mixed.status).toBe(400);
    expect((await env.call('POST', '/api/credentials/ctx-a/credentials', { body: credentialMessage(holderPid, 'issuer-pid-3', [vc]) })).status).toBe(401);
    expect((await deliver(issuer, { type: 'CredentialMessage' })).status).toBe(400);
    expect(await listCredentials()).toHaveLength(before);
    expect((await env.call('GET', `/api/identity/participants/ctx-a/credentials/requests/${holderPid}`, { token: tokenA })).body.state).toBe('REQUESTED');
  });

  it('records a rejection', async () => {
    const { holderPid } = (await requestCredentials({ issuerDid: issuer.did, credentials: [{ id: 'membership-def' }] })).body;
    const rejected = { '@context': [DCP_CONTEXT_URL], type: 'CredentialMessage', issuerPid: 'issuer-pid-4', holderPid, status: 'REJECTED', rejectionReason: 'not a member' };
    expect((await deliver(issuer, rejected)).status).toBe(200);
    const request = (await env.call('GET', `/api/identity/participants/ctx-a/credentials/requests/${holderPid}`, { token: tokenA })).body;
    expect(request).toMatchObject({ state: 'REJECTED', errorDetail: 'not a member' });
  });

  it('keeps a request the issuer refused in state ERROR and answers 502; unknown issuer DIDs and types give 400', async () => {
    issuerAnswers = 400;
    try {
      const failed = await requestCredentials({ issuerDid: issuer.did, credentials: [{ id: 'membership-def' }] });
      expect(failed.status).toBe(502);
      const request = await env.call('GET', `/api/identity/participants/ctx-a/credentials/requests/${failed.body.holderPid}`, { token: tokenA });
      expect(request.body.state).toBe('ERROR');
    } finally {
      issuerAnswers = 201;
    }
    expect((await requestCredentials({ issuerDid: stranger.did, credentials: [{ id: 'x' }] })).status).toBe(400);
    expect((await requestCredentials({ issuerDid: issuer.did, credentials: [{ credentialType: 'UnknownCredential' }] })).status).toBe(400);
    expect((await requestCredentials({ issuerDid: issuer.did, credentials: [{}] })).status).toBe(400);
    const tokenB = await env.token({ role: 'participant', participantContextId: 'ctx-b', scopes: IDENTITY_SCOPES });
    expect((await env.call('GET', '/api/identity/participants/ctx-a/credentials/requests', { token: tokenB })).status).toBe(404);
  });

  it('accepts credential offers from the issuer they name, and lists them', async () => {
    const offer = {
      '@context': [DCP_CONTEXT_URL],
      type: 'CredentialOfferMessage',
      issuer: issuer.did,
      credentials: [{ id: 'membership-def', type: 'CredentialObject', credentialType: 'MembershipCredential', offerReason: 'reissue' }],
    };
    const post = async (from: TestParty, body: object) =>
      env.call('POST', '/api/credentials/ctx-a/offers', { body, headers: { authorization: `Bearer ${await from.selfIssuedToken(didA)}` } });
    expect((await post(issuer, offer)).status).toBe(200);
    expect((await post(stranger, offer)).status).toBe(403);
    const offers = await env.call('GET', '/api/identity/participants/ctx-a/credentials/offers', { token: tokenA });
    expect(offers.status).toBe(200);
    expect(offers.body).toHaveLength(1);
    expect(offers.body[0]).toMatchObject({ issuer: issuer.did, credentials: offer.credentials });
  });
});
