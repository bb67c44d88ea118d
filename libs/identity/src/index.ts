// keys
export * from './keys/key-algorithm';
export * from './keys/generate-key-pair';
export * from './keys/jwk-thumbprint';
export * from './keys/public-jwk';
// did:web
export * from './did/did-web';
export * from './did/did-document';
export * from './did/did-resolver';
export * from './did/did-resolution.exception';
// self-issued tokens
export * from './tokens/jti-replay-cache';
export * from './tokens/jti-replay-store';
export * from './tokens/in-memory-jti-replay-store';
export * from './tokens/postgres-jti-replay-store';
export * from './tokens/used-token.entity';
export * from './tokens/create-used-token-table.migration';
export * from './tokens/token-verification.exception';
export * from './tokens/self-issued-token';
// JWT VCs and VPs
export * from './credentials/credential-format';
export * from './credentials/issue-jwt-credential';
export * from './credentials/issue-jwt-presentation';
// revocation: W3C Bitstring Status List
export * from './status-list/bitstring-status-list';
export * from './status-list/status-list-credential';
// verification
export * from './verification/credential-verification.exception';
export * from './verification/trusted-issuers';
export * from './verification/verified-credential';
export * from './verification/credential-verifier';
