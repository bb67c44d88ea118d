/**
 * Base of every error a service throws on purpose. `code` is stable (clients may switch on it);
 * the HTTP filter maps `status` + `code` to application/problem+json, the RPC filter to ack/nak/term.
 */
export abstract class DomainException extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
  /** Extra, non-sensitive fields copied into the problem body. */
  readonly extensions: Record<string, unknown> = {};

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundException extends DomainException {
  readonly code = 'not_found';
  readonly status = 404;
  constructor(what: string, id?: string) {
    super(id ? `${what} '${id}' was not found` : `${what} was not found`);
  }
}

export class ConflictException extends DomainException {
  readonly code = 'conflict';
  readonly status = 409;
}

export class ValidationException extends DomainException {
  readonly code = 'validation_failed';
  readonly status = 400;
  constructor(message: string, readonly errors: string[] = []) {
    super(message);
    if (errors.length) this.extensions.errors = errors;
  }
}

/** A transient failure (dependency down, lock lost): callers and consumers may retry. */
export class TransientException extends DomainException {
  readonly code = 'transient_failure';
  readonly status = 503;
}
