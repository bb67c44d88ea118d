import { ConstraintFunction } from './constraint-function';
import { credentialSubjects, missingCredentialReason, validCredentialsOfType } from './credentials';

/**
 * Catena-X style `FrameworkAgreement eq '<Name>[:<version>]'`: the agent holds a valid `<Name>Credential`
 * (e.g. `DataExchangeGovernanceCredential`), whose subject's `contractVersion` (or `version`) matches when a
 * version is given.
 */
export const frameworkAgreementOperand: ConstraintFunction = (operator, rightOperand, context) => {
  if (operator !== 'eq' || typeof rightOperand !== 'string' || rightOperand.trim() === '') {
    return { allowed: false, reason: `FrameworkAgreement supports only eq '<Name>[:<version>]' (got ${operator} ${JSON.stringify(rightOperand)})` };
  }
  const [name, version] = rightOperand.trim().split(':');
  const type = name.endsWith('Credential') ? name : `${name}Credential`;
  const credentials = validCredentialsOfType(context.agent.claims, type, context.now);
  if (credentials.length === 0) {
    return { allowed: false, reason: missingCredentialReason(context.agent.claims, type, context.now, context.agent.id) };
  }
  if (version === undefined) return true;
  const matches = credentials.some((credential) =>
    credentialSubjects(credential).some((subject) => String(subject.contractVersion ?? subject.version) === version),
  );
  return matches ? true : { allowed: false, reason: `${context.agent.id} holds no ${type} for version ${version}` };
};
