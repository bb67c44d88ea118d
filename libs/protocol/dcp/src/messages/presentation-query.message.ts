import type { PresentationDefinition } from './presentation-exchange';

/** Verifier → credential service, `POST .../presentations/query`. Either `scope` or `presentationDefinition`. */
export interface PresentationQueryMessage {
  '@context': string[];
  type: 'PresentationQueryMessage';
  /** Scope strings, e.g. `org.eclipse.dspace.dcp.vc.type:MembershipCredential:read`. */
  scope?: string[];
  presentationDefinition?: PresentationDefinition;
}
