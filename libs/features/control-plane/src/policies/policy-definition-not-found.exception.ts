import { NotFoundException } from '@dsaas/model';

export class PolicyDefinitionNotFoundException extends NotFoundException {
  constructor(policyId: string) {
    super('Policy definition', policyId);
  }
}
