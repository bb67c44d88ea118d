import { DomainException } from '@dsaas/model';

/** A data address (source or destination) this data plane cannot use. */
export class InvalidDataAddressException extends DomainException {
  readonly code = 'invalid_data_address';
  readonly status = 400;
}
