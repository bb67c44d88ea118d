import { agentIdOperand } from './agent-id.function';
import { claimValueOperand } from './claim-value.function';
import { dateTimeOperand, dayOfWeekOperand } from './clock.functions';
import { ConstraintFunctionRegistry } from './constraint-function.registry';
import { credentialOperand } from './credential-presence.function';
import { frameworkAgreementOperand } from './framework-agreement.function';
import { inForceDateOperand } from './in-force-date.function';
import { membershipCredentialOperand } from './membership-credential.function';

/** The left operands every PolicyEngine knows, in every scope (each only reads the context it needs). */
export function registerBuiltInFunctions(registry: ConstraintFunctionRegistry): void {
  registry.register('MembershipCredential', '*', membershipCredentialOperand);
  registry.register('FrameworkAgreement', '*', frameworkAgreementOperand);
  registry.register('credential.*', '*', credentialOperand);
  registry.register('claim.*', '*', claimValueOperand);
  registry.register('inForceDate', '*', inForceDateOperand);
  registry.register('dateTime', '*', dateTimeOperand);
  registry.register('dayOfWeek', '*', dayOfWeekOperand);
  registry.register('agent.id', '*', agentIdOperand);
}
