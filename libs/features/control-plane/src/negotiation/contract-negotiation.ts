import type { NegotiationRole, NegotiationState } from './negotiation-state';

/** A contract negotiation as the services see it (see ContractNegotiationEntity for the meaning of each field). */
export interface ContractNegotiation {
  participantContextId: string;
  id: string;
  role: NegotiationRole;
  state: NegotiationState;
  counterPartyId: string;
  counterPartyAddress: string;
  protocol: string;
  consumerPid: string;
  providerPid?: string;
  assetId: string;
  offer: Record<string, unknown>;
  contractDefinitionId?: string;
  agreementId?: string;
  callbackAddresses: unknown[];
  reason?: string;
  errorDetail?: string;
  createdAt: Date;
  updatedAt: Date;
}

/** The counter-party's pid of a negotiation (undefined while a consumer has not heard from the provider). */
export function theirPid(negotiation: Pick<ContractNegotiation, 'role' | 'consumerPid' | 'providerPid'>): string | undefined {
  return negotiation.role === 'CONSUMER' ? negotiation.providerPid : negotiation.consumerPid;
}
