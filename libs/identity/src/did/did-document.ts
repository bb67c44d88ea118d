import { JWK } from 'jose';
import { toPublicJwk } from '../keys/public-jwk';

export const DID_CONTEXT = ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'];

export interface DidService {
  id: string;
  type: string;
  serviceEndpoint: string;
}

export interface DidVerificationMethodInput {
  /** A fragment ('key-1' or '#key-1') or an absolute id ('did:web:...#key-1'). */
  id: string;
  publicJwk: JWK;
}

export interface DidVerificationMethod {
  id: string;
  type: string;
  controller: string;
  publicKeyJwk?: JWK;
  [member: string]: unknown;
}

export interface DidDocument {
  '@context': string[];
  id: string;
  verificationMethod: any[];
  authentication: string[];
  assertionMethod: string[];
  service: DidService[];
}

/** Absolute key id: `did#fragment`, whatever form the caller passed. */
export function absoluteKeyId(did: string, id: string): string {
  if (id.startsWith('#')) return did + id;
  if (id.includes('#')) return id;
  return `${did}#${id}`;
}

/**
 * A DID document with JsonWebKey2020 verification methods, usable both to authenticate (self-issued tokens, VPs)
 * and to assert (issue VCs). Private JWK members are stripped, so passing a private key by mistake cannot leak it.
 */
export function buildDidDocument(did: string, methods: DidVerificationMethodInput[], services: DidService[]): DidDocument {
  const verificationMethod: DidVerificationMethod[] = methods.map((method) => ({
    id: absoluteKeyId(did, method.id),
    type: 'JsonWebKey2020',
    controller: did,
    publicKeyJwk: toPublicJwk(method.publicJwk),
  }));
  const ids = verificationMethod.map((method) => method.id);
  return {
    '@context': [...DID_CONTEXT],
    id: did,
    verificationMethod,
    authentication: [...ids],
    assertionMethod: [...ids],
    service: services.map((service) => ({ ...service })),
  };
}
