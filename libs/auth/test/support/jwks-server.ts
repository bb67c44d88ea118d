import * as http from 'http';
import { AddressInfo } from 'net';
import { exportJWK, generateKeyPair, JWK, KeyLike, SignJWT } from 'jose';

export interface SigningKey {
  kid: string;
  privateKey: KeyLike;
  publicJwk: JWK;
}

export async function signingKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } };
}

/** A real HTTP JWKS endpoint, standing in for an external IdP (Keycloak). */
export async function startJwksServer(keys: SigningKey[]): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: keys.map((k) => k.publicJwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface TokenSpec {
  key: SigningKey;
  issuer?: string;
  audience?: string;
  claims?: Record<string, unknown>;
  expiresIn?: string | number;
}

export function mintToken(spec: TokenSpec): Promise<string> {
  return new SignJWT(spec.claims ?? {})
    .setProtectedHeader({ alg: 'ES256', kid: spec.key.kid, typ: 'at+jwt' })
    .setIssuer(spec.issuer ?? 'https://idp.test')
    .setAudience(spec.audience ?? 'dsaas')
    .setSubject(String(spec.claims?.client_id ?? 'client'))
    .setIssuedAt()
    .setExpirationTime(spec.expiresIn ?? '5m')
    .sign(spec.key.privateKey);
}
