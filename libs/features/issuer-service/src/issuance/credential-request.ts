/** RECEIVED until the holder got the answer; ERROR when the answer could not be delivered. */
export type CredentialRequestState = 'RECEIVED' | 'ISSUED' | 'REJECTED' | 'ERROR';
export type IssuanceDecision = 'ISSUED' | 'REJECTED';

/** A DCP credential request (its id is the issuerPid). */
export interface CredentialRequest {
  id: string;
  issuerContextId: string;
  holderDid: string;
  holderPid: string;
  credentialDefinitionIds: string[];
  state: CredentialRequestState;
  /** Taken once, kept across redeliveries, so a credential is never issued twice. */
  decision?: IssuanceDecision;
  /** Why it was rejected, or why delivery failed. */
  reason?: string;
  createdAt: Date;
  updatedAt: Date;
}
