/** Nest injection token of the one DidResolver of the service (shared TTL cache). */
export const DID_RESOLVER = Symbol.for('dsaas.issuer-service.DidResolver');
