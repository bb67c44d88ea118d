import { DomainException } from '@dsaas/model';

/** The issuer could not be reached or refused the request; the request is kept in state ERROR. */
export class IssuerCallFailedException extends DomainException {
  readonly code = 'issuer_call_failed';
  readonly status = 502;
  constructor(message: string, holderPid?: string) {
    super(message);
    if (holderPid) this.extensions.holderPid = holderPid;
  }
}
