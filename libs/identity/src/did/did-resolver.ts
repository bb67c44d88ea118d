import { JWK } from 'jose';
import { toPublicJwk } from '../keys/public-jwk';
import { DidDocument } from './did-document';
import {
  DidNotFoundException,
  DidResolutionException,
  DidResolutionFailedException,
  InvalidDidDocumentException,
  UnknownKeyException,
} from './did-resolution.exception';
import { didWebDocumentUrl } from './did-web';

export interface DidResolverOptions {
  /** Hosts that may be fetched over plain http (development, tests). Everything else is https. */
  allowHttpHosts?: string[];
  /** How long a resolved document is reused. Default 5 minutes. */
  ttlMs?: number;
  /** How long a failure is remembered, so a broken DID does not hammer its host. Default 5 s, never more than ttlMs. */
  negativeTtlMs?: number;
  fetch?: typeof fetch;
  /** Per request. Default 5 s. */
  timeoutMs?: number;
  /** Cache bound; the oldest entries go first. Default 1000. */
  maxEntries?: number;
  /** Largest document accepted, in bytes. Default 256 KiB. */
  maxDocumentBytes?: number;
}

interface CacheEntry {
  expiresAt: number;
  document?: DidDocument;
  error?: DidResolutionException;
}

/** Resolves did:web DIDs over http(s) with a TTL cache; concurrent lookups of one DID share one request. */
export class DidResolver {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly inFlight = new Map<string, Promise<DidDocument>>();
  private readonly ttlMs: number;
  private readonly negativeTtlMs: number;
  private readonly timeoutMs: number;
  private readonly maxEntries: number;
  private readonly maxDocumentBytes: number;
  private readonly fetchFn: typeof fetch;

  constructor(private readonly options: DidResolverOptions = {}) {
    this.ttlMs = options.ttlMs ?? 5 * 60_000;
    this.negativeTtlMs = Math.min(options.negativeTtlMs ?? 5_000, this.ttlMs);
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.maxEntries = options.maxEntries ?? 1000;
    this.maxDocumentBytes = options.maxDocumentBytes ?? 256 * 1024;
    this.fetchFn = options.fetch ?? fetch;
  }

  async resolve(did: string): Promise<DidDocument> {
    const cached = this.cache.get(did);
    if (cached && cached.expiresAt > Date.now()) {
      if (cached.error) throw cached.error;
      return cached.document as DidDocument;
    }
    const pending = this.inFlight.get(did);
    if (pending) return pending;
    const request = this.fetchDocument(did).then(
      (document) => {
        this.remember(did, { document, expiresAt: Date.now() + this.ttlMs });
        return document;
      },
      (error) => {
        // An invalid DID never becomes valid; other failures may be fixed soon, so they are remembered briefly.
        if (error instanceof DidResolutionException) {
          this.remember(did, { error, expiresAt: Date.now() + this.negativeTtlMs });
        }
        throw error;
      },
    );
    this.inFlight.set(did, request);
    try {
      return await request;
    } finally {
      this.inFlight.delete(did);
    }
  }

  /** 'did:web:host:ctx#key-1' → the public JWK of that verification method. */
  async resolveKey(absoluteKid: string): Promise<JWK> {
    const hash = typeof absoluteKid === 'string' ? absoluteKid.indexOf('#') : -1;
    if (hash <= 0 || hash === absoluteKid.length - 1) {
      throw new UnknownKeyException(`key id '${absoluteKid}' is not an absolute DID URL (did#fragment)`, String(absoluteKid));
    }
    const did = absoluteKid.slice(0, hash);
    const fragment = absoluteKid.slice(hash);
    const document = await this.resolve(did);
    const method = (document.verificationMethod ?? []).find(
      (candidate: any) => candidate && (candidate.id === absoluteKid || candidate.id === fragment),
    );
    if (!method) throw new UnknownKeyException(`DID document of ${did} has no verification method '${fragment}'`, absoluteKid);
    if (method.controller !== undefined && method.controller !== did) {
      throw new UnknownKeyException(`verification method '${absoluteKid}' is controlled by another DID`, absoluteKid);
    }
    const jwk = method.publicKeyJwk;
    if (!jwk || typeof jwk !== 'object' || typeof jwk.kty !== 'string') {
      throw new UnknownKeyException(`verification method '${absoluteKid}' has no publicKeyJwk`, absoluteKid);
    }
    return toPublicJwk(jwk);
  }

  /** Drops one DID (or everything) from the cache, e.g. after the hub rotated its own keys. */
  invalidate(did?: string): void {
    if (did) this.cache.delete(did);
    else this.cache.clear();
  }

  private remember(did: string, entry: CacheEntry): void {
    this.cache.delete(did);
    if (this.cache.size >= this.maxEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(did, entry);
  }

  private async fetchDocument(did: string): Promise<DidDocument> {
    const url = didWebDocumentUrl(did, { allowHttpHosts: this.options.allowHttpHosts });
    let response: Response;
    try {
      response = await this.fetchFn(url, {
        headers: { accept: 'application/did+json, application/did+ld+json, application/json' },
        redirect: 'error',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const reason = error?.name === 'TimeoutError' ? `timed out after ${this.timeoutMs} ms` : String(error?.cause?.code ?? error?.message ?? error);
      throw new DidResolutionFailedException(`could not fetch the DID document of ${did} from ${url}: ${reason}`, did);
    }
    if (response.status === 404 || response.status === 410) {
      await response.body?.cancel();
      throw new DidNotFoundException(`no DID document for ${did} at ${url} (HTTP ${response.status})`, did);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new DidResolutionFailedException(`DID document of ${did} at ${url} answered HTTP ${response.status}`, did);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw new DidResolutionFailedException(`could not read the DID document of ${did}: ${error?.message ?? error}`, did);
    }
    if (text.length > this.maxDocumentBytes) {
      throw new InvalidDidDocumentException(`DID document of ${did} is larger than ${this.maxDocumentBytes} bytes`, did);
    }
    let document: any;
    try {
      document = JSON.parse(text);
    } catch {
      throw new InvalidDidDocumentException(`DID document of ${did} at ${url} is not JSON`, did);
    }
    return validateDocument(did, document);
  }
}

function validateDocument(did: string, document: any): DidDocument {
  if (!document || typeof document !== 'object' || Array.isArray(document)) {
    throw new InvalidDidDocumentException(`DID document of ${did} is not a JSON object`, did);
  }
  // did:web §2.5: the document must be about the DID that was asked for, or anyone could serve someone else's keys.
  if (document.id !== did) {
    throw new InvalidDidDocumentException(`DID document id '${document.id}' does not match the requested DID ${did}`, did);
  }
  for (const member of ['verificationMethod', 'authentication', 'assertionMethod', 'service']) {
    if (document[member] !== undefined && !Array.isArray(document[member])) {
      throw new InvalidDidDocumentException(`DID document of ${did}: '${member}' must be an array`, did);
    }
  }
  return {
    ...document,
    '@context': Array.isArray(document['@context']) ? document['@context'] : document['@context'] ? [document['@context']] : [],
    verificationMethod: document.verificationMethod ?? [],
    authentication: document.authentication ?? [],
    assertionMethod: document.assertionMethod ?? [],
    service: document.service ?? [],
  };
}
