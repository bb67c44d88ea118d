import { DomainException } from '@dsaas/model';

/** The shape jsonld.js expects from a document loader (`jsonld.documentLoader`). */
export interface RemoteDocument {
  contextUrl: string | null;
  documentUrl: string;
  document: object;
}

export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

/** A JSON-LD message names a context we do not hold offline; we never fetch contexts from the network. */
export class UnknownJsonLdContextException extends DomainException {
  readonly code = 'unknown_jsonld_context';
  readonly status = 400;

  constructor(readonly url: string) {
    super(`JSON-LD context '${url}' is not available offline`);
    this.extensions.context = url;
  }
}

/** Parses vendored context texts once, keyed by the URL messages use for them; the documents are frozen. */
export function parseContextDocuments(texts: Readonly<Record<string, string>>): Readonly<Record<string, object>> {
  const documents: Record<string, object> = {};
  for (const [url, text] of Object.entries(texts)) documents[url] = deepFreeze(JSON.parse(text));
  return Object.freeze(documents);
}

/**
 * An offline document loader over one or more url → document maps (e.g. DSP and DCP contexts together).
 * Unknown URLs are rejected with UnknownJsonLdContextException instead of being fetched.
 */
export function createDocumentLoader(...maps: Array<Readonly<Record<string, object>>>): DocumentLoader {
  const documents: Record<string, object> = Object.assign({}, ...maps);
  return async (url: string) => {
    const document = documents[url];
    if (!document) throw new UnknownJsonLdContextException(url);
    return { contextUrl: null, documentUrl: url, document };
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
