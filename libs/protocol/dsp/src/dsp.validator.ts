import { ProtocolSchemaValidator } from '@dsaas/protocol-dcp';
import { DSP_SCHEMA_VIOLATION } from './dsp.constants';
import { DSP_SCHEMAS, DspMessages, dspSchemaFiles } from './dsp-schemas';

/**
 * Validates DSP 2025-1 messages against the official schemas:
 * `dspValidator.validate('ContractRequestMessage', body)` → `{ valid, errors }`; `assertValid` throws
 * ProtocolValidationException (400, code `dsp_schema_violation`).
 */
export const dspValidator: ProtocolSchemaValidator<DspMessages> = new ProtocolSchemaValidator<DspMessages>({
  protocol: 'DSP',
  errorCode: DSP_SCHEMA_VIOLATION,
  schemas: dspSchemaFiles,
  names: DSP_SCHEMAS,
});
