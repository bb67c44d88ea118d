import { ValidationException } from '@dsaas/model';

/** A contract definition must name policies of its own context. */
export class UnknownPolicyReferenceException extends ValidationException {
  constructor(missing: string[]) {
    super('The contract definition references policy definitions that do not exist', missing.map((id) => `policy definition '${id}' does not exist in this participant context`));
  }
}
