import { InvalidDidException } from './did-resolution.exception';

const DID_WEB_PREFIX = 'did:web:';

export interface DidWebUrlOptions {
  /** Hosts (hostname, or hostname:port) that may be fetched over plain http, e.g. ['localhost', '127.0.0.1']. */
  allowHttpHosts?: string[];
}

/**
 * did:web for a base URL plus optional extra path segments (did:web method spec §3.1):
 * `https://host:8085/ctx-a` → `did:web:host%3A8085:ctx-a`. The scheme is not part of the DID.
 */
export function didWebForUrl(baseUrl: string, path: string[] = []): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new InvalidDidException(`'${baseUrl}' is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InvalidDidException(`did:web needs an http(s) URL, got '${baseUrl}'`);
  }
  const host = url.port ? `${url.hostname}%3A${url.port}` : url.hostname;
  const urlSegments = url.pathname.split('/').filter((segment) => segment.length > 0).map(decodeURIComponent);
  const segments = [...urlSegments, ...path];
  for (const segment of segments) {
    if (!segment) throw new InvalidDidException(`empty path segment in did:web for '${baseUrl}'`);
  }
  return [DID_WEB_PREFIX + host, ...segments.map(encodeSegment)].join(':');
}

/** The URL a did:web document is fetched from: `<scheme>://<host>/<path>/did.json`, or `/.well-known/did.json` for a bare host. */
export function didWebDocumentUrl(did: string, options: DidWebUrlOptions = {}): string {
  const { host, hostname, segments } = parseDidWeb(did);
  const scheme = isHttpAllowed(host, hostname, options.allowHttpHosts) ? 'http' : 'https';
  const path = segments.length ? `/${segments.map(encodeURIComponent).join('/')}/did.json` : '/.well-known/did.json';
  return `${scheme}://${host}${path}`;
}

/** Splits a did:web into its host (with port) and decoded path segments; throws InvalidDidException. */
export function parseDidWeb(did: string): { host: string; hostname: string; port?: string; segments: string[] } {
  if (typeof did !== 'string' || !did.startsWith(DID_WEB_PREFIX)) {
    throw new InvalidDidException(`'${did}' is not a did:web DID`, typeof did === 'string' ? did : undefined);
  }
  const specific = did.slice(DID_WEB_PREFIX.length);
  if (/[#?/]/.test(specific)) {
    throw new InvalidDidException(`'${did}' contains a fragment, query or '/'; pass the bare DID`, did);
  }
  const [encodedHost, ...encodedSegments] = specific.split(':');
  let host: string;
  let segments: string[];
  try {
    host = decodeURIComponent(encodedHost);
    segments = encodedSegments.map(decodeURIComponent);
  } catch {
    throw new InvalidDidException(`'${did}' has invalid percent-encoding`, did);
  }
  const match = /^([a-zA-Z0-9.-]+|\[[0-9a-fA-F:]+\])(?::(\d{1,5}))?$/.exec(host);
  if (!match) throw new InvalidDidException(`'${did}' has no valid host`, did);
  if (segments.some((segment) => segment.length === 0 || segment.includes('/'))) {
    throw new InvalidDidException(`'${did}' has an empty or invalid path segment`, did);
  }
  return { host, hostname: match[1].toLowerCase(), port: match[2], segments };
}

function encodeSegment(segment: string): string {
  // ':' separates path segments in did:web, so it must stay encoded inside a segment.
  return encodeURIComponent(segment);
}

export function isHttpAllowed(host: string, hostname: string, allowHttpHosts: string[] = []): boolean {
  const lowerHost = host.toLowerCase();
  return allowHttpHosts.some((allowed) => {
    const entry = allowed.toLowerCase();
    return entry === hostname || entry === lowerHost;
  });
}
