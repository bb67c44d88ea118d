import { DomainException } from '@dsaas/model';

/** EDC refuses to delete a policy a contract definition still uses. */
export class PolicyDefinitionInUseException extends DomainException {
  readonly code = 'policy_definition_in_use';
  readonly status = 409;
  constructor(policyId: string) {
    super(`Policy definition '${policyId}' cannot be deleted: at least one contract definition references it`);
  }
}
