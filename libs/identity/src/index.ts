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
export * from './tokens/token-verification.exception';
export * from './tokens/self-issued-token';
