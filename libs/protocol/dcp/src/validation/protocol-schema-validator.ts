import Ajv2019 from 'ajv/dist/2019';
import type { ErrorObject, ValidateFunction } from 'ajv';
import draft07MetaSchema from 'ajv/dist/refs/json-schema-draft-07.json';
import { ProtocolValidationException } from './protocol-validation.exception';

/** One schema document and the URI other schemas `$ref` it by. */
export interface RegisteredSchema {
  key: string;
  schema: object;
}

export interface SchemaValidationResult {
  valid: boolean;
  /** `<instance path> <problem>`, e.g. `/credentials/0 must have required property 'id'`; at most 50. */
  errors: string[];
}

export interface ProtocolSchemaValidatorOptions<M> {
  /** Shown in messages: `DCP`, `DSP`, `DPS`. */
  protocol: string;
  /** `code` of the ProtocolValidationException thrown by assertValid. */
  errorCode: string;
  /** Every schema document the named schemas may reach by `$ref`; read once, on first use. */
  schemas: () => readonly RegisteredSchema[];
  /** Message name → schema URI (a registration key, optionally with a `#/definitions/...` fragment). */
  names: { readonly [K in keyof M]: string };
}

/**
 * Validates protocol messages against the official JSON Schemas, offline. The ajv instance is built on first
 * use and each schema compiled once, when first asked for. Settings follow the specs README: draft 2019-09
 * with the draft-07 metaschema added (DPS and DIF schemas), `strict: false` (most official schemas fail strict
 * mode), formats not asserted (the DCP examples carry bare UUIDs where the schema says `format: uri`).
 *
 * `M` maps each message name to its TypeScript type, so assertValid narrows the message.
 */
export class ProtocolSchemaValidator<M extends object> {
  private ajv?: Ajv2019;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly options: ProtocolSchemaValidatorOptions<M>) {}

  get protocol(): string {
    return this.options.protocol;
  }

  /** All message names this validator knows. */
  get schemaNames(): Array<keyof M & string> {
    return Object.keys(this.options.names) as Array<keyof M & string>;
  }

  /** The schema URI a message name is validated against. */
  schemaUri(name: keyof M & string): string {
    const uri = (this.options.names as Record<string, string>)[name];
    if (!uri) throw new Error(`unknown ${this.options.protocol} schema '${name}'`);
    return uri;
  }

  validate(name: keyof M & string, message: unknown): SchemaValidationResult {
    const validateFn = this.compile(name);
    if (validateFn(message)) return { valid: true, errors: [] };
    return { valid: false, errors: formatErrors(validateFn.errors ?? []) };
  }

  /** Throws ProtocolValidationException (400, `errors` in its extensions) unless the message is valid. */
  assertValid<K extends keyof M & string>(name: K, message: unknown): asserts message is M[K] {
    const result = this.validate(name, message);
    if (!result.valid) {
      throw new ProtocolValidationException(this.options.errorCode, this.options.protocol, name, result.errors);
    }
  }

  private compile(name: keyof M & string): ValidateFunction {
    let validateFn = this.compiled.get(name);
    if (!validateFn) {
      const uri = this.schemaUri(name);
      validateFn = this.instance().getSchema(uri);
      if (!validateFn) throw new Error(`${this.options.protocol} schema '${uri}' is not registered`);
      this.compiled.set(name, validateFn);
    }
    return validateFn;
  }

  private instance(): Ajv2019 {
    if (!this.ajv) {
      const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false, logger: false });
      ajv.addMetaSchema(draft07MetaSchema);
      for (const { key, schema } of this.options.schemas()) ajv.addSchema(withConsumerFixes(schema), key);
      this.ajv = ajv;
    }
    return this.ajv;
  }
}

/**
 * Fixes the official files need with ajv, applied to a copy (the vendored files stay verbatim): three DSP
 * transfer schemas `$ref` `...#definitions/X`, which ajv cannot resolve; the intended pointer is `#/definitions/X`.
 */
function withConsumerFixes(schema: object): object {
  return JSON.parse(JSON.stringify(schema).replaceAll('#definitions/', '#/definitions/'));
}

/** Enough to fix a message; keeps an error body small when a peer sends thousands of bad items. */
export const MAX_REPORTED_ERRORS = 50;

function formatErrors(errors: ErrorObject[]): string[] {
  return [...new Set(errors.map(formatError))].slice(0, MAX_REPORTED_ERRORS);
}

function formatError(error: ErrorObject): string {
  const where = error.instancePath || '/';
  const params = error.params as Record<string, unknown>;
  let detail = '';
  if (error.keyword === 'const') detail = ` ${JSON.stringify(params.allowedValue)}`;
  else if (error.keyword === 'enum') detail = ` ${JSON.stringify(params.allowedValues)}`;
  else if (error.keyword === 'additionalProperties') detail = ` '${String(params.additionalProperty)}'`;
  return `${where} ${error.message}${detail}`;
}
