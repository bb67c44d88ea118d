import { describeWithServices } from '@dsaas/testing';
import { IDENTITY_SCOPES, IdentityHubTestEnv, startIdentityHubTestEnv } from './support/identity-hub-test-env';
import { TestParty } from './support/test-issuer';

describeWithServices(['postgres', 'nats'], 'identity hub: credential store', () => {
  let env: IdentityHubTestEnv;
  let issuer: TestParty;
  let tokenA: string;
  let tokenB: string;
  let didA: string;
  let didB: string;

  beforeAll(async () => {
    env = await startIdentityHubTestEnv('ih_creds');
    issuer = await TestParty.start('issuer');
    const provisioner = await env.token({ role: 'provisioner', scopes: IDENTITY_SCOPES });
    didA = (await env.call('POST', '/api/identity/participants', { token: provisioner, body: { participantContextId: 'ctx-a' } })).body.did;
    didB = (await env.call('POST', '/api/identity/participants', { token: provisioner, body: { participantContextId: 'ctx-b' } })).body.did;
    tokenA = await env.token({ role: 'participant', participantContextId: 'ctx-a', scopes: IDENTITY_SCOPES });
    tokenB = await env.token({ role: 'participant', participantContextId: 'ctx-b', scopes: IDENTITY_SCOPES });
  });
  afterAll(async () => {
    await env?.stop();
    await issuer?.stop();
  });

  const base = (ctx: string) => `/api/identity/participants/${ctx}/credentials`;

  it('imports JWT VCs of both formats, lists metadata only, reads one in full, deletes it', async () => {
    const v1 = await issuer.issueCredential(didA);
    const v2 = await issuer.issueCredential(didA, { types: ['DataProcessorCredential'], format: 'vc2_0_jose', validUntil: '2099-01-01T00:00:00Z' });
    const first = await env.call('POST', base('ctx-a'), { token: tokenA, body: { credential: v1 } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ types: ['VerifiableCredential', 'MembershipCredential'], issuer: issuer.did, format: 'vc1_0_jwt', source: 'import', raw: v1 });
    const second = await env.call('POST', base('ctx-a'), { token: tokenA, body: { credential: v2 } });
    expect(second.body).toMatchObject({ format: 'vc2_0_jose', validUntil: '2099-01-01T00:00:00.000Z' });
    expect((await env.call('POST', base('ctx-a'), { token: tokenA, body: { credential: v1 } })).status).toBe(409);

    const listed = await env.call('GET', base('ctx-a'), { token: tokenA });
    expect(listed.body.map((c: any) => c.id)).toEqual([first.body.id, second.body.id]);
    expect(listed.body[0].raw).toBeUndefined();
    const filtered = await env.call('GET', `${base('ctx-a')}?type=DataProcessorCredential&includeContent=true`, { token: tokenA });
    expect(filtered.body).toHaveLength(1);
    expect(filtered.body[0].raw).toBe(v2);

    const one = await env.call('GET', `${base('ctx-a')}/${first.body.id}`, { token: tokenA });
    expect(one.body.content.credentialSubject.id).toBe(didA);
    expect((await env.call('DELETE', `${base('ctx-a')}/${second.body.id}`, { token: tokenA })).status).toBe(204);
    expect((await env.call('GET', `${base('ctx-a')}/${second.body.id}`, { token: tokenA })).status).toBe(404);
  });

  it("refuses credentials about another DID and things that are not VCs, storing nothing", async () => {
    const forB = await issuer.issueCredential(didB);
    const refused = await env.call('POST', base('ctx-a'), { token: tokenA, body: { credential: forB } });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('invalid_credential');
    expect((await env.call('POST', base('ctx-a'), { token: tokenA, body: { credential: 'not-a-jwt' } })).status).toBe(400);
    expect((await env.call('POST', base('ctx-a'), { token: tokenA, body: { credential: await issuer.selfIssuedToken(didA) } })).status).toBe(400);
    expect((await env.call('GET', base('ctx-a'), { token: tokenA })).body).toHaveLength(1);
  });

  it("never lets context A list, read, import or delete B's credentials (same 404 as a missing context)", async () => {
    const ofB = await env.call('POST', base('ctx-b'), { token: tokenB, body: { credential: await issuer.issueCredential(didB) } });
    expect(ofB.status).toBe(201);
    const missingContext = await env.call('GET', base('nope'), { token: env.adminToken });
    for (const [method, path, body] of [
      ['GET', base('ctx-b')],
      ['GET', `${base('ctx-b')}/${ofB.body.id}`],
      ['POST', base('ctx-b'), { credential: await issuer.issueCredential(didB, { types: ['Other'] }) }],
      ['DELETE', `${base('ctx-b')}/${ofB.body.id}`],
    ] as [string, string, object?][]) {
      const answer = await env.call(method, path, { token: tokenA, body });
      expect(answer.status).toBe(404);
      expect(answer.body.code).toBe(missingContext.body.code);
      expect(answer.body.detail).toBe("Participant context 'ctx-b' was not found");
    }
    // A's own id space does not reach B's credential either.
    expect((await env.call('GET', `${base('ctx-a')}/${ofB.body.id}`, { token: tokenA })).status).toBe(404);
    expect((await env.call('DELETE', `${base('ctx-a')}/${ofB.body.id}`, { token: tokenA })).status).toBe(404);
    const stillThere = await env.call('GET', base('ctx-b'), { token: tokenB });
    expect(stillThere.body.map((c: any) => c.id)).toEqual([ofB.body.id]);
  });
});
