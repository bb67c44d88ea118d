import { DomainException } from '@dsaas/model';

/**
 * A protocol message (DSP, DCP or DPS) does not match its official JSON Schema. Protocol endpoints map it to
 * the protocol's error message; elsewhere the problem+json filter answers 400 with `errors` in the body.
 */
export class ProtocolValidationException extends DomainException {
  readonly status = 400;

  constructor(
    /** Stable per protocol: `dcp_schema_violation`, `dsp_schema_violation`, `dps_schema_violation`. */
    readonly code: string,
    readonly protocol: string,
    readonly schemaName: string,
    readonly errors: string[],
  ) {
    super(`${protocol} ${schemaName} does not match its schema: ${errors.slice(0, 3).join('; ')}`);
    this.extensions.schema = schemaName;
    this.extensions.errors = errors;
  }
}
