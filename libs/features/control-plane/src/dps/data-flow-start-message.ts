import { DPS_HTTP_PULL_PROFILE, DPS_HTTP_PUSH_PROFILE } from '@dsaas/protocol-dps';
import type { DspDataAddress } from '../transfer/data-address';
import type { TransferProcess } from '../transfer/transfer-process';

/** DPS profile of a transfer type: the HTTP profile's IRIs for HttpData-PULL/-PUSH, the type itself otherwise. */
export function profileOf(transferType: string): string {
  if (transferType === 'HttpData-PULL') return DPS_HTTP_PULL_PROFILE;
  if (transferType === 'HttpData-PUSH') return DPS_HTTP_PUSH_PROFILE;
  return transferType;
}

export interface DataFlowStartInput {
  process: TransferProcess;
  /** Our DID (the provider). */
  participantId: string;
  dataspaceContext: string;
  /** Base of our DPS callbacks: the data plane posts to `{callbackAddress}/transfers/{processId}/dataflow/{event}`. */
  callbackAddress: string;
  /** The asset's data address (EDC form: `type`, `baseUrl`, proxy flags, secret *names*, never secret values). */
  sourceDataAddress: Record<string, unknown>;
  /** Push: where to write (with its credentials; the message goes to our own data plane only). */
  destination?: DspDataAddress;
}

/**
 * A DataFlowStartMessage (DPS v1.0-RC3) without messageId. Besides the schema's fields it carries, as DPS data planes
 * built on the Eclipse dataplane SDK expect, `callbackAddress` and `transferType`; and in `metadata` what our data
 * plane needs to read the source: the owning context (whose SecretStore namespace holds the source credentials)
 * and the asset's data address.
 */
export function dataFlowStartMessage(input: DataFlowStartInput): Record<string, unknown> {
  const { process } = input;
  return {
    participantId: input.participantId,
    counterPartyId: process.counterPartyId,
    dataspaceContext: input.dataspaceContext,
    processId: process.id,
    agreementId: process.agreementId,
    datasetId: process.assetId ?? '',
    profile: profileOf(process.transferType),
    claims: { counterPartyId: process.counterPartyId },
    callbackAddress: input.callbackAddress,
    transferType: process.transferType,
    ...(input.destination ? { dataAddress: input.destination } : {}),
    metadata: {
      participantContextId: process.participantContextId,
      transferType: process.transferType,
      consumerPid: process.consumerPid,
      sourceDataAddress: input.sourceDataAddress,
    },
    labels: [],
  };
}
