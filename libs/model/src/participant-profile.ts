import { DeploymentState, VirtualParticipantAgent } from './vpa';

export enum ParticipantRole {
  Consumer = 'consumer',
  Provider = 'provider',
  Issuer = 'issuer',
}

/** A tenant's identity in dataspaces: one identifier (a DID) and one participant context. */
export interface ParticipantProfile {
  id: string;
  tenantId: string;
  /** The participant's identifier in the dataspace, a DID such as did:web:example.com:acme. */
  identifier: string;
  /** The customer-facing id used in every API path; not the OAuth2 client_id. */
  participantContextId: string;
  roles: ParticipantRole[];
  dataspaceProfileIds: string[];
  vpas: VirtualParticipantAgent[];
  state: DeploymentState;
  error: boolean;
  errorDetail?: string;
  properties: Record<string, unknown>;
}
