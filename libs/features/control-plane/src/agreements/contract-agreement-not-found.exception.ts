import { NotFoundException } from '@dsaas/model';

/** No such contract agreement in force in this context. */
export class ContractAgreementNotFoundException extends NotFoundException {
  constructor(id: string) {
    super('Contract agreement', id);
  }
}
