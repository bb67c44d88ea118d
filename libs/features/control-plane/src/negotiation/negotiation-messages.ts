import { DSP_CONTEXT_URL } from '@dsaas/protocol-dsp';
import { ContractNegotiation } from './contract-negotiation';
import { dspNegotiationState } from './negotiation-state';

const base = (type: string, negotiation: Pick<ContractNegotiation, 'consumerPid' | 'providerPid'>) => ({
  '@context': [DSP_CONTEXT_URL],
  '@type': type,
  providerPid: negotiation.providerPid ?? '',
  consumerPid: negotiation.consumerPid,
});

/** Our answer to `GET negotiations/{pid}` and to a provider's initial request. */
export function contractNegotiationMessage(negotiation: ContractNegotiation): Record<string, unknown> {
  return { ...base('ContractNegotiation', negotiation), state: dspNegotiationState(negotiation.state) };
}

/**
 * Consumer → provider: the initial request (with our callbackAddress) or a counter-request (with the providerPid;
 * the schema allows exactly one of the two).
 */
export function contractRequestMessage(negotiation: ContractNegotiation, callbackAddress: string): Record<string, unknown> {
  const message: Record<string, unknown> = { '@context': [DSP_CONTEXT_URL], '@type': 'ContractRequestMessage', consumerPid: negotiation.consumerPid };
  if (negotiation.providerPid) message.providerPid = negotiation.providerPid;
  message.offer = negotiation.offer;
  if (!negotiation.providerPid) message.callbackAddress = callbackAddress;
  return message;
}

export function contractAgreementMessage(negotiation: ContractNegotiation, agreement: Record<string, unknown>): Record<string, unknown> {
  return { ...base('ContractAgreementMessage', negotiation), agreement };
}

export function agreementVerificationMessage(negotiation: ContractNegotiation): Record<string, unknown> {
  return base('ContractAgreementVerificationMessage', negotiation);
}

export function negotiationEventMessage(negotiation: ContractNegotiation, eventType: 'ACCEPTED' | 'FINALIZED'): Record<string, unknown> {
  return { ...base('ContractNegotiationEventMessage', negotiation), eventType };
}

export function negotiationTerminationMessage(negotiation: ContractNegotiation): Record<string, unknown> {
  return { ...base('ContractNegotiationTerminationMessage', negotiation), code: 'terminated', ...(negotiation.reason ? { reason: [negotiation.reason] } : {}) };
}

/** A counter-party's code + reasons as one line (stored as our reason). */
export function reasonOfMessage(message: Record<string, unknown>): string | undefined {
  const reason = Array.isArray(message.reason) ? message.reason.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('; ') : undefined;
  const code = typeof message.code === 'string' ? message.code : undefined;
  const text = [code, reason].filter(Boolean).join(': ');
  return text ? text.slice(0, 2000) : undefined;
}
