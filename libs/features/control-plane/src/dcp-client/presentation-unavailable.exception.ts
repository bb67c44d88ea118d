import { DomainException } from '@dsaas/model';

/** The caller's credential service gave no usable presentation: the caller did not prove its claims (401). */
export class PresentationUnavailableException extends DomainException {
  readonly code = 'presentation_unavailable';
  readonly status = 401;
}
