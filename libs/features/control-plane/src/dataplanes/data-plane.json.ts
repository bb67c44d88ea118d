import { withContext } from '../common/json-ld';
import { DataPlane } from './data-plane';

/** Compact JSON-LD of a registered data plane (EDC DataPlaneInstance). */
export function dataPlaneToJson(dataPlane: DataPlane) {
  return withContext({
    '@id': dataPlane.id,
    '@type': 'DataPlaneInstance',
    url: dataPlane.url,
    allowedSourceTypes: dataPlane.allowedSourceTypes,
    allowedTransferTypes: dataPlane.allowedTransferTypes,
    destinationProvisionTypes: dataPlane.destinationProvisionTypes,
    properties: dataPlane.properties,
    state: dataPlane.state,
    createdAt: dataPlane.createdAt.getTime(),
    stateTimestamp: dataPlane.updatedAt.getTime(),
  });
}

export const DATA_PLANE_REQUEST_EXAMPLE = {
  '@context': ['https://w3id.org/edc/connector/management/v2'],
  '@id': 'dataplane-1',
  url: 'https://dataplane.example.com/api/signaling/v1/dataflows',
  allowedSourceTypes: ['HttpData'],
  allowedTransferTypes: ['HttpData-PULL', 'HttpData-PUSH'],
  properties: { publicApiUrl: 'https://dataplane.example.com/api/public' },
};

export const DATA_PLANE_EXAMPLE = {
  ...DATA_PLANE_REQUEST_EXAMPLE,
  '@type': 'DataPlaneInstance',
  destinationProvisionTypes: [],
  state: 'REGISTERED',
  createdAt: 1767268800000,
  stateTimestamp: 1767268800000,
};
