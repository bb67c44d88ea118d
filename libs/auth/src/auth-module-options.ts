import type { JWTVerifyGetKey } from 'jose';

export interface AuthModuleOptions {
  /** Expected `iss` claim. Also the JWKS base when `jwksUrl` is not given (`<issuer>/.well-known/jwks.json`). */
  issuer?: string;
  /** Expected `aud` claim (one of them). */
  audience: string | string[];
  /** Where the public keys are, e.g. Keycloak's `<realm>/protocol/openid-connect/certs`. */
  jwksUrl?: string;
  /**
   * Resolves verification keys in-process instead of over HTTP (the embedded auth-server uses this for its
   * own app, so it never calls itself). Wins over `jwksUrl`.
   */
  getKey?: JWTVerifyGetKey;
  /** Accepted signature algorithms; never `none` or HMAC. */
  algorithms?: string[];
  clockToleranceSeconds?: number;
  /**
   * Minimum seconds between two JWKS downloads when a token names an unknown key id (after a key
   * rotation). Small, so a rotated key is picked up quickly; not zero, so forged key ids cannot flood the IdP.
   */
  jwksCooldownSeconds?: number;
  /** Route parameters that name a participant context and are checked for ownership. */
  participantContextParams?: string[];
}

export const AUTH_MODULE_OPTIONS = Symbol('AUTH_MODULE_OPTIONS');

export const DEFAULT_ALGORITHMS = ['ES256', 'ES384', 'RS256', 'RS384', 'RS512', 'PS256', 'EdDSA'];
export const DEFAULT_PARTICIPANT_CONTEXT_PARAMS = ['ctxId', 'participantContextId', 'issuerCtxId'];
