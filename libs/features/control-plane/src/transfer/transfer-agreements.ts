/** What a transfer needs of a contract agreement (negotiated by src/negotiation). */
export interface TransferAgreement {
  id: string;
  providerId: string;
  consumerId: string;
  assetId: string;
  /** The agreement's ODRL policy (compact JSON-LD). */
  policy: Record<string, unknown>;
  signingDate: Date;
}

/** Reads the agreements of a context (port; the negotiation feature's ContractAgreementRepository behind it). */
export abstract class TransferAgreements {
  abstract find(participantContextId: string, agreementId: string): Promise<TransferAgreement | undefined>;
}
