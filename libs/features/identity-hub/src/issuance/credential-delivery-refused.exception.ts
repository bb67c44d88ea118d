import { DomainException } from '@dsaas/model';

/** A CredentialMessage or offer that does not belong to an open request of this holder with this issuer. */
export class CredentialDeliveryRefusedException extends DomainException {
  readonly code = 'credential_delivery_refused';
  readonly status = 403;
}
