import { didWebDocumentUrl, didWebForUrl } from './did-web';
import { buildDidDocument } from './did-document';
import { InvalidDidException } from './did-resolution.exception';
import { generateKeyPair } from '../keys/generate-key-pair';

describe('didWebForUrl', () => {
  it.each([
    ['https://example.com', [], 'did:web:example.com'],
    ['https://example.com/', [], 'did:web:example.com'],
    ['https://host:8085/ctx-a', [], 'did:web:host%3A8085:ctx-a'],
    ['http://localhost:8085', ['ctx-a'], 'did:web:localhost%3A8085:ctx-a'],
    ['https://w3c-ccg.github.io/user/alice', [], 'did:web:w3c-ccg.github.io:user:alice'],
    ['https://example.com/api/did', ['tenant a', 'x:y'], 'did:web:example.com:api:did:tenant%20a:x%3Ay'],
  ])('%s + %j → %s', (url, path, did) => {
    expect(didWebForUrl(url, path)).toBe(did);
  });

  it('refuses what is not an http(s) URL', () => {
    expect(() => didWebForUrl('ftp://example.com')).toThrow(InvalidDidException);
    expect(() => didWebForUrl('not a url')).toThrow(InvalidDidException);
  });
});

describe('didWebDocumentUrl', () => {
  const allowHttpHosts = ['localhost', '127.0.0.1'];
  it.each([
    ['did:web:example.com', {}, 'https://example.com/.well-known/did.json'],
    ['did:web:w3c-ccg.github.io:user:alice', {}, 'https://w3c-ccg.github.io/user/alice/did.json'],
    ['did:web:example.com%3A3000:user:alice', {}, 'https://example.com:3000/user/alice/did.json'],
    ['did:web:host%3A8085:ctx-a', {}, 'https://host:8085/ctx-a/did.json'],
    ['did:web:localhost%3A8085:ctx-a', { allowHttpHosts }, 'http://localhost:8085/ctx-a/did.json'],
    ['did:web:127.0.0.1%3A9000', { allowHttpHosts }, 'http://127.0.0.1:9000/.well-known/did.json'],
    // http is only for the hosts named: everything else is https, localhost too when not listed
    ['did:web:localhost%3A8085:ctx-a', {}, 'https://localhost:8085/ctx-a/did.json'],
    ['did:web:example.com:ctx-a', { allowHttpHosts }, 'https://example.com/ctx-a/did.json'],
    ['did:web:example.com:tenant%20a', {}, 'https://example.com/tenant%20a/did.json'],
  ])('%s (%j) → %s', (did, options, url) => {
    expect(didWebDocumentUrl(did, options)).toBe(url);
  });

  it('round-trips with didWebForUrl', () => {
    const did = didWebForUrl('http://localhost:7000/hub', ['ctx-1']);
    expect(didWebDocumentUrl(did, { allowHttpHosts })).toBe('http://localhost:7000/hub/ctx-1/did.json');
  });

  it.each(['did:key:z6Mk', 'did:web:', 'did:web:example.com#key-1', 'did:web:example.com::a', 'did:web:exa mple.com', 'did:web:%E0%A4%A'])(
    'refuses %s with InvalidDidException',
    (did) => {
      expect(() => didWebDocumentUrl(did)).toThrow(InvalidDidException);
      try {
        didWebDocumentUrl(did);
      } catch (error) {
        expect(error).toMatchObject({ code: 'invalid_did', status: 400 });
      }
    },
  );
});

describe('buildDidDocument', () => {
  it('lists JsonWebKey2020 methods with public keys only, for authentication and assertion', async () => {
    const did = 'did:web:example.com:ctx-a';
    const pair = await generateKeyPair('EdDSA');
    const document = buildDidDocument(did, [{ id: 'key-1', publicJwk: pair.privateJwk }, { id: `${did}#key-2`, publicJwk: pair.publicJwk }], [
      { id: `${did}#credential-service`, type: 'CredentialService', serviceEndpoint: 'https://example.com/api/credentials/ctx-a' },
    ]);
    expect(document).toEqual({
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'],
      id: did,
      verificationMethod: [
        { id: `${did}#key-1`, type: 'JsonWebKey2020', controller: did, publicKeyJwk: pair.publicJwk },
        { id: `${did}#key-2`, type: 'JsonWebKey2020', controller: did, publicKeyJwk: pair.publicJwk },
      ],
      authentication: [`${did}#key-1`, `${did}#key-2`],
      assertionMethod: [`${did}#key-1`, `${did}#key-2`],
      service: [{ id: `${did}#credential-service`, type: 'CredentialService', serviceEndpoint: 'https://example.com/api/credentials/ctx-a' }],
    });
    expect(JSON.stringify(document)).not.toContain(pair.privateJwk.d);
  });
});
