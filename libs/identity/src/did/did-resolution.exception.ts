import { DomainException } from '@dsaas/model';

/**
 * Base of every failure to turn a DID (or a key id) into a DID document or key. Callers that only care
 * "could not resolve" catch this; the subclasses carry stable codes for problem bodies and logs.
 */
export abstract class DidResolutionException extends DomainException {
  constructor(message: string, readonly did?: string) {
    super(message);
    if (did) this.extensions.did = did;
  }
}

/** Not a did:web DID we can map to a URL (wrong method, bad characters, empty host). */
export class InvalidDidException extends DidResolutionException {
  readonly code = 'invalid_did';
  readonly status = 400;
}

/** The DID's host answered, but there is no document (404/410). */
export class DidNotFoundException extends DidResolutionException {
  readonly code = 'did_not_found';
  readonly status = 404;
}

/** A document came back but is not a usable DID document for this DID (bad JSON, id mismatch, ...). */
export class InvalidDidDocumentException extends DidResolutionException {
  readonly code = 'invalid_did_document';
  readonly status = 422;
}

/** Network error, timeout or a 5xx from the DID's host: may succeed later. */
export class DidResolutionFailedException extends DidResolutionException {
  readonly code = 'did_resolution_failed';
  readonly status = 502;
}

/** The DID document has no verification method with that id (or it has no public JWK). */
export class UnknownKeyException extends DidResolutionException {
  readonly code = 'unknown_key';
  readonly status = 400;
  constructor(message: string, readonly kid: string) {
    super(message, kid.split('#')[0]);
    this.extensions.kid = kid;
  }
}
