import { toEpochMillis } from '../evaluation/compare-values';
import { PolicyAgentClaims, VerifiedCredentialLike } from '../model/policy-context';

/** `MembershipCredential`, `cx:MembershipCredential` and `https://…#MembershipCredential` all name one type. */
export function localTypeName(type: string): string {
  return type.split(/[#/:]/).pop() ?? type;
}

export function credentialTypes(credential: VerifiedCredentialLike): string[] {
  const types = Array.isArray(credential.type) ? credential.type : [credential.type];
  return types.filter((type): type is string => typeof type === 'string').map(localTypeName);
}

function instant(value: unknown): number | undefined | null {
  if (value === undefined || value === null) return undefined;
  return toEpochMillis(value) ?? null; // null: present but unreadable
}

export type CredentialValidity = 'valid' | 'not-yet-valid' | 'expired' | 'unreadable-dates';

/** Validity window of VC 2.0 (`validFrom`/`validUntil`) or 1.1 (`issuanceDate`/`expirationDate`) at `now`. */
export function credentialValidity(credential: VerifiedCredentialLike, now: Date): CredentialValidity {
  const from = instant(credential.validFrom ?? credential.issuanceDate);
  const until = instant(credential.validUntil ?? credential.expirationDate);
  if (from === null || until === null) return 'unreadable-dates';
  if (from !== undefined && from > now.getTime()) return 'not-yet-valid';
  if (until !== undefined && until <= now.getTime()) return 'expired';
  return 'valid';
}

export function credentialsOfType(claims: PolicyAgentClaims | undefined, type: string): VerifiedCredentialLike[] {
  const all = Array.isArray(claims?.vc) ? claims.vc : [];
  const wanted = localTypeName(type);
  return all.filter((credential) => credential && typeof credential === 'object' && credentialTypes(credential).includes(wanted));
}

export function validCredentialsOfType(claims: PolicyAgentClaims | undefined, type: string, now: Date): VerifiedCredentialLike[] {
  return credentialsOfType(claims, type).filter((credential) => credentialValidity(credential, now) === 'valid');
}

export function credentialSubjects(credential: VerifiedCredentialLike): Record<string, unknown>[] {
  const subjects = Array.isArray(credential.credentialSubject) ? credential.credentialSubject : [credential.credentialSubject];
  return subjects.filter((subject): subject is Record<string, unknown> => !!subject && typeof subject === 'object');
}

/** Why the agent has no valid credential of `type` (for denial reasons). */
export function missingCredentialReason(claims: PolicyAgentClaims | undefined, type: string, now: Date, agentId: string): string {
  const held = credentialsOfType(claims, type);
  if (held.length === 0) return `${agentId} holds no ${type}`;
  const states = [...new Set(held.map((credential) => credentialValidity(credential, now)))];
  return `${agentId} holds no valid ${type} (${states.join(', ')})`;
}
