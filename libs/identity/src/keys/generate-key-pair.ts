import { exportJWK, generateKeyPair as joseGenerateKeyPair, JWK } from 'jose';
import { KeyAlgorithm } from './key-algorithm';

export interface GeneratedKeyPair {
  publicJwk: JWK;
  /** Plain JWK so callers can keep it in the SecretStore; never log it. */
  privateJwk: JWK;
  algorithm: KeyAlgorithm;
}

export async function generateKeyPair(algorithm: KeyAlgorithm): Promise<GeneratedKeyPair> {
  const options = algorithm === 'EdDSA' ? { crv: 'Ed25519', extractable: true } : { extractable: true };
  const { publicKey, privateKey } = await joseGenerateKeyPair(algorithm, options);
  const publicJwk = await exportJWK(publicKey);
  const privateJwk = await exportJWK(privateKey);
  publicJwk.alg = algorithm;
  privateJwk.alg = algorithm;
  return { publicJwk, privateJwk, algorithm };
}
