import * as fs from 'fs';
import * as path from 'path';
import { DCP_CONTEXT_URL } from './dcp.constants';
import { DcpSchemaName } from './dcp-schemas';
import { dcpValidator } from './dcp.validator';
import { ProtocolValidationException } from './validation/protocol-validation.exception';

const EXAMPLES = path.join(__dirname, 'spec', 'examples');
const example = (file: string): Record<string, any> => JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));

// Every official DCP 1.0.1 example and the message it is (specs README, "Which endpoint or message ...").
const EXAMPLE_SCHEMAS: Record<string, DcpSchemaName> = {
  'presentation/presentation-query-message.json': 'PresentationQueryMessage',
  'presentation/presentation-query-message-w-presentation-definition.json': 'PresentationQueryMessage',
  'presentation/presentation-response-message.json': 'PresentationResponseMessage',
  'presentation/presentation-response-message-w-presentation-submission.json': 'PresentationResponseMessage',
  'issuance/credential-request-message.json': 'CredentialRequestMessage',
  'issuance/credential-message.json': 'CredentialMessage',
  'issuance/credential-message-rejected.json': 'CredentialMessage',
  'issuance/credential-offer-message.json': 'CredentialOfferMessage',
  'issuance/credential-object.json': 'CredentialObject',
  'issuance/credential-status.json': 'CredentialStatus',
  'issuance/issuer-metadata.json': 'IssuerMetadata',
};

function listJson(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listJson(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

describe('dcpValidator against the official DCP 1.0.1 examples', () => {
  it('covers every vendored example', () => {
    expect(listJson(EXAMPLES).sort()).toEqual(Object.keys(EXAMPLE_SCHEMAS).sort());
  });

  it.each(Object.entries(EXAMPLE_SCHEMAS))('%s is a valid %s', (file, schema) => {
    expect(dcpValidator.validate(schema, example(file))).toEqual({ valid: true, errors: [] });
  });

  // Not a spec error we reproduce: the schema says `format: uri` for CredentialObject.id, but three examples
  // use a bare UUID. Formats are annotations in draft 2019-09 and we do not assert them, so they pass; this
  // test breaks if the examples or that decision change.
  it.each([
    ['issuance/credential-object.json', (m: any) => m.id],
    ['issuance/credential-offer-message.json', (m: any) => m.credentials[0].id],
    ['issuance/issuer-metadata.json', (m: any) => m.credentialsSupported[0].id],
  ])('%s passes although its CredentialObject id is not a URI (formats are not asserted)', (file, id) => {
    expect(id(example(file))).toBe('d5c77b0e-7f4e-4fd5-8c5f-28b5fc3f96d1');
    expect(dcpValidator.validate(EXAMPLE_SCHEMAS[file], example(file)).valid).toBe(true);
  });

  it('compiles every named schema', () => {
    for (const name of dcpValidator.schemaNames) expect(() => dcpValidator.validate(name, {})).not.toThrow();
  });
});

describe('dcpValidator rejects bad DCP messages', () => {
  it('reports a missing required member with its path', () => {
    const { holderPid: _, ...message } = example('issuance/credential-request-message.json');
    expect(dcpValidator.validate('CredentialRequestMessage', message)).toEqual({
      valid: false,
      errors: ["/ must have required property 'holderPid'"],
    });
  });

  it('reports a missing nested member', () => {
    const message = { ...example('issuance/credential-request-message.json'), credentials: [{ name: 'x' }] };
    expect(dcpValidator.validate('CredentialRequestMessage', message).errors).toEqual([
      "/credentials/0 must have required property 'id'",
    ]);
  });

  it('rejects a message of another type', () => {
    const message = { ...example('presentation/presentation-query-message.json'), type: 'PresentationResponseMessage' };
    expect(dcpValidator.validate('PresentationQueryMessage', message).errors).toEqual([
      '/type must be equal to constant "PresentationQueryMessage"',
    ]);
  });

  it('requires the DCP context', () => {
    const message = { ...example('presentation/presentation-query-message.json'), '@context': ['https://example.com/ctx'] };
    expect(dcpValidator.validate('PresentationQueryMessage', message).errors).toContain(
      '/@context must contain at least 1 valid item(s)',
    );
    expect(example('presentation/presentation-query-message.json')['@context']).toEqual([DCP_CONTEXT_URL]);
  });

  it('requires scope or presentationDefinition in a query', () => {
    const result = dcpValidator.validate('PresentationQueryMessage', { '@context': [DCP_CONTEXT_URL], type: 'PresentationQueryMessage' });
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual(
      expect.arrayContaining(["/ must have required property 'scope'", '/ must match a schema in anyOf']),
    );
  });

  it('reports at most 50 errors, however bad the message', () => {
    const message = { ...example('issuance/credential-request-message.json'), credentials: Array.from({ length: 500 }, () => ({})) };
    const errors = dcpValidator.validate('CredentialRequestMessage', message).errors;
    expect(errors).toHaveLength(50);
    expect(errors[49]).toBe("/credentials/49 must have required property 'id'");
  });

  it('rejects an unknown credential status', () => {
    const message = { ...example('issuance/credential-status.json'), status: 'PENDING' };
    expect(dcpValidator.validate('CredentialStatus', message).errors).toEqual([
      '/status must be equal to one of the allowed values ["RECEIVED","REJECTED","ISSUED"]',
    ]);
  });

  it('assertValid throws a 400 ProtocolValidationException listing the errors', () => {
    let thrown: unknown;
    try {
      dcpValidator.assertValid('CredentialStatus', { type: 'CredentialStatus' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ProtocolValidationException);
    const exception = thrown as ProtocolValidationException;
    expect(exception.status).toBe(400);
    expect(exception.code).toBe('dcp_schema_violation');
    expect(exception.extensions.schema).toBe('CredentialStatus');
    expect(exception.extensions.errors).toEqual(
      expect.arrayContaining(["/ must have required property 'issuerPid'", "/ must have required property '@context'"]),
    );
    expect(exception.message).toMatch(/^DCP CredentialStatus does not match its schema: /);
  });

  it('assertValid returns quietly for a valid message', () => {
    const message: unknown = example('issuance/credential-status.json');
    dcpValidator.assertValid('CredentialStatus', message);
    expect(message.status).toBe('RECEIVED'); // narrowed to CredentialStatus by the assertion
  });

  it('refuses an unknown schema name', () => {
    expect(() => dcpValidator.validate('NoSuchMessage' as DcpSchemaName, {})).toThrow("unknown DCP schema 'NoSuchMessage'");
  });
});
