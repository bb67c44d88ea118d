import type { DidService } from '@dsaas/identity';

export type ParticipantContextState = 'active' | 'deactivated';

/** A hosted participant's context in the identity hub. */
export interface ParticipantContext {
  participantContextId: string;
  did: string;
  dspEndpoint?: string;
  state: ParticipantContextState;
  didPublished: boolean;
  /** Services added through the identity API, besides the CredentialService and ProtocolEndpoint ones. */
  extraServices: DidService[];
  createdAt: Date;
  updatedAt: Date;
}
