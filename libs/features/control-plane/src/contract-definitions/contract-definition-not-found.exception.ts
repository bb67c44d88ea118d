import { NotFoundException } from '@dsaas/model';

export class ContractDefinitionNotFoundException extends NotFoundException {
  constructor(contractDefinitionId: string) {
    super('Contract definition', contractDefinitionId);
  }
}
