import type { CredentialObject } from './credential-object';
import type { CredentialOfferMessage } from './credential-offer.message';
import type { CredentialRequestMessage } from './credential-request.message';
import type { CredentialStatus } from './credential-status';
import type { CredentialMessage } from './credential.message';
import type { IssuerMetadata } from './issuer-metadata';
import type { PresentationQueryMessage } from './presentation-query.message';
import type { PresentationResponseMessage } from './presentation-response.message';

/** DCP schema name → the TypeScript type a valid message has (dcpValidator.assertValid narrows to it). */
export interface DcpMessages {
  PresentationQueryMessage: PresentationQueryMessage;
  PresentationResponseMessage: PresentationResponseMessage;
  CredentialRequestMessage: CredentialRequestMessage;
  CredentialMessage: CredentialMessage;
  CredentialOfferMessage: CredentialOfferMessage;
  CredentialObject: CredentialObject;
  CredentialStatus: CredentialStatus;
  IssuerMetadata: IssuerMetadata;
}
