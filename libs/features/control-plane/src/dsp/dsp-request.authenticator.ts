import { Injectable } from '@nestjs/common';
import { DspCallerAuthenticator } from '../dcp-client/dsp-caller.authenticator';
import { VerifiedCaller } from '../dcp-client/verified-caller';
import { DspParticipantContext } from './dsp-participant-context';
import { DspParticipantContextRepository } from './dsp-participant-context.repository';

export interface AuthenticatedDspRequest {
  context: DspParticipantContext;
  caller: VerifiedCaller;
}

/** Every DSP request starts here: the addressed context must exist (404), the caller must prove who it is (401). */
@Injectable()
export class DspRequestAuthenticator {
  constructor(private readonly contexts: DspParticipantContextRepository, private readonly callers: DspCallerAuthenticator) {}

  async authenticate(participantContextId: string, authorization: string | undefined): Promise<AuthenticatedDspRequest> {
    const context = await this.contexts.get(participantContextId);
    const caller = await this.callers.authenticate(authorization, { participantContextId, did: context.did });
    return { context, caller };
  }
}
