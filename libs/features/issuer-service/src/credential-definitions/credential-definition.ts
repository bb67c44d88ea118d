import type { CredentialFormat } from '@dsaas/identity';
import { DEFAULT_HOLDER_ATTESTATION_ID } from '../attestations/attestation-definition';

export const CREDENTIAL_FORMATS: readonly CredentialFormat[] = ['vc1_0_jwt', 'vc2_0_jose'];

/** A condition on the attestation data (e.g. `holder.properties.membershipType` equals `FullMember`). */
export interface CredentialRule {
  type: 'required' | 'equals';
  /** Dotted path into the attestation data: `holder.did`, `holder.properties.<name>`. */
  path: string;
  /** For `equals`. */
  value?: unknown;
}

/** Copies one value of the attestation data into the credential. */
export interface ClaimMapping {
  /** Dotted path into the attestation data, e.g. `holder.properties.membershipStartDate`. */
  from: string;
  /** Dotted path into the credential, e.g. `credentialSubject.membership.since`. */
  to: string;
  /** Used when the source is absent. */
  default?: unknown;
}

export interface CredentialDefinition {
  issuerContextId: string;
  /** Also the CredentialObject id of the issuer metadata, which holders name in a CredentialRequestMessage. */
  id: string;
  credentialType: string;
  format: CredentialFormat;
  validitySeconds: number;
  attestations: string[];
  rules: CredentialRule[];
  mappings: ClaimMapping[];
  createdAt: Date;
  updatedAt: Date;
}

export const DEFAULT_MEMBERSHIP_DEFINITION_ID = 'membership-credential';

/** The dataspace membership credential every new issuer offers (seed 000), issued to members of its holder table. */
export function defaultMembershipDefinition(issuerContextId: string, now: Date): CredentialDefinition {
  return {
    issuerContextId,
    id: DEFAULT_MEMBERSHIP_DEFINITION_ID,
    credentialType: 'MembershipCredential',
    format: 'vc1_0_jwt',
    validitySeconds: 365 * 24 * 60 * 60,
    attestations: [DEFAULT_HOLDER_ATTESTATION_ID],
    rules: [],
    mappings: [
      { from: 'holder.properties.membershipType', to: 'credentialSubject.membership.membershipType', default: 'FullMember' },
      { from: 'holder.properties.membershipStartDate', to: 'credentialSubject.membership.since' },
      { from: 'holder.properties.membershipStartDate', to: 'credentialSubject.membershipStartDate' },
    ],
    createdAt: now,
    updatedAt: now,
  };
}
