import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { dpsValidator } from '@dsaas/protocol-dps';
import { dspValidator } from '@dsaas/protocol-dsp';
import { dataFlowStartMessage } from '../../src/dps/data-flow-start-message';
import { normalizeDataAddress } from '../../src/transfer/data-address';
import { TransferProcess } from '../../src/transfer/transfer-process';
import { transferEndMessage, transferProcessMessage, transferRequestMessage, transferStartMessage } from '../../src/transfer/transfer-messages';
import { TRANSFER_STATES } from '../../src/transfer/transfer-state';

const SPECS = '/work/shared/specs';
const DSP_EXAMPLES = join(SPECS, 'dsp-2025-1/examples/transfer');
const SCHEMA_OF: Record<string, Parameters<typeof dspValidator.validate>[0]> = {
  'transfer-completion-message.json': 'TransferCompletionMessage',
  'transfer-error.json': 'TransferError',
  'transfer-process.json': 'TransferProcess',
  'transfer-request-message.json': 'TransferRequestMessage',
  'transfer-start-message.json': 'TransferStartMessage',
  'transfer-suspension-message.json': 'TransferSuspensionMessage',
  'transfer-termination-message.json': 'TransferTerminationMessage',
};
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

const PROCESS: TransferProcess = {
  participantContextId: 'provider',
  id: 'a343fcbf-99fc-4ce8-8e9b-148c97605aab',
  role: 'PROVIDER',
  state: 'STARTED',
  consumerPid: 'urn:uuid:32541fe6-c580-409e-85a8-8a9a32fbe833',
  providerPid: 'a343fcbf-99fc-4ce8-8e9b-148c97605aab',
  agreementId: 'agreement-1',
  assetId: 'asset-1',
  counterPartyId: 'did:web:consumer.example.com',
  counterPartyAddress: 'https://consumer.example.com/api/dsp/c/2025-1',
  transferType: 'HttpData-PULL',
  callbackAddresses: [],
  privateProperties: {},
  createdAt: new Date(),
  updatedAt: new Date(),
};

/** The official transfer examples, and every message we build, against the DSP 2025-1 and DPS schemas. */
describe('transfer messages and the official fixtures', () => {
  it.each(readdirSync(DSP_EXAMPLES))('the DSP example %s is valid', (file) => {
    expect(dspValidator.validate(SCHEMA_OF[file], read(join(DSP_EXAMPLES, file)))).toEqual({ valid: true, errors: [] });
  });

  it('builds schema-valid messages in every state, with and without data addresses', () => {
    const address = normalizeDataAddress(read(join(SPECS, 'dps/examples/signaling-md/DataAddress.json')))!;
    for (const state of TRANSFER_STATES) {
      expect(dspValidator.validate('TransferProcess', transferProcessMessage({ ...PROCESS, state }))).toEqual({ valid: true, errors: [] });
    }
    const consumerSide = { ...PROCESS, role: 'CONSUMER' as const, providerPid: undefined };
    expect(dspValidator.validate('TransferRequestMessage', transferRequestMessage(consumerSide, 'https://c.example.com/api/dsp/c/2025-1'))).toEqual({ valid: true, errors: [] });
    expect(dspValidator.validate('TransferRequestMessage', transferRequestMessage(consumerSide, 'https://c.example.com/api/dsp/c/2025-1', address))).toEqual({ valid: true, errors: [] });
    expect(dspValidator.validate('TransferStartMessage', transferStartMessage(PROCESS, address))).toEqual({ valid: true, errors: [] });
    expect(dspValidator.validate('TransferStartMessage', transferStartMessage(PROCESS))).toEqual({ valid: true, errors: [] });
    expect(dspValidator.validate('TransferCompletionMessage', transferEndMessage('TransferCompletionMessage', PROCESS, 'ignored'))).toEqual({ valid: true, errors: [] });
    for (const type of ['TransferSuspensionMessage', 'TransferTerminationMessage'] as const) {
      expect(dspValidator.validate(type, transferEndMessage(type, PROCESS, 'a reason'))).toEqual({ valid: true, errors: [] });
      expect(dspValidator.validate(type, transferEndMessage(type, PROCESS))).toEqual({ valid: true, errors: [] });
    }
  });

  it('adds the @types the DPS examples leave out, so their data addresses become valid DSP DataAddresses', () => {
    for (const file of ['signaling-md/DataAddress.json', 'signaling-md/DataFlowStartMessage.json', 'openapi/data-plane__post_dataflows_start__response-200.json']) {
      const example = read(join(SPECS, 'dps/examples', file));
      const raw = example.dataAddress ?? example;
      expect(dspValidator.validate('DataAddress', raw).valid).toBe(false);
      expect(dspValidator.validate('DataAddress', normalizeDataAddress(raw))).toEqual({ valid: true, errors: [] });
    }
    expect(normalizeDataAddress({ endpoint: 'https://x' })).toBeUndefined();
    expect(normalizeDataAddress('x')).toBeUndefined();
  });

  it('builds DataFlowStartMessages valid against the DPS schema, for pull and for push', () => {
    const destination = normalizeDataAddress({ endpointType: 'HttpData', endpoint: 'https://sink.example.com', endpointProperties: [{ name: 'authorization', value: 's' }] });
    for (const [process, dest] of [[PROCESS, undefined], [{ ...PROCESS, transferType: 'HttpData-PUSH' }, destination]] as const) {
      const message = { messageId: 'm-1', ...dataFlowStartMessage({ process, participantId: 'did:web:p', dataspaceContext: 'dsaas', callbackAddress: 'https://cp/api/signaling/v1', sourceDataAddress: { type: 'HttpData', baseUrl: 'https://src' }, destination: dest }) };
      expect(dpsValidator.validate('DataFlowStartMessage', message)).toEqual({ valid: true, errors: [] });
    }
  });
});
