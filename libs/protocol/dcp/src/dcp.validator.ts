import { DCP_SCHEMA_VIOLATION } from './dcp.constants';
import { DCP_SCHEMAS, dcpSchemaFiles } from './dcp-schemas';
import type { DcpMessages } from './messages/dcp-messages';
import { ProtocolSchemaValidator } from './validation/protocol-schema-validator';

/**
 * Validates DCP 1.0 messages against the official schemas:
 * `dcpValidator.validate('CredentialRequestMessage', body)` → `{ valid, errors }`,
 * `dcpValidator.assertValid('CredentialRequestMessage', body)` throws ProtocolValidationException (400,
 * code `dcp_schema_violation`).
 */
export const dcpValidator: ProtocolSchemaValidator<DcpMessages> = new ProtocolSchemaValidator<DcpMessages>({
  protocol: 'DCP',
  errorCode: DCP_SCHEMA_VIOLATION,
  schemas: dcpSchemaFiles,
  names: DCP_SCHEMAS,
});
