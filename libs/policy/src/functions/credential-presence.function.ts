import { ConstraintFunction } from './constraint-function';
import { missingCredentialReason, validCredentialsOfType } from './credentials';

const ACTIVE = new Set(['active', 'true']);

/**
 * "The agent holds a credential of this type that is valid now": `eq 'active'` (or `true`) holds when it
 * does, `neq 'active'` when it does not. Any other operator or right operand cannot be decided (denied).
 */
export function credentialPresence(credentialType: string): ConstraintFunction {
  return (operator, rightOperand, context) => {
    if (!(operator === 'eq' || operator === 'neq') || !ACTIVE.has(String(rightOperand).toLowerCase())) {
      return { allowed: false, reason: `${credentialType} supports only eq/neq 'active' (got ${operator} ${JSON.stringify(rightOperand)})` };
    }
    const holds = validCredentialsOfType(context.agent.claims, credentialType, context.now).length > 0;
    if (operator === 'eq') {
      return holds ? true : { allowed: false, reason: missingCredentialReason(context.agent.claims, credentialType, context.now, context.agent.id) };
    }
    return holds ? { allowed: false, reason: `${context.agent.id} holds a valid ${credentialType}` } : true;
  };
}

/** `credential.<Type>`: presence of any credential type named in the operand. */
export const credentialOperand: ConstraintFunction = (operator, rightOperand, context, leftOperand) =>
  credentialPresence(leftOperand.slice('credential.'.length))(operator, rightOperand, context, leftOperand);
