import { decodeJwt, decodeProtectedHeader } from 'jose';
import { generateKeyPair } from '../keys/generate-key-pair';
import { issueJwtCredential } from './issue-jwt-credential';
import { issueJwtPresentation } from './issue-jwt-presentation';

const issuerDid = 'did:web:issuer.example.com';
const holderDid = 'did:web:holder.example.com:ctx-a';

describe('issueJwtCredential', () => {
  const membership = {
    id: 'urn:uuid:5b3c4bc4-1c1b-4ab0-9d0a-8d0e2fcd1f01',
    type: ['VerifiableCredential', 'MembershipCredential'],
    credentialSubject: { id: holderDid, memberOf: 'dataspace-x' },
  };

  it('vc1_0_jwt: registered claims from the credential, the credential in `vc`', async () => {
    const keys = await generateKeyPair('ES256');
    const jwt = await issueJwtCredential({
      issuerDid,
      kid: 'key-1',
      privateJwk: keys.privateJwk,
      algorithm: 'ES256',
      format: 'vc1_0_jwt',
      credential: { ...membership, issuanceDate: '2025-01-01T00:00:00Z', expirationDate: '2026-01-01T00:00:00Z', issuer: 'did:web:forged' },
    });
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'ES256', kid: `${issuerDid}#key-1`, typ: 'JWT' });
    const claims = decodeJwt(jwt);
    expect(claims).toMatchObject({
      iss: issuerDid,
      sub: holderDid,
      jti: membership.id,
      nbf: Date.parse('2025-01-01T00:00:00Z') / 1000,
      exp: Date.parse('2026-01-01T00:00:00Z') / 1000,
      vc: { '@context': ['https://www.w3.org/2018/credentials/v1'], issuer: issuerDid, credentialSubject: membership.credentialSubject },
    });
  });

  it('vc2_0_jose: the payload is the credential, typ vc+jwt, cty vc', async () => {
    const keys = await generateKeyPair('EdDSA');
    const jwt = await issueJwtCredential({
      issuerDid,
      kid: `${issuerDid}#key-2`,
      privateJwk: keys.privateJwk,
      algorithm: 'EdDSA',
      format: 'vc2_0_jose',
      credential: { ...membership, validUntil: '2030-01-01T00:00:00Z' },
    });
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'EdDSA', kid: `${issuerDid}#key-2`, typ: 'vc+jwt', cty: 'vc' });
    const payload = decodeJwt(jwt);
    expect(payload).toEqual({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      ...membership,
      issuer: issuerDid,
      validFrom: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      validUntil: '2030-01-01T00:00:00Z',
    });
  });

  it('refuses a credential without subject, with a proof or with a bad date', async () => {
    const keys = await generateKeyPair('ES256');
    const base = { issuerDid, kid: 'key-1', privateJwk: keys.privateJwk, algorithm: 'ES256' as const, format: 'vc1_0_jwt' as const };
    await expect(issueJwtCredential({ ...base, credential: { type: ['VerifiableCredential'] } })).rejects.toThrow(/credentialSubject/);
    await expect(issueJwtCredential({ ...base, credential: { ...membership, proof: {} } })).rejects.toThrow(/proof/);
    await expect(issueJwtCredential({ ...base, credential: { ...membership, expirationDate: 'tomorrow' } })).rejects.toThrow(/expirationDate/);
    await expect(issueJwtCredential({ ...base, privateJwk: keys.publicJwk, credential: membership })).rejects.toThrow(/private/);
  });
});

describe('issueJwtPresentation', () => {
  it('wraps JWT VCs in a VC 1.1 JWT VP addressed to the verifier', async () => {
    const keys = await generateKeyPair('ES256');
    const jwt = await issueJwtPresentation({
      holderDid,
      kid: `${holderDid}#key-1`,
      privateJwk: keys.privateJwk,
      algorithm: 'ES256',
      audience: 'did:web:verifier.example.com',
      credentials: ['a.b.c'],
      nonce: 'n-1',
    });
    const claims = decodeJwt(jwt);
    expect(claims).toMatchObject({
      iss: holderDid,
      sub: holderDid,
      aud: 'did:web:verifier.example.com',
      nonce: 'n-1',
      vp: { type: ['VerifiablePresentation'], holder: holderDid, verifiableCredential: ['a.b.c'] },
    });
    expect(claims.exp! - claims.iat!).toBe(300);
    expect(claims.jti).toBe((claims.vp as { id: string }).id);
  });
});
