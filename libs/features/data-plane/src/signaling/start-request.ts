import { DPS_HTTP_PUSH_PROFILE, DpsSchemaName, dpsValidator } from '@dsaas/protocol-dps';
import { isHttpUrl, ValidationException } from '@dsaas/model';
import { DspDataAddress, withDataAddressTypes } from '../flows/data-address';
import { DataFlow, FlowKind } from '../flows/data-flow';
import { parseSourceAddress, plainDataAddress, SourceAddress } from '../sources/source-address';

/** What a DataFlowStartMessage / DataFlowPrepareMessage asks for, read and checked. */
export interface StartRequest extends Pick<DataFlow, 'kind' | 'profile' | 'transferType' | 'agreementId' | 'datasetId' | 'counterPartyId' | 'callbackAddress'> {
  processId: string;
  participantContextId?: string;
  sourceAddress: Record<string, string>;
  source?: SourceAddress;
  destination?: DspDataAddress;
}

/** The message checked against its DPS schema, with the data address's `@type`s added first (see withDataAddressTypes). */
export function validDpsMessage(schema: DpsSchemaName, body: unknown): unknown {
  const message = body && typeof body === 'object' && !Array.isArray(body) ? { ...(body as Record<string, unknown>) } : body;
  if (message && typeof message === 'object' && 'dataAddress' in message) (message as Record<string, unknown>).dataAddress = withDataAddressTypes((message as Record<string, unknown>).dataAddress);
  dpsValidator.assertValid(schema, message);
  return message;
}

/** PUSH when the transfer type or the profile says so, PULL otherwise. */
function kindOf(transferType: string, profile: string): FlowKind {
  return /-PUSH$/i.test(transferType) || profile === DPS_HTTP_PUSH_PROFILE || /push$/i.test(profile) ? 'PUSH' : 'PULL';
}

/**
 * Validates the message against its DPS schema (ProtocolValidationException, 400) and reads what the flow needs.
 * Besides the schema's members: `callbackAddress` and `transferType` (as data planes built on the Eclipse
 * dataplane SDK expect), and in `metadata` the owning context and the asset's data address (`sourceDataAddress`).
 */
export function readStartRequest(body: unknown, schema: 'DataFlowStartMessage' | 'DataFlowPrepareMessage'): StartRequest {
  const m = validDpsMessage(schema, body) as Record<string, any>;
  const errors: string[] = [];
  const metadata = (m.metadata ?? {}) as Record<string, unknown>;
  if (m.callbackAddress !== undefined && !isHttpUrl(m.callbackAddress)) errors.push('callbackAddress must be an http(s) URL');
  const transferType = typeof m.transferType === 'string' ? m.transferType : typeof metadata.transferType === 'string' ? metadata.transferType : m.profile;
  const participantContextId = metadata.participantContextId;
  if (participantContextId !== undefined && (typeof participantContextId !== 'string' || !participantContextId)) errors.push('metadata.participantContextId must be a non-empty string');
  if (!m.processId) errors.push('processId must not be empty');
  if (typeof m.processId === 'string' && m.processId.length > 256) errors.push('processId must be at most 256 characters');
  const kind = kindOf(transferType, m.profile);
  const sourceAddress = plainDataAddress(metadata.sourceDataAddress);
  let source: SourceAddress | undefined;
  if (schema === 'DataFlowStartMessage') {
    try {
      source = parseSourceAddress(sourceAddress);
    } catch (error) {
      errors.push(`metadata.sourceDataAddress: ${(error as Error).message}`);
    }
    if (kind === 'PUSH' && (!m.dataAddress || !isHttpUrl(m.dataAddress.endpoint))) errors.push('dataAddress with an http(s) endpoint is required for a push flow (the destination)');
  }
  if (errors.length) throw new ValidationException(`The ${schema} is invalid`, errors);
  return {
    processId: m.processId,
    participantContextId: participantContextId as string | undefined,
    kind,
    profile: m.profile,
    transferType,
    agreementId: m.agreementId,
    datasetId: m.datasetId,
    counterPartyId: m.counterPartyId,
    callbackAddress: m.callbackAddress,
    sourceAddress,
    source,
    destination: kind === 'PUSH' ? (m.dataAddress as DspDataAddress | undefined) : undefined,
  };
}
