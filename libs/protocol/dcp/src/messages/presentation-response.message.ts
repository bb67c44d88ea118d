import type { PresentationSubmission } from './presentation-exchange';

/** Credential service → verifier, the answer to a PresentationQueryMessage. */
export interface PresentationResponseMessage {
  '@context': string[];
  type: 'PresentationResponseMessage';
  /** Verifiable presentations: JWT strings or JSON-LD objects. */
  presentation: Array<string | Record<string, unknown>>;
  presentationSubmission?: PresentationSubmission;
}
