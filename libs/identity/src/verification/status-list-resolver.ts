import { decodeProtectedHeader } from 'jose';
import { isHttpAllowed } from '../did/did-web';
import { DidResolver } from '../did/did-resolver';
import { DidKeyVerificationError, verifyWithDidKey } from '../keys/verify-with-did-key';
import { BitstringStatusList } from '../status-list/bitstring-status-list';
import { CredentialVerificationException } from './credential-verification.exception';
import { parseJwtCredential } from './parsed-jwt-credential';

export interface StatusListResolverOptions {
  resolver: DidResolver;
  ttlMs: number;
  fetch: typeof fetch;
  allowHttpHosts: string[];
  timeoutMs: number;
  now: () => Date;
}

export interface ResolvedStatusList {
  list: BitstringStatusList;
  issuer: string;
  purpose: string;
}

interface CacheEntry extends ResolvedStatusList {
  expiresAt: number;
}

const MAX_RESPONSE_CHARS = 2 * 1024 * 1024;

/**
 * Fetches status list credentials and keeps them for the TTL (the delay after which a revocation is seen).
 * Only signed lists are accepted: a JWT VC (any content type), or JSON that envelopes one. Failures are not cached.
 */
export class StatusListResolver {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly inFlight = new Map<string, Promise<ResolvedStatusList>>();

  constructor(private readonly options: StatusListResolverOptions) {}

  async resolve(url: string, expectedIssuer: string): Promise<ResolvedStatusList> {
    const cached = this.cache.get(url);
    let resolved: ResolvedStatusList;
    if (cached && cached.expiresAt > Date.now()) {
      resolved = cached;
    } else {
      let pending = this.inFlight.get(url);
      if (!pending) {
        pending = this.fetchList(url, expectedIssuer).finally(() => this.inFlight.delete(url));
        this.inFlight.set(url, pending);
      }
      resolved = await pending;
      this.cache.set(url, { ...resolved, expiresAt: Date.now() + this.options.ttlMs });
    }
    // The list must come from the credential's own issuer, or a third party could "un-revoke" credentials.
    if (resolved.issuer !== expectedIssuer) {
      throw unavailable(`status list ${url} is issued by ${resolved.issuer}, not by the credential's issuer ${expectedIssuer}`);
    }
    return resolved;
  }

  private async fetchList(url: string, expectedIssuer: string): Promise<ResolvedStatusList> {
    let parsedUrl: URL;
    try {
      parsedUrl = new URL(url);
    } catch {
      throw new CredentialVerificationException('malformed', `statusListCredential '${url}' is not a URL`);
    }
    const httpAllowed = isHttpAllowed(parsedUrl.host, parsedUrl.hostname, this.options.allowHttpHosts);
    if (parsedUrl.protocol !== 'https:' && !(parsedUrl.protocol === 'http:' && httpAllowed)) {
      throw unavailable(`status list ${url} must be fetched over https`);
    }
    let text: string;
    try {
      const response = await this.options.fetch(url, {
        headers: { accept: 'application/vc+jwt, application/jwt, application/vc+ld+json, application/vc, application/json;q=0.9, text/plain;q=0.5' },
        redirect: 'error',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      if (!response.ok) {
        await response.body?.cancel();
        throw new Error(`HTTP ${response.status}`);
      }
      text = await response.text();
    } catch (error) {
      throw unavailable(`status list ${url} could not be fetched: ${error?.name === 'TimeoutError' ? 'timed out' : (error?.message ?? error)}`);
    }
    if (text.length > MAX_RESPONSE_CHARS) throw unavailable(`status list ${url} is too large`);
    const jwt = extractJwt(text.trim());
    if (!jwt) throw unavailable(`status list ${url} is not a signed credential (a JWT VC or an enveloped one)`);

    let verified;
    try {
      verified = await verifyWithDidKey(jwt, expectedIssuer, this.options.resolver);
    } catch (error) {
      if (error instanceof DidKeyVerificationError) {
        throw unavailable(`status list ${url} does not verify against ${expectedIssuer}: ${error.message}`);
      }
      throw error;
    }
    const parsed = parseJwtCredential(decodeProtectedHeader(jwt), verified.payload);
    if (!parsed.types.includes('BitstringStatusListCredential') && !parsed.types.includes('StatusList2021Credential')) {
      throw unavailable(`status list ${url} is not a BitstringStatusListCredential`);
    }
    const nowSeconds = this.options.now().getTime() / 1000;
    if (parsed.validUntil !== undefined && parsed.validUntil < nowSeconds) throw unavailable(`status list ${url} has expired`);
    const subject = parsed.subjects[0];
    let list: BitstringStatusList;
    try {
      list = BitstringStatusList.decode(subject.encodedList);
    } catch (error) {
      throw unavailable(`status list ${url} has an unreadable encodedList: ${error?.message ?? error}`);
    }
    return { list, issuer: parsed.issuer, purpose: String(subject.statusPurpose ?? 'revocation') };
  }
}

function unavailable(message: string): CredentialVerificationException {
  return new CredentialVerificationException('status_unavailable', message);
}

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** A bare JWT, a JSON string holding one, or VC 2.0 JSON enveloping one (`id: data:application/vc+jwt,<jwt>`). */
function extractJwt(text: string): string | undefined {
  if (COMPACT_JWS.test(text)) return text;
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof json === 'string' && COMPACT_JWS.test(json)) return json;
  const id = json && typeof json === 'object' ? json.id : undefined;
  const match = typeof id === 'string' ? /^data:application\/(?:vc\+jwt|vc\+ld\+jwt|jwt),(.+)$/.exec(id) : null;
  if (match && COMPACT_JWS.test(match[1])) return match[1];
  return undefined;
}
