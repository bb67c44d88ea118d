/** A contract agreement held by one participant context (see ContractAgreementEntity). */
export interface ContractAgreement {
  participantContextId: string;
  id: string;
  negotiationId: string;
  providerId: string;
  consumerId: string;
  assetId: string;
  /** The agreement's ODRL policy (compact JSON-LD, `@type` Agreement, with `@id`, assigner, assignee, target). */
  policy: Record<string, unknown>;
  signingDate: Date;
  createdAt: Date;
}
