import { withContext } from '../common/json-ld';
import { DSP_2025_1_PROTOCOL } from '../dsp/dsp-protocol';
import { flattenDataAddress } from './data-address';
import { counterPartyPid, TransferProcess } from './transfer-process';

/** Compact JSON-LD of a transfer process (EDC TransferProcess); secret values of addresses are never shown. */
export function transferProcessToJson(process: TransferProcess) {
  return withContext({
    '@id': process.id,
    '@type': 'TransferProcess',
    correlationId: counterPartyPid(process) ?? null,
    state: process.state,
    stateTimestamp: process.updatedAt.getTime(),
    type: process.role,
    assetId: process.assetId ?? null,
    contractId: process.agreementId,
    transferType: process.transferType,
    protocol: DSP_2025_1_PROTOCOL,
    counterPartyId: process.counterPartyId,
    counterPartyAddress: process.counterPartyAddress,
    ...(process.dataDestination ? { dataDestination: { '@type': 'DataAddress', ...flattenDataAddress(process.dataDestination) } } : {}),
    ...(process.dataPlaneId ? { dataPlaneId: process.dataPlaneId } : {}),
    callbackAddresses: process.callbackAddresses,
    privateProperties: process.privateProperties,
    ...(process.errorDetail ? { errorDetail: process.errorDetail } : {}),
    ...(process.reason && process.reason !== process.errorDetail ? { reason: process.reason } : {}),
    createdAt: process.createdAt.getTime(),
  });
}

export const TRANSFER_PROCESS_EXAMPLE = {
  '@context': ['https://w3id.org/edc/connector/management/v2'],
  '@id': '7f0e3a54-8a9b-4c7e-9d61-0b2a5f3c4e11',
  '@type': 'TransferProcess',
  correlationId: 'c1a2b3d4-0000-4e5f-8a9b-123456789abc',
  state: 'STARTED',
  stateTimestamp: 1767268805000,
  type: 'CONSUMER',
  assetId: 'asset-1',
  contractId: '3d6b2a3c-1c1f-4f53-b3f4-2f0e8c1d9a77',
  transferType: 'HttpData-PULL',
  protocol: 'http-dsp-profile-2025-1',
  counterPartyId: 'did:web:provider.example.com:bravo',
  counterPartyAddress: 'https://provider.example.com/api/dsp/bravo/2025-1',
  callbackAddresses: [],
  privateProperties: {},
  createdAt: 1767268800000,
};

export function transferStateToJson(process: TransferProcess) {
  return withContext({ '@type': 'TransferState', state: process.state });
}

export const TRANSFER_STATE_EXAMPLE = { '@context': ['https://w3id.org/edc/connector/management/v2'], '@type': 'TransferState', state: 'STARTED' };
