import { withContext } from '../common/json-ld';
import { DspDataAddress, flattenDataAddress } from '../transfer/data-address';
import { TransferProcess } from '../transfer/transfer-process';

/** An EDR entry (EDC EndpointDataReferenceEntry): which transfer holds an EDR, for which asset and agreement. */
export function edrEntryToJson(process: TransferProcess) {
  return withContext({
    '@id': process.id,
    '@type': 'EndpointDataReferenceEntry',
    transferProcessId: process.id,
    assetId: process.assetId ?? null,
    agreementId: process.agreementId,
    providerId: process.counterPartyId,
    state: process.state,
    createdAt: process.createdAt.getTime(),
  });
}

/** The EDR itself in EDC's flat DataAddress form (`endpoint`, `authorization`, `authType`, ...). */
export function edrDataAddressToJson(address: DspDataAddress) {
  return withContext({ '@type': 'DataAddress', ...flattenDataAddress(address) });
}

export const EDR_ENTRY_EXAMPLE = {
  '@context': ['https://w3id.org/edc/connector/management/v2'],
  '@id': '7f0e3a54-8a9b-4c7e-9d61-0b2a5f3c4e11',
  '@type': 'EndpointDataReferenceEntry',
  transferProcessId: '7f0e3a54-8a9b-4c7e-9d61-0b2a5f3c4e11',
  assetId: 'asset-1',
  agreementId: '3d6b2a3c-1c1f-4f53-b3f4-2f0e8c1d9a77',
  providerId: 'did:web:provider.example.com:bravo',
  state: 'STARTED',
  createdAt: 1767268800000,
};

export const EDR_DATA_ADDRESS_EXAMPLE = {
  '@context': ['https://w3id.org/edc/connector/management/v2'],
  '@type': 'DataAddress',
  type: 'https://w3id.org/idsa/v4.1/HTTP',
  endpointType: 'https://w3id.org/idsa/v4.1/HTTP',
  endpoint: 'https://dataplane.example.com/api/public',
  authorization: 'eyJhbGciOiJFUzI1NiIsImtpZCI6ImRwLTEifQ.eyJhdWQiOiI3ZjBlM2E1NCJ9.c2lnbmF0dXJl',
  authType: 'bearer',
};
