import { DPS_HTTP_PULL_PROFILE } from '@dsaas/protocol-dps';
import { EDR_TOKEN_EXAMPLE, FLOW_ID_EXAMPLE, MESSAGE_ID_EXAMPLE } from '../common/api-docs';

export const START_EXAMPLE = {
  messageId: MESSAGE_ID_EXAMPLE,
  participantId: 'did:web:provider.example.com',
  counterPartyId: 'did:web:consumer.example.com',
  dataspaceContext: 'dataspace-x',
  processId: FLOW_ID_EXAMPLE,
  agreementId: 'agreement-1',
  datasetId: 'asset-1',
  profile: DPS_HTTP_PULL_PROFILE,
  transferType: 'HttpData-PULL',
  callbackAddress: 'https://cp.example.com/api/signaling/v1',
  claims: { counterPartyId: 'did:web:consumer.example.com' },
  metadata: { participantContextId: 'acme', sourceDataAddress: { type: 'HttpData', baseUrl: 'https://data.example.com/weather', proxyPath: 'true', secretName: 'weather-api-key' } },
};

export const PREPARE_EXAMPLE = { ...START_EXAMPLE, metadata: { participantContextId: 'acme' } };

export const EDR_EXAMPLE = {
  '@type': 'DataAddress',
  endpointType: 'https://w3id.org/idsa/v4.1/HTTP',
  endpoint: `https://dp.example.com/api/public/${FLOW_ID_EXAMPLE}`,
  endpointProperties: [
    { '@type': 'EndpointProperty', name: 'authorization', value: EDR_TOKEN_EXAMPLE },
    { '@type': 'EndpointProperty', name: 'authType', value: 'bearer' },
    { '@type': 'EndpointProperty', name: 'expiresIn', value: '300' },
    { '@type': 'EndpointProperty', name: 'refreshToken', value: 'MGY3YzFhMzY.q3Jx...' },
    { '@type': 'EndpointProperty', name: 'refreshEndpoint', value: 'https://dp.example.com/api/public/token' },
    { '@type': 'EndpointProperty', name: 'flowId', value: FLOW_ID_EXAMPLE },
  ],
};

export const status = (state: string, dataAddress?: unknown) => ({ messageId: MESSAGE_ID_EXAMPLE, dataFlowId: FLOW_ID_EXAMPLE, state, ...(dataAddress ? { dataAddress } : {}) });
