import { randomUUID } from 'crypto';
import { DPS_HTTP_PULL_PROFILE, DPS_HTTP_PUSH_PROFILE } from '@dsaas/protocol-dps';

/** A DataFlowStartMessage as the control plane's DPS client sends it. */
export function startMessage(options: {
  id?: string;
  context?: string;
  source: Record<string, string>;
  push?: { endpoint: string; properties?: Record<string, string> };
  callbackAddress?: string;
}): Record<string, unknown> {
  const id = options.id ?? randomUUID();
  return {
    messageId: randomUUID(),
    participantId: 'did:web:provider.example.com',
    counterPartyId: 'did:web:consumer.example.com',
    dataspaceContext: 'dataspace-x',
    processId: id,
    agreementId: `agreement-${id}`,
    datasetId: 'asset-1',
    profile: options.push ? DPS_HTTP_PUSH_PROFILE : DPS_HTTP_PULL_PROFILE,
    transferType: options.push ? 'HttpData-PUSH' : 'HttpData-PULL',
    claims: { counterPartyId: 'did:web:consumer.example.com' },
    ...(options.callbackAddress ? { callbackAddress: options.callbackAddress } : {}),
    ...(options.push
      ? {
          dataAddress: {
            '@type': 'DataAddress',
            endpointType: 'https://w3id.org/idsa/v4.1/HTTP',
            endpoint: options.push.endpoint,
            ...(options.push.properties
              ? { endpointProperties: Object.entries(options.push.properties).map(([name, value]) => ({ '@type': 'EndpointProperty', name, value })) }
              : {}),
          },
        }
      : {}),
    metadata: { participantContextId: options.context ?? 'acme', sourceDataAddress: options.source },
    labels: [],
  };
}

/** endpoint and token of an EDR data address. */
export function edrOf(dataAddress: { endpoint: string; endpointProperties: { name: string; value: string }[] }): { endpoint: string; token: string; refreshToken: string; refreshEndpoint: string } {
  const property = (name: string) => dataAddress.endpointProperties.find((p) => p.name === name)!.value;
  return { endpoint: dataAddress.endpoint, token: property('authorization'), refreshToken: property('refreshToken'), refreshEndpoint: property('refreshEndpoint') };
}
