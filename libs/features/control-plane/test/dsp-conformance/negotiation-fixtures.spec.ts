import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { toAgreementPolicy } from '@dsaas/policy';
import { dspValidator } from '@dsaas/protocol-dsp';
import { toDspPolicy } from '../../src/catalog/dsp-policy';
import { ContractNegotiation } from '../../src/negotiation/contract-negotiation';
import {
  agreementVerificationMessage,
  contractAgreementMessage,
  contractNegotiationMessage,
  contractRequestMessage,
  negotiationEventMessage,
  negotiationTerminationMessage,
} from '../../src/negotiation/negotiation-messages';
import { NegotiationState } from '../../src/negotiation/negotiation-state';
import { parseContractRequest } from '../../src/negotiation/parse-contract-request';

const EXAMPLES = '/work/shared/specs/dsp-2025-1/examples/negotiation';
const SCHEMA_OF: Record<string, Parameters<typeof dspValidator.validate>[0]> = {
  'contract-agreement-message-full.json': 'ContractAgreementMessage',
  'contract-agreement-message.json': 'ContractAgreementMessage',
  'contract-agreement-verification-message.json': 'ContractAgreementVerificationMessage',
  'contract-negotiation-error.json': 'ContractNegotiationError',
  'contract-negotiation-event-message.json': 'ContractNegotiationEventMessage',
  'contract-negotiation-termination-message.json': 'ContractNegotiationTerminationMessage',
  'contract-negotiation.json': 'ContractNegotiation',
  'contract-offer-message.json': 'ContractOfferMessage',
  'contract-offer-message_initial.json': 'ContractOfferMessage',
  'contract-request-message.json': 'ContractRequestMessage',
  'contract-request-message_initial.json': 'ContractRequestMessage',
};
const read = (file: string) => JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8'));
const valid = { valid: true, errors: [] };

const NEGOTIATION: ContractNegotiation = {
  participantContextId: 'consumer',
  id: 'urn:uuid:32541fe6-c580-409e-85a8-8a9a32fbe833',
  role: 'CONSUMER',
  state: NegotiationState.REQUESTED,
  counterPartyId: 'did:web:provider.example.com',
  counterPartyAddress: 'https://provider.example.com/api/dsp/p/2025-1',
  protocol: 'http-dsp-profile-2025-1',
  consumerPid: 'urn:uuid:32541fe6-c580-409e-85a8-8a9a32fbe833',
  providerPid: 'urn:uuid:a343fcbf-99fc-4ce8-8e9b-148c97605aab',
  assetId: 'urn:uuid:3dd1add4-4d2d-569e-d634-8394a8836d23',
  offer: read('contract-request-message.json').offer,
  callbackAddresses: [],
  reason: 'License model does not fit.',
  createdAt: new Date(),
  updatedAt: new Date(),
};

/** The official negotiation examples, and every message we build, against the DSP 2025-1 schemas. */
describe('negotiation messages and the official fixtures', () => {
  it.each(readdirSync(EXAMPLES))('the DSP example %s is valid', (file) => {
    expect(dspValidator.validate(SCHEMA_OF[file], read(file))).toEqual(valid);
  });

  it('builds valid messages: request (initial and counter), agreement, verification, events, termination, ContractNegotiation in every state', () => {
    expect(dspValidator.validate('ContractRequestMessage', contractRequestMessage({ ...NEGOTIATION, providerPid: undefined }, 'https://consumer.example.com/api/dsp/c/2025-1'))).toEqual(valid);
    expect(dspValidator.validate('ContractRequestMessage', contractRequestMessage(NEGOTIATION, 'https://consumer.example.com/api/dsp/c/2025-1'))).toEqual(valid);
    expect(dspValidator.validate('ContractAgreementVerificationMessage', agreementVerificationMessage(NEGOTIATION))).toEqual(valid);
    for (const eventType of ['ACCEPTED', 'FINALIZED'] as const) expect(dspValidator.validate('ContractNegotiationEventMessage', negotiationEventMessage(NEGOTIATION, eventType))).toEqual(valid);
    expect(dspValidator.validate('ContractNegotiationTerminationMessage', negotiationTerminationMessage(NEGOTIATION))).toEqual(valid);
    expect(dspValidator.validate('ContractNegotiationTerminationMessage', negotiationTerminationMessage({ ...NEGOTIATION, reason: undefined }))).toEqual(valid);
    for (const state of Object.values(NegotiationState)) expect(dspValidator.validate('ContractNegotiation', contractNegotiationMessage({ ...NEGOTIATION, state }))).toEqual(valid);
  });

  it('the agreement we make from the full example offer (and/or/xone/andSequence constraints) is a valid Agreement', () => {
    const offer = { ...read('contract-agreement-message-full.json').agreement, '@type': 'Offer', '@id': 'offer-1' };
    const parties = { assigner: 'did:web:provider.example.com', assignee: 'did:web:consumer.example.com', target: 'asset-1' };
    const id = 'urn:uuid:e8dc8655-44c2-46ef-b701-4cffdc2faa44';
    const timestamp = '2026-01-01T00:00:00.000Z';
    const agreement = toDspPolicy(toAgreementPolicy(offer, { ...parties, id, timestamp }), { ...parties, id, type: 'Agreement', timestamp });
    expect(dspValidator.validate('ContractAgreementMessage', contractAgreementMessage(NEGOTIATION, agreement))).toEqual(valid);
    expect(agreement).toMatchObject({ '@id': id, '@type': 'Agreement', ...parties, timestamp });
    expect((agreement.permission as unknown[]).length).toBe(7);
  });

  it('reads the example offers as management ContractRequests (policy @id, target, assigner as counterPartyId)', () => {
    for (const file of ['contract-request-message_initial.json', 'contract-offer-message.json']) {
      const offer = read(file).offer;
      const input = parseContractRequest({
        '@context': ['https://w3id.org/edc/connector/management/v2'],
        '@type': 'ContractRequest',
        protocol: 'http-dsp-profile-2025-1',
        counterPartyAddress: 'https://provider.example.com/api/dsp/p/2025-1',
        policy: { ...offer, assigner: 'did:web:provider.example.com' },
      });
      expect(input).toMatchObject({ counterPartyId: 'did:web:provider.example.com', assetId: offer.target, offer: { '@id': offer['@id'], '@type': 'Offer', target: offer.target } });
      expect(dspValidator.validate('ContractRequestMessage', contractRequestMessage({ ...NEGOTIATION, offer: input.offer, providerPid: undefined }, 'https://c.example.com'))).toEqual(valid);
    }
  });
});
