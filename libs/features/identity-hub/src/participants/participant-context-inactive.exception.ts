import { DomainException } from '@dsaas/model';

/** The context is deactivated: it no longer signs tokens or presents credentials. */
export class ParticipantContextInactiveException extends DomainException {
  readonly code = 'participant_context_deactivated';
  readonly status = 409;
  constructor(participantContextId: string) {
    super(`Participant context '${participantContextId}' is deactivated`);
  }
}
