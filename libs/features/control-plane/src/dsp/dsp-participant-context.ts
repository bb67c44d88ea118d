/** What the DSP side needs of a hosted participant context. */
export interface DspParticipantContext {
  participantContextId: string;
  /** Its DID: the audience of tokens sent to it, the participantId of its catalog. */
  did: string;
  properties: Record<string, unknown>;
}
