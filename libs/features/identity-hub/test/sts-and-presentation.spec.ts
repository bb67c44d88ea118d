import { decodeJwt, decodeProtectedHeader } from 'jose';
import { CredentialVerifier, DidResolver, generateKeyPair, StaticTrustedIssuers, verifySelfIssuedToken } from '@dsaas/identity';
import { DCP_CONTEXT_URL, dcpValidator } from '@dsaas/protocol-dcp';
import { describeWithServices } from '@dsaas/testing';
import { IDENTITY_SCOPES, IdentityHubTestEnv, startIdentityHubTestEnv } from './support/identity-hub-test-env';
import { signRaw, TestParty } from './support/test-issuer';

const MEMBERSHIP = 'org.eclipse.dspace.dcp.vc.type:MembershipCredential:read';
const MEMBERSHIP_EDC = 'org.eclipse.edc.vc.type:MembershipCredential:read';
const PROCESSOR = 'org.eclipse.dspace.dcp.vc.type:DataProcessorCredential:read';

describeWithServices(['postgres', 'nats'], 'identity hub: STS and DCP presentation', () => {
  let env: IdentityHubTestEnv;
  let issuer: TestParty;
  let verifier: TestParty;
  let tokenA: string;
  let didA: string;
  let membershipVc: string;
  const resolver = () => new DidResolver({ allowHttpHosts: ['localhost'], ttlMs: 0 });

  beforeAll(async () => {
    env = await startIdentityHubTestEnv('ih_dcp');
    [issuer, verifier] = await Promise.all([TestParty.start('issuer'), TestParty.start('verifier', 'EdDSA')]);
    const provisioner = await env.token({ role: 'provisioner', scopes: IDENTITY_SCOPES });
    didA = (await env.call('POST', '/api/identity/participants', { token: provisioner, body: { participantContextId: 'ctx-a' } })).body.did;
    await env.call('POST', '/api/identity/participants', { token: provisioner, body: { participantContextId: 'ctx-b' } });
    tokenA = await env.token({ role: 'participant', participantContextId: 'ctx-a', scopes: IDENTITY_SCOPES });
    membershipVc = await issuer.issueCredential(didA);
    const processorVc = await issuer.issueCredential(didA, { types: ['DataProcessorCredential'], format: 'vc2_0_jose' });
    for (const credential of [membershipVc, processorVc]) {
      expect((await env.call('POST', '/api/identity/participants/ctx-a/credentials', { token: tokenA, body: { credential } })).status).toBe(201);
    }
  });
  afterAll(async () => {
    await env?.stop();
    await issuer?.stop();
    await verifier?.stop();
  });

  const sts = (body: object, token = tokenA) => env.call('POST', '/api/sts/token', { token, body });
  const query = (authorization: string | undefined, body: object = { '@context': [DCP_CONTEXT_URL], type: 'PresentationQueryMessage', scope: [MEMBERSHIP] }, ctx = 'ctx-a') =>
    env.call('POST', `/api/credentials/${ctx}/presentations/query`, { body, headers: authorization ? { authorization } : {} });

  describe('STS', () => {
    it('mints a self-issued token for the caller context that verifies against its DID document', async () => {
      const answer = await sts({ audience: verifier.did });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ token_type: 'Bearer', expires_in: 300 });
      const verified = await verifySelfIssuedToken(answer.body.access_token, { audience: verifier.did, resolver: resolver() });
      expect(verified).toMatchObject({ iss: didA, sub: didA, aud: verifier.did });
      const keys = (await env.call('GET', '/api/identity/participants/ctx-a/keypairs', { token: tokenA })).body;
      expect(decodeProtectedHeader(answer.body.access_token).kid).toBe(keys.find((k: any) => k.isDefault).kid);
      expect(verified.claims.token).toBeUndefined();

      const passedOn = await sts({ audience: verifier.did, token: 'opaque-access-token' });
      expect(decodeJwt(passedOn.body.access_token).token).toBe('opaque-access-token');
    });

    it('mints an access token for the counter-party into the token claim when bearerAccessScope is given', async () => {
      const answer = await sts({ audience: verifier.did, bearerAccessScope: `${MEMBERSHIP} ${MEMBERSHIP_EDC}` });
      const inner = decodeJwt(decodeJwt(answer.body.access_token).token as string);
      expect(inner).toMatchObject({ iss: didA, aud: didA, sub: verifier.did, scope: `${MEMBERSHIP} ${MEMBERSHIP_EDC}` });
      expect(typeof inner.jti).toBe('string');
    });

    it('refuses contexts the token does not reach and malformed requests', async () => {
      expect((await sts({ participantContextId: 'ctx-b', audience: verifier.did })).status).toBe(404);
      expect((await sts({ audience: verifier.did }, env.adminToken)).status).toBe(400);
      expect((await sts({ participantContextId: 'ctx-b', audience: verifier.did }, env.adminToken)).status).toBe(200);
      expect((await sts({ audience: verifier.did, token: 'x', bearerAccessScope: MEMBERSHIP })).status).toBe(400);
      expect((await sts({ audience: verifier.did, bearerAccessScope: 'management-api:write' })).status).toBe(400);
      expect((await sts({ audience: 'not-a-did' })).status).toBe(400);
      expect((await env.call('POST', '/api/sts/token', { body: { audience: verifier.did } })).status).toBe(401);
    });
  });

  describe('presentation query', () => {
    it('answers a verifier with a schema-valid PresentationResponseMessage holding a VP of the matching credentials', async () => {
      const answer = await query(`Bearer ${await verifier.selfIssuedToken(didA)}`);
      expect(answer.status).toBe(200);
      expect(dcpValidator.validate('PresentationResponseMessage', answer.body).valid).toBe(true);
      expect(answer.body.presentation).toHaveLength(1);
      const vp = decodeJwt(answer.body.presentation[0]) as any;
      expect(vp).toMatchObject({ iss: didA, aud: verifier.did });
      expect(vp.vp.verifiableCredential).toEqual([membershipVc]);

      const checker = new CredentialVerifier({ resolver: resolver(), trustedIssuers: new StaticTrustedIssuers([{ did: issuer.did, credentialTypes: ['*'] }]) });
      const verified = await checker.verifyPresentation(answer.body.presentation[0], { audience: verifier.did });
      expect(verified.holder).toBe(didA);
      expect(verified.credentials.map((c) => c.types)).toEqual([['VerifiableCredential', 'MembershipCredential']]);
    });

    it('accepts the EDC scope alias and the bare token, and several types at once', async () => {
      const answer = await query(await verifier.selfIssuedToken(didA), {
        '@context': [DCP_CONTEXT_URL],
        type: 'PresentationQueryMessage',
        scope: [MEMBERSHIP_EDC, PROCESSOR],
      });
      expect(answer.status).toBe(200);
      expect((decodeJwt(answer.body.presentation[0]) as any).vp.verifiableCredential).toHaveLength(2);
    });

    it("runs the DCP hand-off: the holder's STS grants the verifier a scope, which the verifier passes back", async () => {
      const minted = await sts({ audience: verifier.did, bearerAccessScope: MEMBERSHIP });
      const accessToken = decodeJwt(minted.body.access_token).token as string;
      const granted = await query(`Bearer ${await verifier.selfIssuedToken(didA, { claims: { token: accessToken } })}`);
      expect(granted.status).toBe(200);
      const beyond = await query(`Bearer ${await verifier.selfIssuedToken(didA, { claims: { token: accessToken } })}`, {
        '@context': [DCP_CONTEXT_URL],
        type: 'PresentationQueryMessage',
        scope: [PROCESSOR],
      });
      expect(beyond.status).toBe(403);
      // An access token minted for someone else does not work for this verifier.
      const other = await TestParty.start('other');
      try {
        const forOther = decodeJwt((await sts({ audience: other.did, bearerAccessScope: MEMBERSHIP })).body.access_token).token as string;
        expect((await query(`Bearer ${await verifier.selfIssuedToken(didA, { claims: { token: forOther } })}`)).status).toBe(401);
      } finally {
        await other.stop();
      }
    });

    it('refuses expired, wrongly addressed, replayed, unknown-kid and foreign-key tokens with 401 problems', async () => {
      const now = Math.floor(Date.now() / 1000);
      const claims = (extra: object = {}) => ({ iss: verifier.did, sub: verifier.did, aud: didA, jti: `jti-${Math.random()}`, iat: now, exp: now + 60, ...extra });
      const foreign = await generateKeyPair('EdDSA');
      const replayed = await verifier.selfIssuedToken(didA);
      expect((await query(`Bearer ${replayed}`)).status).toBe(200);
      const cases: Record<string, string | undefined> = {
        missing: undefined,
        garbage: 'Bearer not.a.jwt',
        expired: await signRaw(verifier.keys.privateJwk, 'EdDSA', verifier.kid, claims({ iat: now - 600, exp: now - 300 })),
        wrongAudience: await verifier.selfIssuedToken('did:web:someone-else.example.com'),
        replayed,
        unknownKid: await signRaw(verifier.keys.privateJwk, 'EdDSA', `${verifier.did}#key-9`, claims()),
        foreignKey: await signRaw(foreign.privateJwk, 'EdDSA', verifier.kid, claims()),
        unresolvableDid: await signRaw(foreign.privateJwk, 'EdDSA', 'did:web:localhost%3A1:nobody#key-1', claims({ iss: 'did:web:localhost%3A1:nobody', sub: 'did:web:localhost%3A1:nobody' })),
      };
      for (const [name, token] of Object.entries(cases)) {
        const answer = await query(token === undefined || token.startsWith('Bearer') ? token : `Bearer ${token}`);
        expect({ name, status: answer.status }).toEqual({ name, status: 401 });
        expect(answer.headers.get('content-type')).toContain('application/problem+json');
        expect(answer.body.status).toBe(401);
      }
    });

    it('answers 400 for scope together with presentationDefinition or a malformed message, 501 for presentationDefinition', async () => {
      const presentationDefinition = { id: 'pd-1', input_descriptors: [{ id: 'membership', constraints: { fields: [{ path: ['$.type'], filter: { type: 'string', pattern: 'MembershipCredential' } }] } }] };
      const base = { '@context': [DCP_CONTEXT_URL], type: 'PresentationQueryMessage' };
      const both = await query(`Bearer ${await verifier.selfIssuedToken(didA)}`, { ...base, scope: [MEMBERSHIP], presentationDefinition });
      expect(both.status).toBe(400);
      const definition = await query(`Bearer ${await verifier.selfIssuedToken(didA)}`, { ...base, presentationDefinition });
      expect(definition.status).toBe(501);
      expect(definition.body.code).toBe('presentation_definition_not_supported');
      expect((await query(`Bearer ${await verifier.selfIssuedToken(didA)}`, { ...base, type: 'Nope', scope: [MEMBERSHIP] })).status).toBe(400);
      expect((await query(`Bearer ${await verifier.selfIssuedToken(didA)}`, { ...base, scope: ['unknown:scope'] })).status).toBe(400);
    });

    it('refuses queries for unknown and deactivated contexts', async () => {
      expect((await query(`Bearer ${await verifier.selfIssuedToken(didA)}`, undefined, 'nope')).status).toBe(404);
      const provisioner = await env.token({ role: 'provisioner', scopes: IDENTITY_SCOPES });
      const didB = (await env.call('GET', '/api/identity/participants/ctx-b', { token: provisioner })).body.did;
      await env.call('POST', '/api/identity/participants/ctx-b/deactivate', { token: provisioner });
      expect((await query(`Bearer ${await verifier.selfIssuedToken(didB)}`, undefined, 'ctx-b')).status).toBe(404);
      expect((await sts({ participantContextId: 'ctx-b', audience: verifier.did }, provisioner)).status).toBe(409);
    });
  });
});
