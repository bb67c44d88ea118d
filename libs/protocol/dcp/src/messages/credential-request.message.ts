/** Holder → issuer service, `POST .../credentials`; answered with 201 and a `Location` of the request. */
export interface CredentialRequestMessage {
  '@context': string[];
  type: 'CredentialRequestMessage';
  /** The holder's own id for this request. */
  holderPid: string;
  /** Ids of CredentialObjects from the issuer's metadata. */
  credentials: Array<{ id: string }>;
}
