import { ConflictException } from '@dsaas/model';

export class PolicyDefinitionConflictException extends ConflictException {
  constructor(policyId: string) {
    super(`Policy definition '${policyId}' already exists`);
  }
}
