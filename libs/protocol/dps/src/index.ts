// The validator engine and its exception are shared with DCP and DSP.
export { ProtocolSchemaValidator, ProtocolValidationException } from '@dsaas/protocol-dcp';
export type { SchemaValidationResult, RegisteredSchema } from '@dsaas/protocol-dcp';

// DPS (Data Plane Signaling v1.0-RC3)
export * from './dps.constants';
export * from './dps-schemas';
export * from './dps.validator';
