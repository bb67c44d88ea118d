import { PolicyContext, VerifiedCredentialLike } from '../src';

export const NOW = new Date('2025-06-15T12:00:00Z');
export const CONSUMER = 'did:web:consumer.example';

export function credential(type: string, subject: Record<string, unknown> | Record<string, unknown>[], window: { validFrom?: string; validUntil?: string } = {}): VerifiedCredentialLike {
  return {
    type: ['VerifiableCredential', type],
    issuer: 'did:web:issuer.example',
    credentialSubject: subject,
    validFrom: window.validFrom ?? '2025-01-01T00:00:00Z',
    ...(window.validUntil ? { validUntil: window.validUntil } : {}),
  };
}

export const membership = (window?: { validFrom?: string; validUntil?: string }, membershipType = 'FullMember') =>
  credential('MembershipCredential', { id: CONSUMER, membership: { membershipType, since: '2024-01-01T00:00:00Z' }, membershipStartDate: '2024-01-01T00:00:00Z' }, window);

export function contextWith(vc: VerifiedCredentialLike[], extra: Partial<PolicyContext> = {}): PolicyContext {
  return { agent: { id: CONSUMER, claims: { vc } }, now: NOW, ...extra };
}

export const permit = (...constraint: unknown[]) => ({ '@type': 'Set', permission: [{ action: 'use', constraint }] });
