/** Nest injection token of the control plane's one DidResolver (shared TTL cache). */
export const DSP_DID_RESOLVER = Symbol.for('dsaas.control-plane.DidResolver');
/** Nest injection token of the CredentialVerifier (trusted issuers, status list cache). */
export const DSP_CREDENTIAL_VERIFIER = Symbol.for('dsaas.control-plane.CredentialVerifier');
