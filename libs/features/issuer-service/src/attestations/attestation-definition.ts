/** The only attestation source so far: the issuer's own member table. */
export const ATTESTATION_TYPES = ['database'] as const;
export type AttestationType = (typeof ATTESTATION_TYPES)[number];

export interface DatabaseAttestationConfig {
  /** The table looked up by the holder's DID; `holders` is the issuer's member table. */
  table: 'holders';
  /** Holder properties that must be present, or the attestation fails. */
  requiredProperties?: string[];
}

/** Where an issuer gets the facts it attests, referenced by credential definitions. */
export interface AttestationDefinition {
  issuerContextId: string;
  id: string;
  type: AttestationType;
  config: DatabaseAttestationConfig;
  createdAt: Date;
}

/** Id of the attestation every new issuer context gets: "the holder is in the member table". */
export const DEFAULT_HOLDER_ATTESTATION_ID = 'holder-database';
