import { credentialPresence } from './credential-presence.function';

/** `MembershipCredential eq 'active'`: the agent holds a MembershipCredential valid now (the MVD's access policy). */
export const membershipCredentialOperand = credentialPresence('MembershipCredential');
