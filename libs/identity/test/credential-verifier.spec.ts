import {
  BitstringStatusList,
  buildStatusListCredential,
  buildStatusListEntry,
  CredentialFormat,
  CredentialVerificationException,
  CredentialVerifier,
  CredentialVerifierOptions,
  DidResolver,
  generateKeyPair,
  issueJwtCredential,
  issueJwtPresentation,
  StaticTrustedIssuers,
} from '../src';
import { DidWebServer } from './support/did-web-server';
import { publishParticipant, TestParticipant } from './support/participant';

describe('CredentialVerifier (JWT VCs and VPs against real did:web hosts)', () => {
  const server = new DidWebServer();
  const verifierDid = 'did:web:verifier.example.com';
  const allowHttpHosts = ['127.0.0.1'];
  let issuer: TestParticipant;
  let rogue: TestParticipant;
  let alice: TestParticipant;
  let bob: TestParticipant;
  let resolver: DidResolver;
  const statusList = BitstringStatusList.create();
  let statusListUrl: string;
  let nextIndex = 0;

  beforeAll(async () => {
    await server.start();
    issuer = await publishParticipant(server, 'issuer', 'ES256');
    rogue = await publishParticipant(server, 'rogue', 'ES256');
    alice = await publishParticipant(server, 'alice', 'EdDSA');
    bob = await publishParticipant(server, 'bob', 'ES256');
    resolver = new DidResolver({ allowHttpHosts });
    statusListUrl = `${server.baseUrl}/status/1`;
    await publishStatusList();
  });
  afterAll(() => server.stop());

  async function publishStatusList(signer: TestParticipant = issuer, path = '/status/1', list = statusList) {
    const jwt = await issueJwtCredential({
      issuerDid: signer.did,
      kid: signer.kid,
      privateJwk: signer.keys.privateJwk,
      algorithm: signer.keys.algorithm,
      format: 'vc2_0_jose',
      credential: buildStatusListCredential({ id: `${server.baseUrl}${path}`, issuerDid: signer.did, list }),
    });
    server.serve(path, { contentType: 'application/vc+jwt', body: jwt });
    return jwt;
  }

  function verifier(overrides: Partial<CredentialVerifierOptions> = {}) {
    return new CredentialVerifier({
      resolver,
      trustedIssuers: new StaticTrustedIssuers([{ did: issuer.did, credentialTypes: ['MembershipCredential'] }]),
      allowHttpHosts,
      statusListTtlMs: 150,
      ...overrides,
    });
  }

  async function membership(
    holder: TestParticipant,
    format: CredentialFormat = 'vc1_0_jwt',
    extra: Record<string, unknown> = {},
    signer: TestParticipant = issuer,
  ) {
    const index = nextIndex++;
    const jwt = await issueJwtCredential({
      issuerDid: signer.did,
      kid: signer.kid,
      privateJwk: signer.keys.privateJwk,
      algorithm: signer.keys.algorithm,
      format,
      credential: {
        id: `urn:uuid:membership-${index}`,
        type: ['VerifiableCredential', 'MembershipCredential'],
        credentialSubject: { id: holder.did, memberOf: 'dataspace-x' },
        credentialStatus: buildStatusListEntry({ statusListCredential: statusListUrl, index }),
        ...extra,
      },
    });
    return { jwt, index };
  }

  const present = (holder: TestParticipant, credentials: string[], audience = verifierDid) =>
    issueJwtPresentation({
      holderDid: holder.did,
      kid: holder.kid,
      privateJwk: holder.keys.privateJwk,
      algorithm: holder.keys.algorithm,
      audience,
      credentials,
    });

  async function refusal(promise: Promise<unknown>) {
    const error = await promise.then(
      () => undefined,
      (e) => e,
    );
    expect(error).toBeInstanceOf(CredentialVerificationException);
    expect(error.extensions.reason).toBe(error.reason);
    return { reason: error.reason as string, status: error.status as number, message: error.message as string };
  }

  describe.each<CredentialFormat>(['vc1_0_jwt', 'vc2_0_jose'])('%s', (format) => {
    it('accepts a presentation of a trusted, current, unrevoked credential of the presenter', async () => {
      const { jwt } = await membership(alice, format, format === 'vc1_0_jwt' ? { expirationDate: '2099-01-01T00:00:00Z' } : { validUntil: '2099-01-01T00:00:00Z' });
      const result = await verifier().verifyPresentation(await present(alice, [jwt]), { audience: verifierDid, holderDid: alice.did });
      expect(result.holder).toBe(alice.did);
      expect(result.credentials).toHaveLength(1);
      expect(result.credentials[0]).toMatchObject({
        types: ['VerifiableCredential', 'MembershipCredential'],
        issuer: issuer.did,
        subject: { id: alice.did, memberOf: 'dataspace-x' },
        validUntil: '2099-01-01T00:00:00Z',
        raw: jwt,
        format,
      });
      expect(result.credentials[0].validFrom).toEqual(expect.any(String));
    });

    it('refuses a credential signed by another key under the issuer kid', async () => {
      const mallory = await generateKeyPair('ES256');
      const jwt = await issueJwtCredential({
        issuerDid: issuer.did,
        kid: issuer.kid,
        privateJwk: mallory.privateJwk,
        algorithm: 'ES256',
        format,
        credential: { type: ['VerifiableCredential', 'MembershipCredential'], credentialSubject: { id: alice.did } },
      });
      expect(await refusal(verifier().verifyCredential(jwt))).toMatchObject({ reason: 'bad_signature', status: 401 });
    });
  });

  it('refuses a tampered credential', async () => {
    const { jwt } = await membership(alice);
    const [header, , signature] = jwt.split('.');
    const { jwt: other } = await membership(bob);
    const forged = [header, other.split('.')[1], signature].join('.');
    expect((await refusal(verifier().verifyCredential(forged))).reason).toBe('bad_signature');
  });

  it('refuses an issuer that is not trusted, or not trusted for that type', async () => {
    const { jwt } = await membership(alice, 'vc1_0_jwt', {}, rogue);
    expect(await refusal(verifier().verifyCredential(jwt))).toMatchObject({ reason: 'untrusted_issuer', status: 403 });

    const onlyOtherTypes = verifier({ trustedIssuers: new StaticTrustedIssuers([{ did: issuer.did, credentialTypes: ['PcfCredential'] }]) });
    const { jwt: genuine } = await membership(alice);
    expect((await refusal(onlyOtherTypes.verifyCredential(genuine))).reason).toBe('untrusted_issuer');

    const wildcard = verifier({ trustedIssuers: new StaticTrustedIssuers([{ did: issuer.did, credentialTypes: ['*'] }]) });
    await expect(wildcard.verifyCredential(genuine)).resolves.toMatchObject({ issuer: issuer.did });
  });

  it('refuses an expired credential and one not valid yet', async () => {
    const { jwt: expired } = await membership(alice, 'vc1_0_jwt', { issuanceDate: '2020-01-01T00:00:00Z', expirationDate: '2021-01-01T00:00:00Z' });
    expect(await refusal(verifier().verifyCredential(expired))).toMatchObject({ reason: 'expired', status: 401 });

    const { jwt: future } = await membership(alice, 'vc2_0_jose', { validFrom: '2098-01-01T00:00:00Z' });
    expect((await refusal(verifier().verifyCredential(future))).reason).toBe('not_yet_valid');

    const { jwt: current } = await membership(alice, 'vc2_0_jose', { validUntil: '2030-01-01T00:00:00Z' });
    await expect(verifier().verifyCredential(current)).resolves.toBeDefined();
    const later = verifier({ now: () => new Date('2031-01-01T00:00:00Z') });
    expect((await refusal(later.verifyCredential(current))).reason).toBe('expired');
  });

  it("refuses a presentation of someone else's credential", async () => {
    const { jwt: bobs } = await membership(bob);
    expect(await refusal(verifier().verifyPresentation(await present(alice, [bobs]), { audience: verifierDid }))).toMatchObject({
      reason: 'holder_mismatch',
      status: 403,
    });
    const { jwt: alices } = await membership(alice);
    const vp = await present(alice, [alices]);
    expect((await refusal(verifier().verifyPresentation(vp, { audience: verifierDid, holderDid: bob.did }))).reason).toBe('holder_mismatch');
    expect((await refusal(verifier().verifyCredential(alices, { holderDid: bob.did }))).reason).toBe('holder_mismatch');
  });

  it('refuses a presentation made for another verifier', async () => {
    const { jwt } = await membership(alice);
    const vp = await present(alice, [jwt], 'did:web:other-verifier.example.com');
    expect(await refusal(verifier().verifyPresentation(vp, { audience: verifierDid }))).toMatchObject({ reason: 'wrong_audience', status: 401 });
  });

  it('refuses a presentation signed by a key that is not the holder’s', async () => {
    const { jwt } = await membership(alice);
    const vp = await issueJwtPresentation({
      holderDid: alice.did,
      kid: bob.kid,
      privateJwk: bob.keys.privateJwk,
      algorithm: 'ES256',
      audience: verifierDid,
      credentials: [jwt],
    });
    expect((await refusal(verifier().verifyPresentation(vp, { audience: verifierDid }))).reason).toBe('bad_signature');
  });

  it('sees a revocation once the status list TTL has passed', async () => {
    const { jwt, index } = await membership(alice);
    const vp = await present(alice, [jwt]);
    const cachingVerifier = verifier({ statusListTtlMs: 500 });
    await expect(cachingVerifier.verifyPresentation(vp, { audience: verifierDid })).resolves.toBeDefined();

    statusList.set(index, true);
    await publishStatusList();
    // still within the TTL: the cached list says valid
    await expect(cachingVerifier.verifyPresentation(vp, { audience: verifierDid })).resolves.toBeDefined();
    // a fresh verifier sees it at once
    expect(await refusal(verifier().verifyCredential(jwt))).toMatchObject({ reason: 'revoked', status: 403 });

    await new Promise((resolve) => setTimeout(resolve, 550));
    expect((await refusal(cachingVerifier.verifyPresentation(vp, { audience: verifierDid }))).reason).toBe('revoked');

    statusList.set(index, false);
    await publishStatusList();
  });

  it('fetches the status list once per TTL', async () => {
    const before = server.hitCount('/status/1');
    const shared = verifier({ statusListTtlMs: 60_000 });
    for (let i = 0; i < 3; i++) await shared.verifyCredential((await membership(alice)).jwt);
    expect(server.hitCount('/status/1') - before).toBe(1);
  });

  it('reads a status list served as JSON enveloping the JWT, and as text/plain', async () => {
    const list = BitstringStatusList.create();
    list.set(5, true);
    const jwt = await publishStatusList(issuer, '/status/enveloped', list);
    server.serve('/status/enveloped', {
      contentType: 'application/vc',
      body: { '@context': ['https://www.w3.org/ns/credentials/v2'], type: 'EnvelopedVerifiableCredential', id: `data:application/vc+jwt,${jwt}` },
    });
    server.serve('/status/plain', { contentType: 'text/plain', body: jwt });
    for (const path of ['/status/enveloped', '/status/plain']) {
      const credential = await issueJwtCredential({
        issuerDid: issuer.did,
        kid: issuer.kid,
        privateJwk: issuer.keys.privateJwk,
        algorithm: 'ES256',
        format: 'vc1_0_jwt',
        credential: {
          type: ['VerifiableCredential', 'MembershipCredential'],
          credentialSubject: { id: alice.did },
          credentialStatus: buildStatusListEntry({ statusListCredential: `${server.baseUrl}${path}`, index: 5 }),
        },
      });
      expect((await refusal(verifier().verifyCredential(credential))).reason).toBe('revoked');
    }
  });

  it('refuses a status list that is unsigned, signed by another issuer, or unreachable', async () => {
    const rogueList = BitstringStatusList.create();
    await publishStatusList(rogue, '/status/rogue', rogueList);
    server.serve('/status/unsigned', { body: buildStatusListCredential({ id: `${server.baseUrl}/status/unsigned`, issuerDid: issuer.did, list: rogueList }) });
    for (const path of ['/status/rogue', '/status/unsigned', '/status/missing']) {
      const { jwt } = await membership(alice, 'vc1_0_jwt', {
        credentialStatus: buildStatusListEntry({ statusListCredential: `${server.baseUrl}${path}`, index: 1 }),
      });
      expect(await refusal(verifier().verifyCredential(jwt))).toMatchObject({ reason: 'status_unavailable', status: 401 });
    }
  });

  it('fetches status lists over https only, unless the host is allowed http', async () => {
    const { jwt } = await membership(alice);
    const strict = verifier({ allowHttpHosts: [] });
    expect((await refusal(strict.verifyCredential(jwt))).message).toContain('https');
  });

  it('refuses malformed input', async () => {
    expect((await refusal(verifier().verifyCredential('nope'))).reason).toBe('malformed');
    expect((await refusal(verifier().verifyPresentation('a.b.c', { audience: verifierDid }))).reason).toBe('malformed');
    const notAVp = await alice.signRaw({ iss: alice.did, aud: verifierDid, exp: Math.floor(Date.now() / 1000) + 60 });
    expect((await refusal(verifier().verifyPresentation(notAVp, { audience: verifierDid }))).reason).toBe('malformed');
  });
});
