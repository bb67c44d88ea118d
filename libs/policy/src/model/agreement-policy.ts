import { normalizePolicy } from './normalize-policy';
import { OdrlPolicy } from './odrl-policy';

export interface AgreementParties {
  /** The consumer (its DID). */
  assignee: string;
  /** The provider (its DID). */
  assigner: string;
  /** The asset (dataset) id. */
  target: string;
  /** The agreement id, when the caller wants it on the policy. */
  id?: string;
  /** The signing time; DSP's Agreement carries it as `timestamp`. */
  timestamp?: Date | string;
}

/** The agreement's policy: the offer's rules unchanged, typed Agreement, bound to the parties and the asset. */
export function toAgreementPolicy(offer: unknown, parties: AgreementParties): OdrlPolicy {
  const { '@id': _offerId, ...rest } = normalizePolicy(offer);
  const policy: OdrlPolicy = {
    ...rest,
    '@type': 'Agreement',
    target: parties.target,
    assigner: parties.assigner,
    assignee: parties.assignee,
  };
  if (parties.id) policy['@id'] = parties.id;
  if (parties.timestamp) policy.timestamp = parties.timestamp instanceof Date ? parties.timestamp.toISOString() : parties.timestamp;
  return policy;
}
