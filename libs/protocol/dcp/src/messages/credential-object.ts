import type { PresentationDefinition } from './presentation-exchange';

/** A credential an issuer can issue: listed in IssuerMetadata and CredentialOfferMessage. */
export interface CredentialObject {
  '@context'?: string[];
  id: string;
  type: 'CredentialObject';
  credentialType?: string;
  credentialSchema?: string;
  offerReason?: string;
  /** e.g. `did:web`. */
  bindingMethods?: string[];
  /** e.g. `vc20-bssl/jwt`, `vc10-sl2021/jwt`. */
  profile?: string;
  /** What the holder must present to be issued this credential. */
  issuancePolicy?: PresentationDefinition;
}

/** In IssuerMetadata these members are required. */
export type SupportedCredentialObject = CredentialObject &
  Required<Pick<CredentialObject, 'credentialType' | 'credentialSchema' | 'offerReason' | 'bindingMethods' | 'profile'>>;
