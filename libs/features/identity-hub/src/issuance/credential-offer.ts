/** A CredentialOfferMessage received from an issuer. */
export interface CredentialOffer {
  id: string;
  participantContextId: string;
  issuer: string;
  credentials: Record<string, unknown>[];
  receivedAt: Date;
}
