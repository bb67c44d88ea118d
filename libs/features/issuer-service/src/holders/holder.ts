/** A member of an issuer's member table. */
export interface Holder {
  issuerContextId: string;
  holderId: string;
  did: string;
  name?: string;
  /** Free-form facts about the member (e.g. membershipStartDate, membershipType) that credentials may carry. */
  properties: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}
