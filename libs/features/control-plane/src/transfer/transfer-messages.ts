import { DSP_CONTEXT_URL } from '@dsaas/protocol-dsp';
import type { DspDataAddress } from './data-address';
import { TransferProcess } from './transfer-process';
import { dspStateOf } from './transfer-state';

type Pids = Pick<TransferProcess, 'consumerPid' | 'providerPid'>;

function pidsOf(process: Pids): { providerPid: string; consumerPid: string } {
  return { providerPid: process.providerPid ?? '', consumerPid: process.consumerPid };
}

/** The TransferProcess message (ACK of a request, answer of `GET transfers/{pid}`). */
export function transferProcessMessage(process: TransferProcess) {
  return { '@context': [DSP_CONTEXT_URL], '@type': 'TransferProcess', ...pidsOf(process), state: dspStateOf(process.state) };
}

export function transferRequestMessage(process: TransferProcess, callbackAddress: string, dataAddress?: DspDataAddress) {
  return {
    '@context': [DSP_CONTEXT_URL],
    '@type': 'TransferRequestMessage',
    consumerPid: process.consumerPid,
    agreementId: process.agreementId,
    format: process.transferType,
    callbackAddress,
    ...(dataAddress ? { dataAddress } : {}),
  };
}

export function transferStartMessage(process: Pids, dataAddress?: DspDataAddress) {
  return { '@context': [DSP_CONTEXT_URL], '@type': 'TransferStartMessage', ...pidsOf(process), ...(dataAddress ? { dataAddress } : {}) };
}

export type TransferEndMessageType = 'TransferCompletionMessage' | 'TransferSuspensionMessage' | 'TransferTerminationMessage';

/** Completion, suspension or termination; the last two carry our reason. */
export function transferEndMessage(type: TransferEndMessageType, process: Pids, reason?: string) {
  return {
    '@context': [DSP_CONTEXT_URL],
    '@type': type,
    ...pidsOf(process),
    ...(type !== 'TransferCompletionMessage' && reason ? { reason: [reason] } : {}),
  };
}

/** DSP path suffix of each message a counter-party sends about an existing process. */
export const TRANSFER_MESSAGE_PATHS = {
  TransferStartMessage: 'start',
  TransferCompletionMessage: 'completion',
  TransferSuspensionMessage: 'suspension',
  TransferTerminationMessage: 'termination',
} as const;
export type TransferMessageType = keyof typeof TRANSFER_MESSAGE_PATHS;
