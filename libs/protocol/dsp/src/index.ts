// The validator engine, its exception and the document-loader helpers are shared with DCP.
export {
  ProtocolSchemaValidator,
  ProtocolValidationException,
  UnknownJsonLdContextException,
  createDocumentLoader,
} from '@dsaas/protocol-dcp';
export type { SchemaValidationResult, RegisteredSchema, RemoteDocument, DocumentLoader } from '@dsaas/protocol-dcp';

// DSP 2025-1
export * from './dsp.constants';
export * from './dsp-schemas';
export * from './dsp.validator';
export * from './dsp-document-loader';
