import { compactVerify, importJWK, SignJWT } from 'jose';
import { generateKeyPair } from './generate-key-pair';
import { jwkThumbprint } from './jwk-thumbprint';
import { KeyAlgorithm } from './key-algorithm';
import { toPublicJwk } from './public-jwk';

describe.each<[KeyAlgorithm, string, string]>([
  ['ES256', 'EC', 'P-256'],
  ['EdDSA', 'OKP', 'Ed25519'],
])('generateKeyPair(%s)', (algorithm, kty, crv) => {
  it('produces a plain JWK pair whose private key signs and whose public key verifies', async () => {
    const pair = await generateKeyPair(algorithm);
    expect(pair.algorithm).toBe(algorithm);
    expect(pair.publicJwk).toMatchObject({ kty, crv, alg: algorithm });
    expect(pair.publicJwk.d).toBeUndefined();
    expect(typeof pair.privateJwk.d).toBe('string');

    const jws = await new SignJWT({ hello: 'world' })
      .setProtectedHeader({ alg: algorithm })
      .sign(await importJWK(pair.privateJwk, algorithm));
    const { payload } = await compactVerify(jws, await importJWK(pair.publicJwk, algorithm));
    expect(JSON.parse(Buffer.from(payload).toString())).toEqual({ hello: 'world' });

    const other = await generateKeyPair(algorithm);
    await expect(compactVerify(jws, await importJWK(other.publicJwk, algorithm))).rejects.toThrow();
  });

  it('has a stable thumbprint that ignores private members and alg', async () => {
    const pair = await generateKeyPair(algorithm);
    const thumbprint = await jwkThumbprint(pair.publicJwk);
    expect(thumbprint).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await jwkThumbprint(pair.privateJwk)).toBe(thumbprint);
    expect(await jwkThumbprint((await generateKeyPair(algorithm)).publicJwk)).not.toBe(thumbprint);
  });
});

describe('jwkThumbprint', () => {
  it('matches the RFC 7638 §3.1 example', async () => {
    const jwk = {
      kty: 'RSA',
      n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
      e: 'AQAB',
    };
    expect(await jwkThumbprint(jwk)).toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
  });

  it('toPublicJwk strips every private member', async () => {
    const pair = await generateKeyPair('ES256');
    expect(toPublicJwk(pair.privateJwk)).toEqual(pair.publicJwk);
  });
});
