import { compactVerify, decodeProtectedHeader, importJWK, JWK, ProtectedHeaderParameters } from 'jose';
import { DidResolver } from '../did/did-resolver';
import { algorithmForJwk } from './signing-key';
import { isKeyAlgorithm, KeyAlgorithm } from './key-algorithm';

export type DidKeyVerificationFailure = 'malformed' | 'unknown_key' | 'bad_signature';

/** Internal: why a JWS could not be checked against its DID key; callers map it to their own exception. */
export class DidKeyVerificationError extends Error {
  constructor(readonly reason: DidKeyVerificationFailure, message: string) {
    super(message);
  }
}

export interface DidKeyVerificationResult {
  header: ProtectedHeaderParameters;
  payload: Record<string, any>;
  kid: string;
  algorithm: KeyAlgorithm;
  publicJwk: JWK;
}

/**
 * Checks a compact JWS against the key its `kid` names in the DID document of `expectedDid`.
 * A relative kid ('#key-1' or 'key-1') is taken relative to `expectedDid`; an absolute one must belong to it.
 */
export async function verifyWithDidKey(token: string, expectedDid: string, resolver: DidResolver): Promise<DidKeyVerificationResult> {
  let header: ProtectedHeaderParameters;
  try {
    header = decodeProtectedHeader(token);
  } catch (error) {
    throw new DidKeyVerificationError('malformed', `not a compact JWS: ${error?.message ?? error}`);
  }
  if (!isKeyAlgorithm(header.alg)) throw new DidKeyVerificationError('malformed', `unsupported JWS algorithm '${header.alg}'`);
  if (typeof header.kid !== 'string' || header.kid.length === 0) throw new DidKeyVerificationError('malformed', 'JWS header has no kid');
  const absoluteKid = header.kid.startsWith('#')
    ? expectedDid + header.kid
    : header.kid.includes('#')
      ? header.kid
      : `${expectedDid}#${header.kid}`;
  const kidDid = absoluteKid.slice(0, absoluteKid.indexOf('#'));
  if (kidDid !== expectedDid) {
    throw new DidKeyVerificationError('unknown_key', `key '${absoluteKid}' does not belong to ${expectedDid}`);
  }
  let publicJwk: JWK;
  try {
    publicJwk = await resolver.resolveKey(absoluteKid);
  } catch (error) {
    throw new DidKeyVerificationError('unknown_key', error?.message ?? String(error));
  }
  const keyAlgorithm = algorithmForJwk(publicJwk);
  if (keyAlgorithm !== header.alg) {
    throw new DidKeyVerificationError('bad_signature', `key '${absoluteKid}' is not an ${header.alg} key`);
  }
  let verified;
  try {
    const key = await importJWK(publicJwk, header.alg);
    verified = await compactVerify(token, key, { algorithms: [header.alg] });
  } catch (error) {
    const code = error?.code;
    if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') {
      throw new DidKeyVerificationError('bad_signature', `signature does not verify with '${absoluteKid}'`);
    }
    throw new DidKeyVerificationError('malformed', `JWS could not be verified: ${error?.message ?? error}`);
  }
  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder().decode(verified.payload));
  } catch {
    throw new DidKeyVerificationError('malformed', 'JWS payload is not JSON');
  }
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new DidKeyVerificationError('malformed', 'JWS payload is not a JSON object');
  }
  return { header, payload: payload as Record<string, any>, kid: absoluteKid, algorithm: header.alg, publicJwk };
}
