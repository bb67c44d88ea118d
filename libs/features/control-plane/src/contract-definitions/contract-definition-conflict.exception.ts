import { ConflictException } from '@dsaas/model';

export class ContractDefinitionConflictException extends ConflictException {
  constructor(contractDefinitionId: string) {
    super(`Contract definition '${contractDefinitionId}' already exists`);
  }
}
