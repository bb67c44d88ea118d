import { DomainException } from '@dsaas/model';

/** The participant context id or its DID is already in use. */
export class ParticipantContextConflictException extends DomainException {
  readonly code = 'participant_context_conflict';
  readonly status = 409;
}
