// Protocol-independent pieces, shared with @dsaas/protocol-dsp and @dsaas/protocol-dps.
export * from './validation/protocol-schema-validator';
export * from './validation/protocol-validation.exception';
export * from './json-ld/document-loader';

// DCP 1.0
export * from './dcp.constants';
export * from './dcp-schemas';
export * from './dcp.validator';
export * from './dcp-document-loader';
export * from './messages/presentation-exchange';
export * from './messages/presentation-query.message';
export * from './messages/presentation-response.message';
export * from './messages/credential-request.message';
export * from './messages/credential.message';
export * from './messages/credential-object';
export * from './messages/credential-offer.message';
export * from './messages/issuer-metadata';
export * from './messages/credential-status';
export * from './messages/dcp-messages';
