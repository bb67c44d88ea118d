import { ProtocolSchemaValidator } from '@dsaas/protocol-dcp';
import { DPS_SCHEMA_VIOLATION } from './dps.constants';
import { DPS_SCHEMAS, DpsMessages, dpsSchemaFiles } from './dps-schemas';

/**
 * Validates Data Plane Signaling (v1.0-RC3) messages against the official schemas:
 * `dpsValidator.validate('DataFlowStartMessage', body)` → `{ valid, errors }`; `assertValid` throws
 * ProtocolValidationException (400, code `dps_schema_violation`). DPS messages are plain JSON (no `@context`).
 */
export const dpsValidator: ProtocolSchemaValidator<DpsMessages> = new ProtocolSchemaValidator<DpsMessages>({
  protocol: 'DPS',
  errorCode: DPS_SCHEMA_VIOLATION,
  schemas: dpsSchemaFiles,
  names: DPS_SCHEMAS,
});
