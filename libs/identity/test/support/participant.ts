import { importJWK, SignJWT } from 'jose';
import { buildDidDocument, DidService, generateKeyPair, GeneratedKeyPair, KeyAlgorithm } from '../../src';
import { DidWebServer } from './did-web-server';

export interface TestParticipant {
  did: string;
  kid: string;
  keys: GeneratedKeyPair;
  /** Signs arbitrary header + claims with this participant's key, to forge the malformed tokens tests need. */
  signRaw(payload: Record<string, unknown>, header?: Record<string, unknown>): Promise<string>;
}

/** Publishes a DID document with one key on the test server and returns the participant. */
export async function publishParticipant(
  server: DidWebServer,
  name: string,
  algorithm: KeyAlgorithm = 'ES256',
  services: DidService[] = [],
): Promise<TestParticipant> {
  const did = server.did(name);
  const keys = await generateKeyPair(algorithm);
  server.serve(`/${name}/did.json`, { body: buildDidDocument(did, [{ id: 'key-1', publicJwk: keys.publicJwk }], services) });
  const kid = `${did}#key-1`;
  return {
    did,
    kid,
    keys,
    async signRaw(payload, header = {}) {
      return new SignJWT(payload)
        .setProtectedHeader({ alg: algorithm, kid, typ: 'JWT', ...header })
        .sign(await importJWK(keys.privateJwk, algorithm));
    },
  };
}
