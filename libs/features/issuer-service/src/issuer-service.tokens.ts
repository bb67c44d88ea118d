/** Nest injection token of the one DidResolver of the service (shared TTL cache). */
export const DID_RESOLVER = Symbol.for('dsaas.issuer-service.DidResolver');
/** Nest injection token of the JtiReplayCache for self-issued tokens presented to this service. */
export const JTI_REPLAY_CACHE = Symbol.for('dsaas.issuer-service.JtiReplayCache');
