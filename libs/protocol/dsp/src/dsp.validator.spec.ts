import * as fs from 'fs';
import * as path from 'path';
import { ProtocolValidationException } from '@dsaas/protocol-dcp';
import { DSP_CONTEXT_URL } from './dsp.constants';
import { DspSchemaName } from './dsp-schemas';
import { dspValidator } from './dsp.validator';
import { SCHEMA_FILES } from './spec-index.generated';

const EXAMPLES = path.join(__dirname, 'spec', 'examples');
const example = (file: string): Record<string, any> => JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));

// Every official DSP 2025-1 example and its message (specs README; the same pairing as the upstream tests).
const EXAMPLE_SCHEMAS: Record<string, DspSchemaName> = {
  'catalog/catalog-request-message.json': 'CatalogRequestMessage',
  'catalog/catalog.json': 'Catalog',
  'catalog/nested-catalog.json': 'Catalog',
  'catalog/dataset-request-message.json': 'DatasetRequestMessage',
  'catalog/dataset.json': 'Dataset',
  'catalog/catalog-error.json': 'CatalogError',
  'common/protocol-version.json': 'VersionResponse',
  'common/catalogservice-did-service.json': 'DidService',
  'common/dataservice-did-service.json': 'DidService',
  'negotiation/contract-request-message_initial.json': 'ContractRequestMessage',
  'negotiation/contract-request-message.json': 'ContractRequestMessage',
  'negotiation/contract-offer-message_initial.json': 'ContractOfferMessage',
  'negotiation/contract-offer-message.json': 'ContractOfferMessage',
  'negotiation/contract-agreement-message.json': 'ContractAgreementMessage',
  'negotiation/contract-agreement-message-full.json': 'ContractAgreementMessage',
  'negotiation/contract-agreement-verification-message.json': 'ContractAgreementVerificationMessage',
  'negotiation/contract-negotiation-event-message.json': 'ContractNegotiationEventMessage',
  'negotiation/contract-negotiation-termination-message.json': 'ContractNegotiationTerminationMessage',
  'negotiation/contract-negotiation.json': 'ContractNegotiation',
  'negotiation/contract-negotiation-error.json': 'ContractNegotiationError',
  'transfer/transfer-request-message.json': 'TransferRequestMessage',
  'transfer/transfer-start-message.json': 'TransferStartMessage',
  'transfer/transfer-completion-message.json': 'TransferCompletionMessage',
  'transfer/transfer-suspension-message.json': 'TransferSuspensionMessage',
  'transfer/transfer-termination-message.json': 'TransferTerminationMessage',
  'transfer/transfer-process.json': 'TransferProcess',
  'transfer/transfer-error.json': 'TransferError',
};

// Examples that contradict their own schema in the published spec (specs README, "Known quirks").
const WRONG_IN_SPEC: Record<string, { why: string; errors: string[] }> = {
  'common/dataservice-did-service.json': {
    why: 'the schema only allows DID service endpoints ending in /catalog; the example points at /.well-known/dspace-version',
    errors: ['/serviceEndpoint must match pattern "https?://.*?/catalog$"'],
  },
};

function listJson(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listJson(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

const validExamples = Object.entries(EXAMPLE_SCHEMAS).filter(([file]) => !WRONG_IN_SPEC[file]);

describe('dspValidator against the official DSP 2025-1 examples', () => {
  it('covers every vendored example', () => {
    expect(listJson(EXAMPLES).sort()).toEqual(Object.keys(EXAMPLE_SCHEMAS).sort());
  });

  it.each(validExamples)('%s is a valid %s', (file, schema) => {
    expect(dspValidator.validate(schema, example(file))).toEqual({ valid: true, errors: [] });
  });

  it.each(Object.entries(WRONG_IN_SPEC))('%s is wrong in the spec itself', (file, { errors }) => {
    expect(dspValidator.validate(EXAMPLE_SCHEMAS[file], example(file))).toEqual({ valid: false, errors });
  });

  it('compiles every named schema', () => {
    for (const name of dspValidator.schemaNames) expect(() => dspValidator.validate(name, {})).not.toThrow();
  });

  it('needs the #definitions/ fix for three transfer schemas, and applies it', () => {
    const broken = Object.entries(SCHEMA_FILES)
      .filter(([, schema]) => JSON.stringify(schema).includes('#definitions/'))
      .map(([file]) => file);
    expect(broken.sort()).toEqual([
      'transfer/transfer-error-schema.json',
      'transfer/transfer-suspension-message-schema.json',
      'transfer/transfer-termination-message-schema.json',
    ]);
    // the referenced AbstractTransferCodeMessage requires providerPid: proof that the $ref was followed
    const { providerPid: _, ...message } = example('transfer/transfer-termination-message.json');
    expect(dspValidator.validate('TransferTerminationMessage', message).errors).toContain(
      "/ must have required property 'providerPid'",
    );
  });

  it('validates the ODRL parts on their own (Offer, MessageOffer, Agreement)', () => {
    const messageOffer = example('negotiation/contract-request-message_initial.json').offer;
    expect(dspValidator.validate('MessageOffer', messageOffer).valid).toBe(true);
    expect(dspValidator.validate('Offer', messageOffer).errors).toContain('/ must NOT be valid'); // dataset offers have no target
    expect(dspValidator.validate('Offer', example('catalog/dataset.json').hasPolicy[0]).valid).toBe(true);
    expect(dspValidator.validate('Agreement', example('negotiation/contract-agreement-message.json').agreement).valid).toBe(true);
    expect(dspValidator.validate('Agreement', example('negotiation/contract-request-message_initial.json').offer).valid).toBe(false);
  });
});

describe('dspValidator rejects bad DSP messages', () => {
  it('reports a missing required member', () => {
    const { consumerPid: _, ...message } = example('transfer/transfer-request-message.json');
    const result = dspValidator.validate('TransferRequestMessage', message);
    expect(result.valid).toBe(false);
    expect(result.errors).toContain("/ must have required property 'consumerPid'");
  });

  it('rejects a message of another @type', () => {
    const message = { ...example('transfer/transfer-request-message.json'), '@type': 'TransferStartMessage' };
    const result = dspValidator.validate('TransferRequestMessage', message);
    expect(result.valid).toBe(false);
    expect(result.errors).toContain('/@type must be equal to constant "TransferRequestMessage"');
  });

  it('requires the DSP context', () => {
    const message = { ...example('negotiation/contract-request-message_initial.json'), '@context': ['https://example.com/other'] };
    expect(dspValidator.validate('ContractRequestMessage', message).valid).toBe(false);
    expect(example('negotiation/contract-request-message_initial.json')['@context']).toEqual([DSP_CONTEXT_URL]);
  });

  it('checks nested data addresses', () => {
    const message = example('transfer/transfer-request-message.json');
    delete message.dataAddress.endpointProperties[0]['@type'];
    expect(dspValidator.validate('TransferRequestMessage', message).errors).toContain(
      "/dataAddress/endpointProperties/0 must have required property '@type'",
    );
  });

  it('assertValid throws a 400 ProtocolValidationException with code dsp_schema_violation', () => {
    expect(() => dspValidator.assertValid('ContractNegotiationEventMessage', { '@type': 'ContractNegotiationEventMessage' })).toThrow(
      ProtocolValidationException,
    );
    try {
      dspValidator.assertValid('CatalogRequestMessage', {});
    } catch (error) {
      expect(error).toMatchObject({ status: 400, code: 'dsp_schema_violation', extensions: { schema: 'CatalogRequestMessage' } });
      expect((error as ProtocolValidationException).errors.length).toBeGreaterThan(0);
    }
    expect.assertions(3);
  });
});
