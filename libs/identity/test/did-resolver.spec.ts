import {
  buildDidDocument,
  DidNotFoundException,
  DidResolutionException,
  DidResolutionFailedException,
  DidResolver,
  generateKeyPair,
  InvalidDidDocumentException,
  UnknownKeyException,
} from '../src';
import { DidWebServer } from './support/did-web-server';

describe('DidResolver against a real did:web host', () => {
  const server = new DidWebServer();
  const allowHttpHosts = ['127.0.0.1'];

  beforeAll(() => server.start());
  afterAll(() => server.stop());

  async function publish(segment: string) {
    const did = server.did(segment);
    const pair = await generateKeyPair('ES256');
    const document = buildDidDocument(did, [{ id: 'key-1', publicJwk: pair.publicJwk }], []);
    server.serve(`/${segment}/did.json`, { body: document });
    return { did, pair, document, path: `/${segment}/did.json` };
  }

  it('resolves a document and serves it from the cache until the TTL runs out', async () => {
    const { did, document, path } = await publish('cached');
    const resolver = new DidResolver({ allowHttpHosts, ttlMs: 300 });

    expect(await resolver.resolve(did)).toEqual(document);
    expect(await resolver.resolve(did)).toEqual(document);
    expect(server.hitCount(path)).toBe(1);

    await new Promise((resolve) => setTimeout(resolve, 350));
    await resolver.resolve(did);
    expect(server.hitCount(path)).toBe(2);
  });

  it('shares one request between concurrent lookups of the same DID', async () => {
    const { did, path } = await publish('concurrent');
    const resolver = new DidResolver({ allowHttpHosts });
    await Promise.all([resolver.resolve(did), resolver.resolve(did), resolver.resolve(did)]);
    expect(server.hitCount(path)).toBe(1);
  });

  it('serves a bare-host DID from /.well-known/did.json', async () => {
    const did = server.did();
    const document = buildDidDocument(did, [], []);
    server.serve('/.well-known/did.json', { body: document });
    expect(await new DidResolver({ allowHttpHosts }).resolve(did)).toEqual(document);
  });

  it('refuses a document whose id is not the requested DID', async () => {
    const { document } = await publish('impostor-source');
    server.serve('/impostor/did.json', { body: document });
    const error = await new DidResolver({ allowHttpHosts }).resolve(server.did('impostor')).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidDidDocumentException);
    expect(error).toMatchObject({ code: 'invalid_did_document', status: 422 });
  });

  it('reports a missing document, a broken one and a server error with distinct codes', async () => {
    const resolver = new DidResolver({ allowHttpHosts });
    await expect(resolver.resolve(server.did('nobody'))).rejects.toBeInstanceOf(DidNotFoundException);
    server.serve('/garbage/did.json', { body: '<html>' });
    await expect(resolver.resolve(server.did('garbage'))).rejects.toBeInstanceOf(InvalidDidDocumentException);
    server.serve('/down/did.json', { status: 503, body: {} });
    await expect(resolver.resolve(server.did('down'))).rejects.toBeInstanceOf(DidResolutionFailedException);
  });

  it('remembers a failure only briefly, so a DID published later resolves', async () => {
    const resolver = new DidResolver({ allowHttpHosts, negativeTtlMs: 50 });
    const did = server.did('late');
    await expect(resolver.resolve(did)).rejects.toBeInstanceOf(DidNotFoundException);
    await expect(resolver.resolve(did)).rejects.toBeInstanceOf(DidNotFoundException);
    expect(server.hitCount('/late/did.json')).toBe(1);
    server.serve('/late/did.json', { body: buildDidDocument(did, [], []) });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect((await resolver.resolve(did)).id).toBe(did);
  });

  it('does not fall back to http for a host that is not allowed', async () => {
    const { did, path } = await publish('https-only');
    const error = await new DidResolver({ timeoutMs: 1000 }).resolve(did).catch((e) => e);
    expect(error).toBeInstanceOf(DidResolutionFailedException);
    expect(error.message).toContain(`https://${server.host}${path}`);
  });

  it('times out a host that does not answer', async () => {
    const neverAnswers = (url: string, init: RequestInit) =>
      new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const resolver = new DidResolver({ allowHttpHosts, timeoutMs: 50, fetch: neverAnswers as unknown as typeof fetch });
    const error = await resolver.resolve(server.did('slow')).catch((e) => e);
    expect(error).toBeInstanceOf(DidResolutionFailedException);
    expect(error.message).toContain('timed out');
  });

  it('resolveKey finds a key by absolute kid and refuses unknown or relative ones', async () => {
    const { did, pair } = await publish('keys');
    const resolver = new DidResolver({ allowHttpHosts });
    expect(await resolver.resolveKey(`${did}#key-1`)).toEqual(pair.publicJwk);
    await expect(resolver.resolveKey(`${did}#key-2`)).rejects.toBeInstanceOf(UnknownKeyException);
    await expect(resolver.resolveKey('#key-1')).rejects.toBeInstanceOf(UnknownKeyException);
    await expect(resolver.resolveKey(did)).rejects.toBeInstanceOf(UnknownKeyException);
    const error = await resolver.resolveKey(`${server.did('nobody-here')}#key-1`).catch((e) => e);
    expect(error).toBeInstanceOf(DidResolutionException);
  });
});
