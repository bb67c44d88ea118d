import { DomainException } from '@dsaas/model';

/** `POST negotiations/offers` (a provider starting a negotiation): not offered by our consumers. */
export class ProviderOffersNotSupportedException extends DomainException {
  readonly code = 'provider_initiated_negotiation_not_supported';
  readonly status = 501;
  constructor() {
    super('Provider-initiated negotiations (ContractOfferMessage to negotiations/offers) are not supported: request the offer from the catalog instead');
  }
}
