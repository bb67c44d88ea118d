import { DomainException } from '@dsaas/model';

/** The source could not be read (down, credential missing). Never carries the credential itself. */
export class SourceUnavailableException extends DomainException {
  readonly code = 'source_unavailable';
  readonly status = 502;
}
