import { decodeJwt, decodeProtectedHeader } from 'jose';
import {
  DidResolver,
  generateKeyPair,
  InMemoryJtiReplayStore,
  JtiReplayCache,
  KeyAlgorithm,
  signSelfIssuedToken,
  TokenVerificationException,
  verifySelfIssuedToken,
} from '../src';
import { DidWebServer } from './support/did-web-server';
import { publishParticipant, TestParticipant } from './support/participant';

describe('self-issued ID tokens (DCP)', () => {
  const server = new DidWebServer();
  const verifierDid = 'did:web:verifier.example.com';
  let resolver: DidResolver;
  let alice: TestParticipant;
  let bob: TestParticipant;

  beforeAll(async () => {
    await server.start();
    alice = await publishParticipant(server, 'alice', 'ES256');
    bob = await publishParticipant(server, 'bob', 'EdDSA');
    resolver = new DidResolver({ allowHttpHosts: ['127.0.0.1'] });
  });
  afterAll(() => server.stop());

  const sign = (who: TestParticipant, extra: Partial<Parameters<typeof signSelfIssuedToken>[0]> = {}) =>
    signSelfIssuedToken({
      did: who.did,
      kid: who.kid,
      privateJwk: who.keys.privateJwk,
      algorithm: who.keys.algorithm,
      audience: verifierDid,
      ...extra,
    });

  async function reasonOf(token: string, options: Partial<Parameters<typeof verifySelfIssuedToken>[1]> = {}) {
    const error = await verifySelfIssuedToken(token, { audience: verifierDid, resolver, ...options }).catch((e) => e);
    expect(error).toBeInstanceOf(TokenVerificationException);
    expect(error.status).toBe(401);
    expect(error.extensions.reason).toBe(error.reason);
    return error.reason;
  }

  it.each<[string, () => TestParticipant]>([
    ['ES256', () => alice],
    ['EdDSA', () => bob],
  ])('signs the DCP claims and verifies (%s)', async (_algorithm, who) => {
    const participant = who();
    const token = await sign(participant, { claims: { token: 'access-token-for-my-credential-service', iss: 'did:web:evil' } });
    expect(decodeProtectedHeader(token)).toEqual({ alg: participant.keys.algorithm, kid: participant.kid, typ: 'JWT' });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ iss: participant.did, sub: participant.did, aud: verifierDid, token: 'access-token-for-my-credential-service' });
    expect(claims.exp! - claims.iat!).toBe(300);
    expect(typeof claims.jti).toBe('string');

    const verified = await verifySelfIssuedToken(token, { audience: verifierDid, resolver, replay: new JtiReplayCache() });
    expect(verified).toMatchObject({ iss: participant.did, sub: participant.did, aud: verifierDid, jti: claims.jti });
    expect(verified.claims.token).toBe('access-token-for-my-credential-service');
  });

  it('makes a fragment kid absolute', async () => {
    const token = await sign(alice, { kid: 'key-1' });
    expect(decodeProtectedHeader(token).kid).toBe(alice.kid);
  });

  it('refuses an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await alice.signRaw({ iss: alice.did, sub: alice.did, aud: verifierDid, jti: 'j-expired', iat: now - 600, exp: now - 300 });
    expect(await reasonOf(token)).toBe('expired');
  });

  it('accepts a token that expired within the clock tolerance, not beyond', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await alice.signRaw({ iss: alice.did, sub: alice.did, aud: verifierDid, jti: 'j-skew', iat: now - 60, exp: now - 5 });
    await expect(verifySelfIssuedToken(token, { audience: verifierDid, resolver, clockToleranceSeconds: 30 })).resolves.toBeDefined();
    expect(await reasonOf(token, { clockToleranceSeconds: 1 })).toBe('expired');
  });

  it('refuses a token issued in the future', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await alice.signRaw({ iss: alice.did, sub: alice.did, aud: verifierDid, jti: 'j-future', iat: now + 600, exp: now + 900 });
    expect(await reasonOf(token)).toBe('not_yet_valid');
  });

  it('refuses a token for another audience', async () => {
    expect(await reasonOf(await sign(alice, { audience: 'did:web:someone-else.example.com' }))).toBe('wrong_audience');
  });

  it('refuses a replayed jti, and a rejected token does not use up its jti', async () => {
    const replay = new JtiReplayCache();
    const token = await sign(alice);
    await expect(reasonOf(token, { audience: 'did:web:other', replay })).resolves.toBe('wrong_audience');
    await verifySelfIssuedToken(token, { audience: verifierDid, resolver, replay });
    expect(await reasonOf(token, { replay })).toBe('replayed');
  });

  it('refuses a replayed jti through a JtiReplayStore, which keys ids by issuer', async () => {
    const replay = new InMemoryJtiReplayStore();
    const token = await sign(alice);
    await expect(reasonOf(token, { audience: 'did:web:other', replay })).resolves.toBe('wrong_audience');
    await verifySelfIssuedToken(token, { audience: verifierDid, resolver, replay });
    expect(await reasonOf(token, { replay })).toBe('replayed');
    const { jti } = decodeJwt(token);
    const exp = Math.floor(Date.now() / 1000) + 60;
    const sameIdFromBob = await bob.signRaw({ iss: bob.did, sub: bob.did, aud: verifierDid, jti, exp });
    await expect(verifySelfIssuedToken(sameIdFromBob, { audience: verifierDid, resolver, replay })).resolves.toMatchObject({ iss: bob.did });
  });

  it('refuses a kid the DID document does not list', async () => {
    const token = await alice.signRaw(
      { iss: alice.did, sub: alice.did, aud: verifierDid, jti: 'j-kid', exp: Math.floor(Date.now() / 1000) + 60 },
      { kid: `${alice.did}#key-99` },
    );
    expect(await reasonOf(token)).toBe('unknown_key');
  });

  it('refuses a kid of another DID than the issuer', async () => {
    const token = await alice.signRaw(
      { iss: alice.did, sub: alice.did, aud: verifierDid, jti: 'j-kid-other', exp: Math.floor(Date.now() / 1000) + 60 },
      { kid: bob.kid, alg: 'ES256' },
    );
    expect(await reasonOf(token)).toBe('unknown_key');
  });

  it('refuses a token of a DID that does not resolve', async () => {
    const ghost = server.did('ghost');
    const mallory = await generateKeyPair('ES256');
    const token = await signSelfIssuedToken({ did: ghost, kid: `${ghost}#key-1`, privateJwk: mallory.privateJwk, algorithm: 'ES256', audience: verifierDid });
    expect(await reasonOf(token)).toBe('unknown_key');
  });

  it.each<KeyAlgorithm>(['ES256', 'EdDSA'])('refuses a token signed by a different %s key under the right kid', async (algorithm) => {
    const who = algorithm === 'ES256' ? alice : bob;
    const mallory = await generateKeyPair(algorithm);
    const token = await signSelfIssuedToken({ did: who.did, kid: who.kid, privateJwk: mallory.privateJwk, algorithm, audience: verifierDid });
    expect(await reasonOf(token)).toBe('bad_signature');
  });

  it('refuses a token whose algorithm does not fit the key', async () => {
    const mallory = await generateKeyPair('EdDSA');
    const token = await signSelfIssuedToken({ did: alice.did, kid: alice.kid, privateJwk: mallory.privateJwk, algorithm: 'EdDSA', audience: verifierDid });
    expect(await reasonOf(token)).toBe('bad_signature');
  });

  it('refuses iss ≠ sub', async () => {
    const token = await alice.signRaw({ iss: alice.did, sub: bob.did, aud: verifierDid, jti: 'j-sub', exp: Math.floor(Date.now() / 1000) + 60 });
    expect(await reasonOf(token)).toBe('malformed');
  });

  it('refuses garbage and tokens missing jti or exp', async () => {
    expect(await reasonOf('not-a-jwt')).toBe('malformed');
    const exp = Math.floor(Date.now() / 1000) + 60;
    expect(await reasonOf(await alice.signRaw({ iss: alice.did, sub: alice.did, aud: verifierDid, exp }))).toBe('malformed');
    expect(await reasonOf(await alice.signRaw({ iss: alice.did, sub: alice.did, aud: verifierDid, jti: 'j' }))).toBe('malformed');
    expect(await reasonOf(await alice.signRaw({ iss: alice.did, sub: alice.did, aud: verifierDid, jti: 'j', exp }, { alg: 'ES256', kid: undefined }))).toBe('malformed');
  });
});

describe('JtiReplayCache', () => {
  it('remembers an id until it expires, then lets it through again', () => {
    let now = 1_000_000_000_000;
    const cache = new JtiReplayCache({ now: () => now });
    expect(cache.checkAndRemember('a', now + 1000)).toBe(true);
    expect(cache.checkAndRemember('a', now + 1000)).toBe(false);
    now += 1001;
    expect(cache.checkAndRemember('a', now + 1000)).toBe(true);
  });

  it('accepts a JWT exp in seconds', () => {
    const now = 1_700_000_000_000;
    const cache = new JtiReplayCache({ now: () => now });
    expect(cache.checkAndRemember('a', now / 1000 + 60)).toBe(true);
    expect(cache.checkAndRemember('a', now / 1000 + 60)).toBe(false);
  });

  it('stays bounded, dropping expired ids first', () => {
    const now = 1_000_000_000_000;
    const cache = new JtiReplayCache({ maxEntries: 3, now: () => now });
    cache.checkAndRemember('expired', now - 1);
    cache.checkAndRemember('live-1', now + 1000);
    cache.checkAndRemember('live-2', now + 1000);
    cache.checkAndRemember('live-3', now + 1000);
    expect(cache.size).toBe(3);
    expect(cache.checkAndRemember('live-1', now + 1000)).toBe(false);
    expect(cache.checkAndRemember('live-3', now + 1000)).toBe(false);
  });
});
